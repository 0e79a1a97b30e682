#include "iosctl/config/diff.h"

#include "iosctl/config/contextual_format.h"
#include "iosctl/config/json_format.h"
#include "iosctl/config/json_text.h"
#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace iosctl::config {
namespace {

ConfigDiff diff_texts(std::string_view running, std::string_view candidate) {
  return diff_configs(normalize(parse_config(running)), normalize(parse_config(candidate)));
}

std::string contextual(std::string_view running, std::string_view candidate) {
  return format_contextual(diff_texts(running, candidate), DisplayOptions{});
}

// Equal configurations print IOS's "no changes" answer.
TEST(ContextualDiffTest, EqualConfigsSayNoChanges) {
  EXPECT_EQ(contextual("hostname r1\n!\nend\n", "!\nhostname r1\nend\n"),
            "!Contextual Config Diffs:\n!No changes were found\n");
}

// Additions come first in candidate order, then removals; a changed child
// sits under its unsigned parent, a new block is signed throughout.
TEST(ContextualDiffTest, ShapedLikeShowArchiveConfigDifferences) {
  const std::string running =
      "hostname r1\n"
      "interface GigabitEthernet2\n"
      " no ip address\n"
      " negotiation auto\n"
      "end\n";
  const std::string candidate =
      "hostname r1\n"
      "interface GigabitEthernet2\n"
      " ip address 172.20.0.1 255.255.255.0\n"
      " negotiation auto\n"
      "router bgp 65000\n"
      " bgp log-neighbor-changes\n"
      " neighbor 1.1.1.1 remote-as 12345\n"
      "end\n";
  EXPECT_EQ(contextual(running, candidate),
            "!Contextual Config Diffs:\n"
            "interface GigabitEthernet2\n"
            " +ip address 172.20.0.1 255.255.255.0\n"
            "+router bgp 65000\n"
            " +bgp log-neighbor-changes\n"
            " +neighbor 1.1.1.1 remote-as 12345\n"
            "interface GigabitEthernet2\n"
            " -no ip address\n");
}

// A removed block lists every line in it, and deep changes print the whole
// parent chain once.
TEST(ContextualDiffTest, RemovedBlockAndDeepChange) {
  const std::string running =
      "router bgp 65000\n"
      " address-family ipv4\n"
      "  neighbor 192.0.2.1 activate\n"
      " exit-address-family\n"
      "ip access-list standard OLD\n"
      " permit 10.0.0.0 0.255.255.255\n";
  const std::string candidate =
      "router bgp 65000\n"
      " address-family ipv4\n"
      "  neighbor 192.0.2.1 activate\n"
      "  neighbor 192.0.2.2 activate\n"
      " exit-address-family\n";
  EXPECT_EQ(contextual(running, candidate),
            "!Contextual Config Diffs:\n"
            "router bgp 65000\n"
            " address-family ipv4\n"
            "  +neighbor 192.0.2.2 activate\n"
            "-ip access-list standard OLD\n"
            " -permit 10.0.0.0 0.255.255.255\n");
}

// Lines whose order means nothing (NTP servers) may move freely.
TEST(ContextualDiffTest, MovedLinesOutsideOrderedBlocksAreNoChange) {
  const ConfigDiff d = diff_texts("ntp server 192.0.2.1\nntp server 192.0.2.2\n",
                                  "ntp server 192.0.2.2\nntp server 192.0.2.1\n");
  EXPECT_TRUE(d.empty());
}

// Swapping two ACL entries changes what the ACL does, so it is reported.
TEST(ContextualDiffTest, ReorderedAclEntriesAreReported) {
  const std::string running =
      "ip access-list extended EDGE-IN\n"
      " permit tcp any any eq 22\n"
      " deny ip any any log\n"
      " permit icmp any any\n";
  const std::string candidate =
      "ip access-list extended EDGE-IN\n"
      " permit tcp any any eq 22\n"
      " permit icmp any any\n"
      " deny ip any any log\n";
  EXPECT_EQ(contextual(running, candidate),
            "!Contextual Config Diffs:\n"
            "!The following order-dependent line(s) were re-ordered\n"
            "ip access-list extended EDGE-IN\n"
            " deny ip any any log\n"
            "!End of reordered section\n");
}

// Numbered ACL lines are one list per number, even at top level.
TEST(ContextualDiffTest, ReorderedNumberedAclIsReported) {
  const ConfigDiff d = diff_texts(
      "access-list 10 permit 192.0.2.0 0.0.0.255\naccess-list 10 deny any\nhostname r1\n",
      "hostname r1\naccess-list 10 deny any\naccess-list 10 permit 192.0.2.0 0.0.0.255\n");
  ASSERT_EQ(d.reordered.size(), 1u);
  EXPECT_TRUE(d.reordered[0].path.empty());
  EXPECT_EQ(d.reordered[0].lines.size(), 1u);
  EXPECT_TRUE(d.added.empty());
  EXPECT_TRUE(d.removed.empty());
}

// Policy-map classes are matched first to last: their order matters.
TEST(ContextualDiffTest, ReorderedPolicyMapClassesAreReported) {
  const ConfigDiff d = diff_texts(
      "policy-map WAN-OUT\n class VOICE\n  priority percent 20\n class VIDEO\n  bandwidth 30\n",
      "policy-map WAN-OUT\n class VIDEO\n  bandwidth 30\n class VOICE\n  priority percent 20\n");
  ASSERT_EQ(d.reordered.size(), 1u);
  EXPECT_EQ(d.reordered[0].path, (std::vector<std::string>{"policy-map WAN-OUT"}));
}

// A removed certificate prints its hex one level deeper and keeps the TAB of
// its quit line, as IOS does.
TEST(ContextualDiffTest, RemovedCertificateLikeIos) {
  const std::string running =
      "crypto pki certificate chain TP-1\n"
      " certificate self-signed 01\n"
      "  30820330 30820218 \n"
      "  \tquit\n";
  EXPECT_EQ(contextual(running, ""),
            "!Contextual Config Diffs:\n"
            "-crypto pki certificate chain TP-1\n"
            " -certificate self-signed 01\n"
            "  -30820330 30820218\n"
            "  -\tquit\n");
}

// The same banner written with ETX (file) and shown as ^C (show run) is equal.
TEST(ContextualDiffTest, EtxAndCaretCBannersAreEqual) {
  EXPECT_TRUE(diff_texts("banner motd ^C\nAuthorised only\n^C\n",
                         "banner motd \x03\nAuthorised only\n\x03\n")
                  .empty());
}

// A changed banner is a removed and an added unit, displayed with ^C.
TEST(ContextualDiffTest, ChangedBannerShowsBothVersions) {
  EXPECT_EQ(contextual("banner motd ^C\nold\n^C\n", "banner motd \x03\nnew\n\x03\n"),
            "!Contextual Config Diffs:\n+banner motd ^C\n+new\n+^C\n-banner motd ^C\n-old\n-^C\n");
}

// Secrets are masked, yet a changed secret still shows as a change.
TEST(ContextualDiffTest, SecretsAreRedactedButChangesShow) {
  const std::string out = contextual("username admin privilege 15 secret 9 $9$aaaa\n",
                                     "username admin privilege 15 secret 9 $9$bbbb\n");
  EXPECT_EQ(out,
            "!Contextual Config Diffs:\n"
            "+username admin privilege 15 secret 9 <redacted>\n"
            "-username admin privilege 15 secret 9 <redacted>\n");
  EXPECT_EQ(out.find("$9$"), std::string::npos);
}

// --show-secrets prints them.
TEST(ContextualDiffTest, ShowSecretsPrintsThem) {
  const std::string out = format_contextual(
      diff_texts("snmp-server community old RO\n", "snmp-server community new RO\n"),
      DisplayOptions{false, true});
  EXPECT_NE(out.find("+snmp-server community new RO"), std::string::npos);
}

// Duplicate lines are matched one for one: a second copy is an addition.
TEST(DiffTest, DuplicateLinesMatchOneForOne) {
  const ConfigDiff d = diff_texts("ip access-list extended A\n remark x\n",
                                  "ip access-list extended A\n remark x\n remark x\n");
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0].line, 3);
  EXPECT_EQ(d.added[0].path, (std::vector<std::string>{"ip access-list extended A"}));
}

// Volatile lines (show-run header, ntp clock-period) never show as changes.
TEST(DiffTest, VolatileLinesAreIgnored) {
  EXPECT_TRUE(diff_texts("Building configuration...\n\nCurrent configuration : 99 bytes\n"
                         "ntp clock-period 17208\nhostname r1\n",
                         "hostname r1\n")
                  .empty());
}

// Colour wraps only the signed lines.
TEST(ContextualDiffTest, ColorMarksSignedLines) {
  const std::string out =
      format_contextual(diff_texts("", "hostname r2\n"), DisplayOptions{true, false});
  EXPECT_NE(out.find("\x1b[32m+hostname r2\x1b[0m\n"), std::string::npos);
}

// A Latin-1 description in the diff is written as \udcXX, never a throw.
TEST(JsonDiffTest, Latin1LineIsEscaped) {
  const std::string text = format_json(
      diff_texts("interface Gi1\n description a\n", "interface Gi1\n description caf\xe9\n"),
      DisplayOptions{});
  EXPECT_NE(text.find("\"line\": \"description caf\\udce9\""), std::string::npos) << text;
  EXPECT_TRUE(is_json_document(text)) << text;
}

// JSON lists each change with its path, sign, text and source line.
TEST(JsonDiffTest, ChangesCarryPathSignAndLine) {
  const auto doc = nlohmann::json::parse(format_json(
      diff_texts("interface Gi1\n shutdown\n", "interface Gi1\n no shutdown\n"), DisplayOptions{}));
  ASSERT_EQ(doc["changes"].size(), 2u);
  EXPECT_EQ(doc["changes"][0]["sign"], "+");
  EXPECT_EQ(doc["changes"][0]["path"], nlohmann::json::array({"interface Gi1"}));
  EXPECT_EQ(doc["changes"][0]["line"], "no shutdown");
  EXPECT_EQ(doc["changes"][0]["source_line"], 2);
  EXPECT_EQ(doc["changes"][1]["sign"], "-");
  EXPECT_EQ(doc["summary"]["added"], 1);
  EXPECT_EQ(doc["summary"]["removed"], 1);
}

}  // namespace
}  // namespace iosctl::config
