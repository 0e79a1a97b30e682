#include "iosctl/config/parse.h"

#include "iosctl/config/render.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <string>

namespace iosctl::config {
namespace {

// Sub-mode lines nest under the line above them, one space per level.
TEST(ParseTest, NestsByIndentation) {
  const Config c = parse_config(
      "interface GigabitEthernet1\n"
      " description uplink\n"
      " ip address 192.0.2.1 255.255.255.0\n"
      "router bgp 65000\n"
      " address-family ipv4\n"
      "  neighbor 192.0.2.2 activate\n"
      " exit-address-family\n");
  ASSERT_EQ(c.children.size(), 2u);
  EXPECT_EQ(c.children[0].text, "interface GigabitEthernet1");
  ASSERT_EQ(c.children[0].children.size(), 2u);
  EXPECT_EQ(c.children[0].children[1].text, "ip address 192.0.2.1 255.255.255.0");
  const Node& af = c.children[1].children[0];
  EXPECT_EQ(af.text, "address-family ipv4");
  ASSERT_EQ(af.children.size(), 1u);
  EXPECT_EQ(af.children[0].line, 6);
  EXPECT_EQ(c.children[1].children[1].text, "exit-address-family");
}

// IOS prints police actions three spaces deeper than `police`; a deeper run
// is still one level of nesting, and the next shallower line closes it.
TEST(ParseTest, DeeperRunsNestOneLevel) {
  const Config c = parse_config(
      "policy-map POLICE-IN\n"
      " class class-default\n"
      "  police cir 50000000\n"
      "     conform-action transmit \n"
      "     exceed-action drop \n"
      " class VOICE\n");
  const Node& pm = c.children[0];
  ASSERT_EQ(pm.children.size(), 2u);
  const Node& police = pm.children[0].children[0];
  ASSERT_EQ(police.children.size(), 2u);
  EXPECT_EQ(police.children[0].text, "conform-action transmit");
  EXPECT_EQ(pm.children[1].text, "class VOICE");
}

// Comments and blank lines are kept as trivia, not configuration.
TEST(ParseTest, CommentsAndBlanksAreTrivia) {
  const Config c = parse_config("!\nversion 16.12\n\n!\nhostname r1\n!\n");
  ASSERT_EQ(c.children.size(), 2u);
  EXPECT_EQ(c.children[0].leading, (std::vector<std::string>{"!"}));
  EXPECT_EQ(c.children[1].leading, (std::vector<std::string>{"", "!"}));
  EXPECT_EQ(c.trailing, (std::vector<std::string>{"!"}));
}

// A comment inside a block does not close it.
TEST(ParseTest, IndentedCommentKeepsBlockOpen) {
  const Config c =
      parse_config("router bgp 1\n bgp log-neighbor-changes\n !\n address-family ipv4\n");
  ASSERT_EQ(c.children.size(), 1u);
  EXPECT_EQ(c.children[0].children.size(), 2u);
}

// A banner delimited by ETX is one unit, whatever its lines look like.
TEST(ParseTest, BannerWithEtxIsOneUnit) {
  const Config c = parse_config(
      "banner motd \x03\n"
      "!!! authorised access only !!!\n"
      " interface looks like config\n"
      "\x03\n"
      "line vty 0 4\n");
  ASSERT_EQ(c.children.size(), 2u);
  const Node& banner = c.children[0];
  EXPECT_EQ(banner.kind, NodeKind::banner);
  ASSERT_EQ(banner.body.size(), 3u);
  EXPECT_EQ(banner.body[1], " interface looks like config");
  EXPECT_EQ(c.children[1].line, 5);
}

// `show running-config` shows the banner delimiter as `^C`; that and ETX
// compare equal, and the banner kind may be omitted.
TEST(ParseTest, CaretCBannerComparesEqualToEtx) {
  const Config shown = parse_config("banner login ^C\nHello\n^C\n");
  const Config file = parse_config("banner login \x03\nHello  \n\x03\n");
  EXPECT_EQ(comparison_key(shown.children[0]), comparison_key(file.children[0]));
  const Config bare = parse_config("banner #Welcome#\nhostname r1\n");
  EXPECT_EQ(bare.children[0].kind, NodeKind::banner);
  EXPECT_TRUE(bare.children[0].body.empty());
  EXPECT_EQ(bare.children.size(), 2u);
}

// A banner whose delimiter never comes back is reported, not a crash.
TEST(ParseTest, UnterminatedBannerIsAProblem) {
  const Config c = parse_config("hostname r1\nbanner motd ^C\ntext\nend\n");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 2);
  EXPECT_EQ(c.problems[0].message, "banner is not terminated by its delimiter");
}

// Certificate hex lines and the TAB `quit` line belong to the certificate.
TEST(ParseTest, CertificateIsOneUnitThroughQuit) {
  const Config c = parse_config(
      "crypto pki certificate chain TP-self-signed-1\n"
      " certificate self-signed 01\n"
      "  30820330 30820218 A0030201 \n"
      "  2A864886 F70D \n"
      "  \tquit\n"
      "license udi pid CSR1000V sn 9ABC\n");
  ASSERT_EQ(c.children.size(), 2u);
  const Node& cert = c.children[0].children[0];
  EXPECT_EQ(cert.kind, NodeKind::certificate);
  EXPECT_EQ(cert.body.size(), 3u);
  EXPECT_TRUE(cert.children.empty());
  EXPECT_TRUE(c.problems.empty());
}

// A certificate cut short by other configuration is reported.
TEST(ParseTest, CertificateWithoutQuitIsAProblem) {
  const Config c =
      parse_config("crypto pki certificate chain X\n certificate 01\n  3082 \nhostname r1\n");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 2);
  EXPECT_EQ(c.children.size(), 2u);
}

// A switch macro runs to its `@` line; `alias` stays a single line.
TEST(ParseTest, MacroRunsToAtSign) {
  const Config c = parse_config(
      "macro name UPLINK\nswitchport mode trunk\n spanning-tree portfast\n@\n"
      "alias exec sr show running-config\n");
  ASSERT_EQ(c.children.size(), 2u);
  EXPECT_EQ(c.children[0].kind, NodeKind::macro);
  EXPECT_EQ(c.children[0].body.size(), 3u);
  EXPECT_EQ(c.children[1].text, "alias exec sr show running-config");
}

// CRLF line endings parse like LF.
TEST(ParseTest, CrLfIsAccepted) {
  const Config c = parse_config("interface Loopback0\r\n ip address 10.0.0.1 255.255.255.255\r\n");
  ASSERT_EQ(c.children.size(), 1u);
  EXPECT_EQ(c.children[0].children[0].text, "ip address 10.0.0.1 255.255.255.255");
}

// Parsing never throws on hostile input.
TEST(ParseTest, SurvivesGarbage) {
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk += static_cast<char>((i * 37) % 256);
  EXPECT_NO_THROW(parse_config(junk));
  EXPECT_NO_THROW(parse_config("   \n\t\tx\n banner\nbanner motd\ncertificate\n"));
}

// Rendering reproduces the file byte for byte.
TEST(RenderTest, RoundTripsVerbatim) {
  const std::string text =
      "!\nversion 16.12\nhostname r1\n!\ninterface Gi1\n description x \n ip address 1.1.1.1 "
      "255.0.0.0\n!\nbanner motd \x03\nhi\n\x03\ncrypto pki certificate chain T\n certificate 01\n"
      "  AB \n  \tquit\n!\nend\n\n";
  EXPECT_EQ(render(parse_config(text)), text);
}

// Every realistic fixture renders back byte for byte, and parses without a
// structural problem.
TEST(RenderTest, FixturesRoundTrip) {
  for (const char* name :
       {"configs/iosxe-16.12-edge.running.cfg", "configs/iosxe-16.12-edge.candidate.cfg",
        "configs/ios-15.5-branch.cfg", "configs/iosxe-17.3-access.cfg"}) {
    const std::string text = test::read_fixture(name);
    const Config c = parse_config(text);
    EXPECT_EQ(render(c), text) << name;
    EXPECT_TRUE(c.problems.empty()) << name;
    EXPECT_GT(c.children.size(), 100u) << name;
  }
}

// The edge router's certificate and banners are units in the tree.
TEST(ParseTest, FixtureUnitsAreRecognised) {
  const Config c = parse_config(test::read_fixture("configs/iosxe-16.12-edge.candidate.cfg"));
  int banners = 0;
  int certificates = 0;
  walk(c.children, [&](const Node& n, int) {
    banners += n.kind == NodeKind::banner;
    certificates += n.kind == NodeKind::certificate;
  });
  EXPECT_EQ(banners, 3);
  EXPECT_EQ(certificates, 1);
}

// Canonical rendering drops trivia and re-indents one space per level.
TEST(RenderTest, CanonicalReindentsAndDropsTrivia) {
  const Config c = parse_config(
      "!\npolicy-map P\n class C\n  police 8000\n     conform-action transmit \n!\nend\n");
  EXPECT_EQ(render_canonical(c),
            "policy-map P\n class C\n  police 8000\n   conform-action transmit\nend\n");
}

}  // namespace
}  // namespace iosctl::config
