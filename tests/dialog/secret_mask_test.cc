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
  // A chunk ending in the start of a secret is held back until the next chunk.
  SecretMask mask;
  mask.add("s3cr3t");
  std::string logged = mask.mask_received("echo s3c");
  EXPECT_EQ(logged, "echo ");
  logged += mask.mask_received("r3t and more s");
  logged += mask.flush();
  EXPECT_EQ(logged, "echo <redacted> and more s");
}

TEST(DialogSecretMask, HeldBytesThatAreNoSecretComeOutLater) {
  // Held-back bytes are logged once they turn out not to be a secret.
  SecretMask mask;
  mask.add("abcdef");
  EXPECT_EQ(mask.mask_received("xyzabc"), "xyz");
  EXPECT_EQ(mask.mask_received("XYZ"), "abcXYZ");
}

TEST(DialogSecretMask, LearnsSecretsFromConfigLines) {
  // Passwords in lines we send are masked, also when the device echoes them.
  SecretMask mask;
  mask.add_from_line("username bob privilege 15 secret 0 Pl4inText");
  mask.add_from_line("hostname r1");
  EXPECT_EQ(mask.mask("username bob privilege 15 secret 0 Pl4inText\r\n"),
            "username bob privilege 15 secret 0 <redacted>\r\n");
  EXPECT_EQ(mask.mask("hostname r1"), "hostname r1");
}

}  // namespace
}  // namespace iosctl::dialog
