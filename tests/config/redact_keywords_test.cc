#include "config/redact_cases.h"
#include "iosctl/config/redact.h"
#include "iosctl/config/text.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace iosctl::config {
namespace {

TEST(RedactKeywords, FiveKindsOnceShownInClearAreMasked) {
  // MPLS LDP, MSDP, OSPFv3 IPsec, crypto map session keys and SNMP community maps.
  expect_redacted({
      {"mpls ldp neighbor 10.0.0.1 password 0 S3cret",
       "mpls ldp neighbor 10.0.0.1 password 0 <redacted>"},
      {"mpls ldp neighbor vrf V 10.0.0.1 password 7 0822455D0A16",
       "mpls ldp neighbor vrf V 10.0.0.1 password 7 <redacted>"},
      {"ip msdp password peer 10.0.0.2 0 S3cret", "ip msdp password peer 10.0.0.2 0 <redacted>"},
      {"ip msdp vrf V password peer 10.0.0.2 S3cret",
       "ip msdp vrf V password peer 10.0.0.2 <redacted>"},
      {" ipv6 ospf encryption ipsec spi 256 esp aes-cbc 0 0123ABCD sha1 0 4567EF01",
       " ipv6 ospf encryption ipsec spi 256 esp aes-cbc 0 <redacted> sha1 0 <redacted>"},
      {" ipv6 ospf encryption ipsec spi 300 esp aes-cbc 128 0123ABCD md5 4567EF01",
       " ipv6 ospf encryption ipsec spi 300 esp aes-cbc 128 <redacted> md5 <redacted>"},
      {" ipv6 ospf encryption ipsec spi 301 esp null sha1 4567EF01",
       " ipv6 ospf encryption ipsec spi 301 esp null sha1 <redacted>"},
      {" area 1 authentication ipsec spi 500 sha1 7 4567EF01",
       " area 1 authentication ipsec spi 500 sha1 7 <redacted>"},
      {" ospfv3 encryption ipsec spi 256 esp 3des 0123ABCD sha1 4567EF01",
       " ospfv3 encryption ipsec spi 256 esp 3des <redacted> sha1 <redacted>"},
      {" set session-key inbound ah 256 0123456789ABCDEF",
       " set session-key inbound ah 256 <redacted>"},
      {" set session-key outbound esp 256 cipher 0123ABCD authenticator 4567EF01",
       " set session-key outbound esp 256 cipher <redacted> authenticator <redacted>"},
      {" set session-key inbound esp 257 cipher 0123ABCD",
       " set session-key inbound esp 257 cipher <redacted>"},
      {"snmp mib community-map C0mmunity context CTX security-name SN",
       "snmp mib community-map <redacted> context CTX security-name SN"},
  });
}

TEST(RedactKeywords, PasswordSecretAndKeyAnywhereTakeTheNextValue) {
  // The design: a secret keyword anywhere in a command, past a type digit, hides what follows.
  expect_redacted({
      {" dot1x credentials password 0 Pw1", " dot1x credentials password 0 <redacted>"},
      {"ip mobile secure host 192.0.2.1 spi 100 key hex 0123ABCD",
       "ip mobile secure host 192.0.2.1 spi 100 key hex <redacted>"},
      {" client 192.0.2.8 vrf V server-key 0 K3y",
       " client 192.0.2.8 vrf V server-key 0 <redacted>"},
      {" rip authentication-key 7 XXXX", " rip authentication-key 7 <redacted>"},
      {" ipv6 ospf message-digest-key 1 md5 XXXX",
       " ipv6 ospf message-digest-key 1 md5 <redacted>"},
      {" vrrp 1 authentication md5 key-string 7 XXXX",
       " vrrp 1 authentication md5 key-string 7 <redacted>"},
      {" foo secret 9 $9$abc", " foo secret 9 <redacted>"},
      {" mka pre-shared-key local XXXX", " mka pre-shared-key local <redacted>"},
  });
}

TEST(RedactKeywords, KeywordsThatNameNoSecretStay) {
  // The exceptions table: chains, generated keys, tunnel ids, method lists, route tags.
  expect_unchanged({
      "key chain KC",
      " key 5",
      " tunnel key 100",
      "ntp server 10.255.1.10 key 1 prefer",
      "crypto key generate rsa modulus 2048 label SSH",
      "crypto key zeroize rsa",
      "crypto key pubkey-chain rsa",
      " mka pre-shared-key key-chain MKA-KC",
      " authentication key-chain OSPF-KC",
      "password encryption aes",
      "aaa password restriction",
      "service password-encryption",
      "key config-key password-encrypt",
      "aaa authentication login default group tacacs+ local",
      "aaa authentication enable default enable",
      " set community 65000:100 additive",
      " match community CL1",
      "ip community-list standard CL1 permit 65000:100",
      " neighbor 192.0.2.1 send-community both",
      "ip msdp peer 10.0.0.2 connect-source Loopback0",
      "ip ssh server authenticate user password",
      " ipv6 ospf authentication null",
      "  key-string",
  });
}

TEST(RedactKeywords, SecretsInLineListsEachSecret) {
  // Each redacted stretch is one secret, so the session log can hide its echo.
  EXPECT_EQ(secrets_in_line("snmp-server user U G v3 auth sha A1 priv aes 128 P1"),
            (std::vector<std::string>{"A1", "P1"}));
  EXPECT_EQ(secrets_in_line("username bob password 0 two words"),
            (std::vector<std::string>{"two words"}));
  EXPECT_TRUE(secrets_in_line("hostname r1").empty());
}

TEST(RedactLine, DiffSignsPromptsAndFailedCommandsAreSeenThrough) {
  // Device lines quote a command after a prompt or IOS's failure prefix: the command is masked.
  EXPECT_EQ(redact_line(" +snmp-server community S3 RO"), " +snmp-server community <redacted> RO");
  EXPECT_EQ(redact_line("-enable secret 9 $9$x"), "-enable secret 9 <redacted>");
  EXPECT_EQ(redact_line("r1(config)#snmp-server community S3 RO"),
            "r1(config)#snmp-server community <redacted> RO");
  EXPECT_EQ(redact_line("r1(config-if)#ip ospf authentication-key S3\r"),
            "r1(config-if)#ip ospf authentication-key <redacted>\r");
  EXPECT_EQ(redact_line("Failed to apply command snmp-server community S3 RO"),
            "Failed to apply command snmp-server community <redacted> RO");
  EXPECT_EQ(redact_line("Failed to apply command   standby 1 authentication S3"),
            "Failed to apply command   standby 1 authentication <redacted>");
  EXPECT_EQ(redact_line("r1#show running-config"), "r1#show running-config");
  EXPECT_EQ(redact_line("r1#"), "r1#");
}

TEST(RedactLine, TextIsMaskedLineByLine) {
  // Line ends stay where they were; each line is masked on its own.
  EXPECT_EQ(redact_text("snmp-server community A RO\nhostname r1\n enable secret B\n"),
            "snmp-server community <redacted> RO\nhostname r1\n enable secret <redacted>\n");
  EXPECT_EQ(redact_text(" key-string 7 K"), " key-string 7 <redacted>");
}

TEST(RedactKeywords, EveryKindOfTheFixtureIsMasked) {
  // fixtures/configs/secret-kinds.cfg holds one line of each covered kind (docs/secrets.md).
  const std::string text = test::read_fixture("configs/secret-kinds.cfg");
  int secrets = 0;
  for (const std::string_view line : split_lines(text)) {
    if (line.find("SECRET-") != std::string_view::npos) ++secrets;
    EXPECT_EQ(redact_secrets(line).find("SECRET-"), std::string::npos) << line;
  }
  EXPECT_EQ(secrets, 46);
}

}  // namespace
}  // namespace iosctl::config
