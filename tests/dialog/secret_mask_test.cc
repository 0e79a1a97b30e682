#include "iosctl/dialog/secret_mask.h"

#include <gtest/gtest.h>

#include <string>

namespace iosctl::dialog {
namespace {

TEST(DialogSecretMask, MasksEveryOccurrence) {
  // Each secret is replaced wherever it appears.
  SecretMask mask;
  mask.add("s3cr3t");
  mask.add("");
  EXPECT_EQ(mask.mask("s3cr3t\n and s3cr3t"), "<redacted>\n and <redacted>");
  EXPECT_EQ(mask.mask("nothing here"), "nothing here");
}

TEST(DialogSecretMask, SecretSplitAcrossChunksIsStillMasked) {
  // Received bytes are released in whole lines, so a secret cut by a read is seen whole.
  SecretMask mask;
  mask.add("s3cr3t");
  std::string logged = mask.mask_received("echo s3c");
  EXPECT_EQ(logged, "");
  logged += mask.mask_received("r3t and\n more s");
  EXPECT_EQ(logged, "echo <redacted> and\n");
  logged += mask.flush();
  EXPECT_EQ(logged, "echo <redacted> and\n more s");
  EXPECT_EQ(mask.flush(), "");
}

TEST(DialogSecretMask, DeviceLinesAreMaskedByTheConfigRules) {
  // Secrets nobody told the mask about are hidden by config::redact_line, also when split.
  SecretMask mask;
  std::string logged = mask.mask_received("r1#show run\r\nsnmp-server comm");
  logged += mask.mask_received("unity Publ1c RO\r\nFailed to apply command snmp-server community ");
  logged += mask.mask_received("Priv8 RW\r\nr1#");
  logged += mask.flush();
  EXPECT_EQ(logged,
            "r1#show run\r\nsnmp-server community <redacted> RO\r\n"
            "Failed to apply command snmp-server community <redacted> RW\r\nr1#");
}

TEST(DialogSecretMask, AnEndlessLineIsReleasedAtTheCap) {
  // A device that never ends its line cannot make the log hold more than kMaxHeld bytes.
  SecretMask mask;
  const std::string chunk(SecretMask::kMaxHeld, 'x');
  EXPECT_EQ(mask.mask_received(chunk), "");
  EXPECT_EQ(mask.mask_received("y"), chunk + "y");
  EXPECT_EQ(mask.flush(), "");
}

TEST(DialogSecretMask, LearnsSecretsFromConfigLines) {
  // Passwords in lines we send are masked, also when the device echoes them.
  SecretMask mask;
  mask.add_from_line("username bob privilege 15 secret 0 Pl4inText");
  mask.add_from_line("snmp-server user U G v3 auth sha Auth1 priv aes 128 Priv1");
  mask.add_from_line("hostname r1");
  EXPECT_EQ(mask.mask("username bob privilege 15 secret 0 Pl4inText\r\n"),
            "username bob privilege 15 secret 0 <redacted>\r\n");
  EXPECT_EQ(mask.mask("Auth1 Priv1"), "<redacted> <redacted>");
  EXPECT_EQ(mask.mask("hostname r1"), "hostname r1");
}

TEST(DialogSecretMask, SentLinesAreMaskedLikeReceivedOnes) {
  // What is sent is masked by the known secrets and the config rules alike.
  SecretMask mask;
  mask.add("hunter2");
  EXPECT_EQ(mask.mask_lines("enable secret 0 x\nlogin hunter2\n"),
            "enable secret 0 <redacted>\nlogin <redacted>\n");
}

TEST(DialogSecretMask, AKnownSecretThatIsAKeywordDoesNotHideTheRuleKeyword) {
  // With the password `secret`, `username u secret 0 X` still has X masked by its rule.
  SecretMask mask;
  mask.add("secret");
  EXPECT_EQ(mask.mask_lines("+username ops privilege 1 secret 0 S2\n"),
            "+username ops privilege 1 <redacted> 0 <redacted>\n");
}

}  // namespace
}  // namespace iosctl::dialog
