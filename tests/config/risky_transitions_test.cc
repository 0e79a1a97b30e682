// find_risky_transitions: each known replace failure fires, and its near miss does not.

#include "iosctl/config/risky_transitions.h"

#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::config {
namespace {

using Path = std::vector<std::string>;

std::vector<RiskyTransition> risky(std::string_view running, std::string_view candidate) {
  return find_risky_transitions(normalize(parse_config(running)),
                                normalize(parse_config(candidate)));
}

constexpr std::string_view kSecondaries =
    "hostname r1\n"
    "interface GigabitEthernet1\n"
    " ip address 192.0.2.1 255.255.255.0\n"
    " ip address 198.51.100.1 255.255.255.0 secondary\n"
    "end\n";

constexpr std::string_view kPrimaryExplanation =
    "IOS will not change or remove a primary address while the interface has secondaries: "
    "remove the secondaries in a first commit, then change the primary";

TEST(RiskyTransitions, PrimaryChangeWithSecondariesFires) {
  // Changing the primary while a secondary exists is flagged on the running line.
  const auto found = risky(kSecondaries,
                           "hostname r1\n"
                           "interface GigabitEthernet1\n"
                           " ip address 192.0.2.9 255.255.255.0\n"
                           " ip address 198.51.100.1 255.255.255.0 secondary\n"
                           "end\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, Path{"interface GigabitEthernet1"});
  EXPECT_EQ(found[0].line, "ip address 192.0.2.1 255.255.255.0");
  EXPECT_EQ(found[0].side, ConfigSide::running);
  EXPECT_EQ(found[0].line_number, 3);
  EXPECT_EQ(found[0].explanation, kPrimaryExplanation);
}

TEST(RiskyTransitions, PrimaryRemovalWithSecondariesFires) {
  // Dropping every address from the interface is the same refusal.
  const auto found = risky(kSecondaries,
                           "hostname r1\n"
                           "interface GigabitEthernet1\n"
                           " no ip address\n"
                           "end\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, "ip address 192.0.2.1 255.255.255.0");
  EXPECT_EQ(found[0].explanation, kPrimaryExplanation);
}

TEST(RiskyTransitions, SecondaryChangesOrPrimaryAloneDoNotFire) {
  // Near misses: only the secondary changes; or the primary changes with no secondary.
  EXPECT_TRUE(risky(kSecondaries,
                    "hostname r1\n"
                    "interface GigabitEthernet1\n"
                    " ip address 192.0.2.1 255.255.255.0\n"
                    "end\n")
                  .empty());
  EXPECT_TRUE(risky("interface Gi2\n ip address 192.0.2.1 255.255.255.0\nend\n",
                    "interface Gi2\n ip address 192.0.2.2 255.255.255.0\nend\n")
                  .empty());
}

constexpr std::string_view kNonegotiateExplanation =
    "IOS rejects a `switchport mode` change while `switchport nonegotiate` is set: remove "
    "`switchport nonegotiate` in a first commit, then change the mode (and set it again) in a "
    "second";

TEST(RiskyTransitions, ModeChangeWithNonegotiateFires) {
  // IOS_BEHAVIOR 7.4: mode access -> trunk on a port with nonegotiate fails.
  const auto found =
      risky("interface GigabitEthernet0/1\n switchport mode access\n switchport nonegotiate\nend\n",
            "interface GigabitEthernet0/1\n switchport mode trunk\n switchport nonegotiate\nend\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, Path{"interface GigabitEthernet0/1"});
  EXPECT_EQ(found[0].line, "switchport nonegotiate");
  EXPECT_EQ(found[0].side, ConfigSide::candidate);
  EXPECT_EQ(found[0].line_number, 3);
  EXPECT_EQ(found[0].explanation, kNonegotiateExplanation);
}

TEST(RiskyTransitions, NonegotiateOnlyInRunningFires) {
  // The running config's nonegotiate counts too, and the line points there.
  const auto found =
      risky("interface Gi0/2\n switchport mode access\n switchport nonegotiate\nend\n",
            "interface Gi0/2\n shutdown\nend\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].side, ConfigSide::running);
  EXPECT_EQ(found[0].line_number, 3);
}

TEST(RiskyTransitions, NonegotiateWithUnchangedModeDoesNotFire) {
  // Near misses: same mode with nonegotiate; a mode change without nonegotiate.
  EXPECT_TRUE(risky("interface Gi0/3\n switchport mode trunk\n switchport nonegotiate\nend\n",
                    "interface Gi0/3\n description up\n switchport mode trunk\n"
                    " switchport nonegotiate\nend\n")
                  .empty());
  EXPECT_TRUE(risky("interface Gi0/4\n switchport mode access\nend\n",
                    "interface Gi0/4\n switchport mode trunk\nend\n")
                  .empty());
}

constexpr std::string_view kEigrpRunning =
    "router eigrp CORE\n"
    " address-family ipv4 unicast autonomous-system 100\n"
    "  af-interface default\n"
    "   passive-interface\n"
    "  exit-af-interface\n"
    "  topology base\n"
    "  exit-af-topology\n"
    "  network 10.0.0.0\n"
    " exit-address-family\n"
    "end\n";

TEST(RiskyTransitions, ExitLineInsideItsBlockFires) {
  // `exit-af-interface` indented under `af-interface` is typed there and fails.
  const auto found = risky(kEigrpRunning,
                           "router eigrp CORE\n"
                           " address-family ipv4 unicast autonomous-system 100\n"
                           "  af-interface GigabitEthernet1\n"
                           "   no passive-interface\n"
                           "   exit-af-interface\n"
                           " exit-address-family\n"
                           "end\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path,
            (Path{"router eigrp CORE", "address-family ipv4 unicast autonomous-system 100",
                  "af-interface GigabitEthernet1"}));
  EXPECT_EQ(found[0].line, "exit-af-interface");
  EXPECT_EQ(found[0].side, ConfigSide::candidate);
  EXPECT_EQ(found[0].line_number, 5);
  EXPECT_EQ(found[0].explanation,
            "`exit-af-interface` sits inside the block it closes, where replace fails on it: "
            "indent it to the level of the `af-interface` line, after the block, as "
            "`show running-config` does");
}

TEST(RiskyTransitions, OuterExitInsideAnInnerBlockFires) {
  // `exit-address-family` inside `af-interface` is inside its address-family too.
  const auto found = risky("end\n",
                           "router eigrp CORE\n"
                           " address-family ipv4 unicast autonomous-system 100\n"
                           "  af-interface GigabitEthernet1\n"
                           "   exit-address-family\n"
                           "end\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, "exit-address-family");
  EXPECT_EQ(found[0].line_number, 4);
}

TEST(RiskyTransitions, ExitLinesWhereIosPrintsThemDoNotFire) {
  // Near miss: the running-config layout (EIGRP named mode, BGP) is fine.
  EXPECT_TRUE(risky(kEigrpRunning, kEigrpRunning).empty());
  EXPECT_TRUE(risky("end\n",
                    "router bgp 65000\n"
                    " address-family ipv4 vrf RED\n"
                    "  redistribute connected\n"
                    " exit-address-family\n"
                    "end\n")
                  .empty());
}

TEST(RiskyTransitions, RemovingTheArchiveFires) {
  // Rollback and auto-rollback of every later change need `archive`; a
  // candidate that keeps it (changed or not) does not fire.
  constexpr std::string_view kRunning = "hostname r1\narchive\n path bootflash:archive\nend\n";
  const std::vector<RiskyTransition> found = risky(kRunning, "hostname r1\nend\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, "archive");
  EXPECT_EQ(found[0].side, ConfigSide::running);
  EXPECT_EQ(found[0].line_number, 2);
  EXPECT_NE(found[0].explanation.find("cannot auto-rollback"), std::string::npos);
  EXPECT_TRUE(risky(kRunning, "hostname r1\narchive\n path flash:arch\nend\n").empty());
  EXPECT_TRUE(risky("hostname r1\nend\n", "hostname r1\nend\n").empty());
}

}  // namespace
}  // namespace iosctl::config
