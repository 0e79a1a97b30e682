#include "iosctl/sim/cli_session.h"

#include "sim/device_harness.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

sim::DeviceSetup small() { return test_setup(read_fixture("sim/iosxe-small.cfg")); }

TEST(CliSession, OpensAtThePromptOfTheLoginPrivilege) {
  // Privilege 15 lands at `host#`, privilege 1 at `host>`, after a blank line.
  sim::Device device(small());
  EXPECT_EQ(Terminal(device, 15).opened(), "\r\ncsr1000v#");
  EXPECT_EQ(Terminal(device, 1).opened(), "\r\ncsr1000v>");
}

TEST(CliSession, BareEnterReprintsThePrompt) {
  // Clients find the prompt by sending an empty line.
  sim::Device device(small());
  Terminal t(device);
  EXPECT_EQ(t.send("\n"), "\r\ncsr1000v#");
  EXPECT_EQ(t.send("\r\n"), "\r\ncsr1000v#");
  EXPECT_EQ(t.send("\r"), "\r\ncsr1000v#");
}

TEST(CliSession, EchoesInputInAnyChunking) {
  // Bytes echo as they arrive; CR LF split across reads is one Enter.
  sim::Device device(small());
  Terminal t(device);
  EXPECT_EQ(t.send("term"), "term");
  EXPECT_EQ(t.send("inal len"), "inal len");
  EXPECT_EQ(t.send("gth 0\r"), "gth 0\r\ncsr1000v#");
  EXPECT_EQ(t.send("\n"), "");
}

TEST(CliSession, BackspaceErasesTheLastCharacter) {
  // A mistyped character can be rubbed out before Enter.
  sim::Device device(small());
  Terminal t(device);
  EXPECT_EQ(t.send("enx\x7f"), "enx\b \b");
  EXPECT_EQ(t.send("d\n"),
            "d\r\n% Bad IP address or host name% Unknown command or computer "
            "name, or unable to find computer address\r\ncsr1000v#");
}

TEST(CliSession, ConfigureTerminalAtUserExecPutsTheCaretUnderTheF) {
  // IOS_BEHAVIOR.md 8: `con` still matches `connect`, `conf` matches nothing.
  sim::Device device(small());
  Terminal t(device, 1);
  EXPECT_EQ(t.type("configure terminal"),
            "configure terminal\r\n"
            "            ^\r\n"
            "% Invalid input detected at '^' marker.\r\n"
            "\r\n"
            "csr1000v>");
}

TEST(CliSession, ShowRunAtUserExecPutsTheCaretUnderTheU) {
  // The capture's caret is at column 15 of `csr1000v>show run`.
  sim::Device device(small());
  Terminal t(device, 1);
  EXPECT_EQ(t.type("show run"),
            "show run\r\n"
            "               ^\r\n"
            "% Invalid input detected at '^' marker.\r\n"
            "\r\n"
            "csr1000v>");
}

TEST(CliSession, UnknownWordAtExecIsTakenForAHostName) {
  // A lone unknown word gets the telnet-lookup error, no blank line after it.
  sim::Device device(small());
  Terminal t(device, 1);
  EXPECT_EQ(t.type("tclsh"),
            "tclsh\r\n% Bad IP address or host name% Unknown command or computer name, or unable "
            "to find computer address\r\ncsr1000v>");
}

TEST(CliSession, EnableAsksForTheSecretWithoutEchoingIt) {
  // `Password: ` then the privileged prompt on the next line.
  sim::Device device(small());
  Terminal t(device, 1);
  EXPECT_EQ(t.type("enable"), "enable\r\nPassword: ");
  EXPECT_EQ(t.send("cisco"), "");
  EXPECT_EQ(t.send("\n"), "\r\ncsr1000v#");
  EXPECT_EQ(t.type("enable"), "enable\r\ncsr1000v#");
  EXPECT_EQ(t.type("disable"), "disable\r\ncsr1000v>");
}

TEST(CliSession, EnableGivesUpAfterThreeWrongSecrets) {
  // Each failure asks again; the third ends with `% Bad secrets`.
  sim::Device device(small());
  Terminal t(device, 1);
  t.type("en");
  EXPECT_EQ(t.type("one"), "\r\nPassword: ");
  EXPECT_EQ(t.type("two"), "\r\nPassword: ");
  EXPECT_EQ(t.type("three"), "\r\n% Bad secrets\r\n\r\ncsr1000v>");
}

TEST(CliSession, EnableWithoutAnySecretSaysSo) {
  // No enable secret on the device and none in the lab: nothing to ask.
  sim::DeviceSetup setup = small();
  setup.enable_secret.clear();
  sim::Device device(setup);
  Terminal t(device, 1);
  EXPECT_EQ(t.type("enable"), "enable\r\n% No password set\r\ncsr1000v>");
}

TEST(CliSession, ConfigModeErrorsMatchTheCapture) {
  // ios-samples/cli_errors_by_mode.txt, byte for byte (with CRLF).
  sim::Device device(small());
  Terminal t(device);
  EXPECT_EQ(t.type("configure terminal"),
            "configure terminal\r\nEnter configuration commands, one per line.  End with "
            "CNTL/Z.\r\ncsr1000v(config)#");
  EXPECT_EQ(t.type("show version"),
            "show version\r\n                   ^\r\n% Invalid input detected at '^' "
            "marker.\r\n\r\ncsr1000v(config)#");
  EXPECT_EQ(t.type("terminal width 512"),
            "terminal width 512\r\n                          ^\r\n% Invalid input detected at "
            "'^' marker.\r\n\r\ncsr1000v(config)#");
  EXPECT_EQ(t.type("enable"), "enable\r\n% Incomplete command.\r\n\r\ncsr1000v(config)#");
  EXPECT_EQ(t.type("end"), "end\r\ncsr1000v#");
}

TEST(CliSession, LoggingErrorsMatchTheSpecExamples) {
  // IOS_BEHAVIOR.md 8 on a device named R1.
  sim::Device device(small());
  Terminal t(device);
  t.type("conf t");
  t.type("hostname R1");
  EXPECT_EQ(t.type("logging 0255.255.1"),
            "logging 0255.255.1\r\n                   ^\r\n% Invalid input detected at '^' "
            "marker.\r\n\r\nR1(config)#");
  EXPECT_EQ(t.type("logging"), "logging\r\n% Incomplete command.\r\n\r\nR1(config)#");
  EXPECT_EQ(t.type("a"), "a\r\n% Ambiguous command:  \"a\"\r\nR1(config)#");
}

TEST(CliSession, AmbiguousMultiWordInputIsQuotedWhole) {
  // `sh r` could be `show running-config` or `show redundancy`.
  sim::Device device(small());
  Terminal t(device);
  EXPECT_EQ(t.type("sh r"), "sh r\r\n% Ambiguous command:  \"sh r\"\r\ncsr1000v#");
}

TEST(CliSession, ExitAtExecClosesTheSession) {
  // netmiko and scrapli close with `exit`; nothing follows the echo.
  sim::Device device(small());
  Terminal t(device);
  EXPECT_EQ(t.type("exit"), "exit\r\n");
  EXPECT_TRUE(t.closed());
  EXPECT_EQ(t.type("show version"), "");
}

TEST(CliSession, HostnameChangesTheNextPrompt) {
  // The new name shows at once, truncated to 20 characters in config modes.
  sim::Device device(small());
  Terminal t(device);
  t.type("conf t");
  EXPECT_EQ(t.type("hostname veryveryverylonghostname"),
            "hostname veryveryverylonghostname\r\nveryveryverylonghost(config)#");
  EXPECT_EQ(t.type("end"), "end\r\nveryveryverylonghostname#");
  EXPECT_EQ(device.hostname(), "veryveryverylonghostname");
}

TEST(CliSession, SubModesHaveTheirPromptNames) {
  // Each block command enters the sub-mode real configs use.
  sim::Device device(small());
  Terminal t(device);
  t.type("conf t");
  EXPECT_EQ(t.type("int gi1"), "int gi1\r\ncsr1000v(config-if)#");
  EXPECT_EQ(t.type("interface GigabitEthernet1.100"),
            "interface GigabitEthernet1.100\r\ncsr1000v(config-subif)#");
  EXPECT_EQ(t.type("router bgp 65000"), "router bgp 65000\r\ncsr1000v(config-router)#");
  EXPECT_EQ(t.type("address-family ipv4"), "address-family ipv4\r\ncsr1000v(config-router-af)#");
  EXPECT_EQ(t.type("exit-address-family"), "exit-address-family\r\ncsr1000v(config-router)#");
  EXPECT_EQ(t.type("ip access-list extended EDGE"),
            "ip access-list extended EDGE\r\ncsr1000v(config-ext-nacl)#");
  EXPECT_EQ(t.type("ip access-list standard MGMT"),
            "ip access-list standard MGMT\r\ncsr1000v(config-std-nacl)#");
  EXPECT_EQ(t.type("route-map RM permit 10"),
            "route-map RM permit 10\r\ncsr1000v(config-route-map)#");
  EXPECT_EQ(t.type("line vty 0 4"), "line vty 0 4\r\ncsr1000v(config-line)#");
  EXPECT_EQ(t.type("archive"), "archive\r\ncsr1000v(config-archive)#");
  EXPECT_EQ(t.type("policy-map P"), "policy-map P\r\ncsr1000v(config-pmap)#");
  EXPECT_EQ(t.type("class C"), "class C\r\ncsr1000v(config-pmap-c)#");
  EXPECT_EQ(t.type("class-map match-any C"), "class-map match-any C\r\ncsr1000v(config-cmap)#");
  EXPECT_EQ(t.type("vrf definition V"), "vrf definition V\r\ncsr1000v(config-vrf)#");
  EXPECT_EQ(t.type("crypto keyring K"), "crypto keyring K\r\ncsr1000v(config-keyring)#");
}

TEST(CliSession, ExitGoesUpOneLevelAndEndLeavesConfigMode) {
  // `exit` climbs (config-if) -> (config) -> #; `end` and Ctrl-Z leave from any depth.
  sim::Device device(small());
  Terminal t(device);
  t.type("conf t");
  t.type("interface Loopback0");
  EXPECT_EQ(t.type("exit"), "exit\r\ncsr1000v(config)#");
  EXPECT_EQ(t.type("exit"), "exit\r\ncsr1000v#");
  t.type("conf t");
  t.type("router ospf 1");
  EXPECT_EQ(t.send("\x1a"), "^Z\r\ncsr1000v#");
}

TEST(CliSession, ParentModeCommandsLeaveTheSubMode) {
  // `hostname` typed in config-if is a global command: IOS moves up to (config).
  sim::Device device(small());
  Terminal t(device);
  t.type("conf t");
  t.type("interface Loopback0");
  EXPECT_EQ(t.type("hostname edge"), "hostname edge\r\nedge(config)#");
}

TEST(CliSession, TerminalCommandsPrintNothing) {
  // Session preparation of every client: echo and prompt only, at > too.
  sim::Device device(small());
  Terminal t(device, 1);
  EXPECT_EQ(t.type("terminal width 511"), "terminal width 511\r\ncsr1000v>");
  EXPECT_EQ(t.type("term len 0"), "term len 0\r\ncsr1000v>");
  EXPECT_EQ(t.type("terminal no monitor"), "terminal no monitor\r\ncsr1000v>");
}

TEST(CliSession, EndAtPrivilegedExecIsAHostName) {
  // CSR 16.12 answers `end` at `#` with the unknown-host error (IOS_BEHAVIOR.md 8).
  sim::Device device(small());
  Terminal t(device);
  EXPECT_EQ(t.type("end"),
            "end\r\n% Bad IP address or host name% Unknown command or computer name, or unable "
            "to find computer address\r\ncsr1000v#");
}

}  // namespace
}  // namespace iosctl::test
