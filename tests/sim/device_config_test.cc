#include "iosctl/sim/device.h"
#include "sim/device_harness.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

std::string fixture() { return read_fixture("sim/iosxe-small.cfg"); }

// The fixture from its `version` line on: what the device shows below its header.
std::string fixture_body() {
  const std::string text = fixture();
  return text.substr(text.find("version "));
}

std::string to_crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// Returns the lines of the running config that `pattern` starts.
std::string grep(const std::string& config, std::string_view pattern) {
  std::string out;
  std::size_t from = 0;
  while (from < config.size()) {
    const std::size_t end = config.find('\n', from);
    const std::string line = config.substr(from, end - from);
    if (line.find(pattern) != std::string::npos) out += line + "\n";
    from = end == std::string::npos ? config.size() : end + 1;
  }
  return out;
}

TEST(DeviceConfig, ShowRunningConfigHasTheIosFraming) {
  // Header, blank, `Current configuration : N bytes`, body through `end`, blank, prompt.
  sim::DeviceSetup setup = test_setup(fixture());
  setup.enable_secret.clear();
  sim::Device device(setup);
  Terminal t(device);
  t.type("terminal length 0");
  const std::string body = "!\n! No configuration change since last restart\n!\n" + fixture_body();
  const std::string expected =
      "Building configuration...\n\nCurrent configuration : " + std::to_string(body.size() + 1) +
      " bytes\n" + body + "\n";
  EXPECT_EQ(t.type("show running-config"),
            "show running-config\r\n" + to_crlf(expected) + "csr1000v#");
  EXPECT_EQ(device.running_config(), fixture_body());
}

TEST(DeviceConfig, AChangeStampsTheUserAndTime) {
  // `! Last configuration change at ... by USER` after any config command.
  sim::Device device(test_setup(fixture()));
  Terminal t(device, 15, "netops");
  t.type("conf t");
  t.type("ip domain name other.example.net");
  t.type("end");
  EXPECT_EQ(t.type("show running-config | include Last|domain"),
            "show running-config | include Last|domain\r\n"
            "! Last configuration change at 14:27:51 UTC Mon Mar 11 2024 by netops\r\n"
            "ip domain name other.example.net\r\n"
            "csr1000v#");
}

TEST(DeviceConfig, SubModeLinesBecomeChildrenOfTheirBlock) {
  // Lines typed in a sub-mode land under its line; re-entering a block re-uses it.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  t.type("conf t");
  t.type("interface Loopback5");
  t.type("description mgmt");
  t.type("ip address 10.9.9.9 255.255.255.255");
  t.type("interface GigabitEthernet1");
  t.type("description replaced");
  t.type("int lo5");
  t.type("shutdown");
  t.type("end");
  const std::string config = device.running_config();
  EXPECT_NE(config.find("!\ninterface Loopback5\n description mgmt\n"
                        " ip address 10.9.9.9 255.255.255.255\n shutdown\n!\n"),
            std::string::npos)
      << config;
  EXPECT_NE(config.find("interface GigabitEthernet1\n description replaced\n ip address"),
            std::string::npos)
      << config;
  EXPECT_EQ(grep(config, "interface Loopback5"), "interface Loopback5\n");
}

TEST(DeviceConfig, NoRemovesTheMatchingLineOrBlock) {
  // `no X` removes what X names; IOS keeps `no ip address` on an interface without one.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  t.type("conf t");
  t.type("interface GigabitEthernet1");
  t.type("no description");
  t.type("no ip address");
  t.type("exit");
  t.type("no router bgp 65000");
  t.type("no ip domain lookup");
  t.type("end");
  const std::string config = device.running_config();
  EXPECT_NE(config.find("interface GigabitEthernet1\n no ip address\n negotiation auto\n"),
            std::string::npos)
      << config;
  EXPECT_EQ(grep(config, "bgp"), "");
  EXPECT_EQ(grep(config, "neighbor"), "");
  EXPECT_EQ(grep(config, "domain lookup"), "no ip domain lookup\n");
}

TEST(DeviceConfig, KeywordsAreStoredSpelledOut) {
  // Abbreviated keywords and interface names are written in full, as IOS shows them.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  t.type("conf t");
  t.type("int gi2");
  t.type("ip add 10.1.1.1 255.255.255.0");
  t.type("no shut");
  t.type("end");
  EXPECT_NE(device.running_config().find("interface GigabitEthernet2\n ip address 10.1.1.1 "
                                         "255.255.255.0\n negotiation auto\n"),
            std::string::npos)
      << device.running_config();
}

TEST(DeviceConfig, FilePromptAlertIsTheHiddenDefault) {
  // `file prompt quiet` shows; `file prompt alert` and `no file prompt` remove it.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  t.type("conf t");
  t.type("file prompt quiet");
  EXPECT_EQ(grep(device.running_config(), "file prompt"), "file prompt quiet\n");
  t.type("file prompt alert");
  EXPECT_EQ(grep(device.running_config(), "file prompt"), "");
  t.type("file prompt noisy");
  t.type("no file prompt");
  EXPECT_EQ(grep(device.running_config(), "file prompt"), "");
}

TEST(DeviceConfig, ScpServerFollowsTheRunningConfig) {
  // scp_enabled() is true exactly while `ip scp server enable` is configured.
  sim::Device device(test_setup(fixture()));
  EXPECT_FALSE(device.scp_enabled());
  Terminal t(device);
  t.type("conf t");
  t.type("ip scp server enable");
  EXPECT_TRUE(device.scp_enabled());
  t.type("no ip scp server enable");
  EXPECT_FALSE(device.scp_enabled());
}

TEST(DeviceConfig, BannerIsTypedUntilTheDelimiter) {
  // IOS_BEHAVIOR.md 8: the banner prompt, then text lines without a prompt; shown with `^C`.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  t.type("conf t");
  EXPECT_EQ(t.type("banner motd ^"),
            "banner motd ^\r\nEnter TEXT message.  End with the character '^'.\r\n");
  EXPECT_EQ(t.type("Authorized use only"), "Authorized use only\r\n");
  EXPECT_EQ(t.type("^"), "^\r\ncsr1000v(config)#");
  EXPECT_EQ(grep(device.running_config(), "^C"), "banner motd ^C\n^C\n");
  EXPECT_NE(device.running_config().find("banner motd ^C\nAuthorized use only\n^C\n"),
            std::string::npos);
}

TEST(DeviceConfig, NoUsernameAsksForConfirmation) {
  // IOS_BEHAVIOR.md 8: no space after `name.`; Enter confirms.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  t.type("conf t");
  t.type("username bob privilege 15 secret s3cret");
  EXPECT_EQ(grep(device.running_config(), "username").substr(0, 38),
            "username bob privilege 15 secret 9 $9$");
  EXPECT_EQ(t.type("no username bob"),
            "no username bob\r\nThis operation will remove all username related configurations "
            "with same name.Do you want to continue? [confirm]");
  EXPECT_EQ(t.send("\r"), "\r\ncsr1000v(config)#");
  EXPECT_EQ(grep(device.running_config(), "username"), "");
}

TEST(DeviceConfig, EnableSecretTypedInConfigModeTakesOver) {
  // The new secret is stored hashed (type 9) and is the one `enable` accepts.
  sim::Device device(test_setup(fixture()));
  Terminal admin(device);
  admin.type("conf t");
  admin.type("enable secret n3w");
  EXPECT_EQ(grep(device.running_config(), "enable secret").substr(0, 19), "enable secret 9 $9$");
  Terminal user(device, 1);
  user.type("enable");
  EXPECT_EQ(user.type("cisco"), "\r\nPassword: ");
  EXPECT_EQ(user.type("n3w"), "\r\ncsr1000v#");
}

TEST(DeviceConfig, WriteMemorySavesTheStartupConfig) {
  // `write memory` prints `Building configuration...` / `[OK]`; show startup-config has no header.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  EXPECT_EQ(t.type("show startup-config"),
            "show startup-config\r\nstartup-config is not present\r\ncsr1000v#");
  EXPECT_EQ(t.type("wr mem"), "wr mem\r\nBuilding configuration...\r\n[OK]\r\ncsr1000v#");
  const std::string startup = device.startup_config();
  EXPECT_EQ(startup.substr(0, 2), "!\n");
  EXPECT_NE(startup.find("! NVRAM config last updated at 14:27:51 UTC Mon Mar 11 2024 by admin\n"),
            std::string::npos);
  EXPECT_TRUE(startup.ends_with(device.running_config()));
}

TEST(DeviceConfig, CopyRunningStartupAsksForTheDestinationInAlertMode) {
  // ios-samples/copy_running-config_startup-config.txt; quiet mode asks nothing.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  EXPECT_EQ(t.type("copy running-config startup-config"),
            "copy running-config startup-config\r\nDestination filename [startup-config]? ");
  EXPECT_EQ(t.type(""), "\r\nBuilding configuration...\r\n[OK]\r\ncsr1000v#");
  t.type("conf t");
  t.type("file prompt quiet");
  t.type("end");
  EXPECT_EQ(t.type("copy run start"),
            "copy run start\r\nBuilding configuration...\r\n[OK]\r\ncsr1000v#");
}

TEST(DeviceConfig, StateRoundTripsThroughRestore) {
  // state() of one device restores another to the same configs and files.
  sim::Device first(test_setup(fixture()));
  Terminal t(first);
  t.type("conf t");
  t.type("hostname saved");
  t.type("end");
  t.type("write memory");
  ASSERT_EQ(first.write_file("flash:/notes.txt", "hello\n"), std::nullopt);
  sim::Device second(test_setup("hostname blank\n"));
  second.restore(first.state());
  EXPECT_EQ(second.hostname(), "saved");
  EXPECT_EQ(second.running_config(), first.running_config());
  EXPECT_EQ(second.startup_config(), first.startup_config());
  EXPECT_EQ(second.read_file("bootflash:notes.txt"), "hello\n");
}

TEST(DeviceConfig, BootRunsTheSavedStartupConfig) {
  // boot() is a reload: the saved startup-config runs, an unsaved change is
  // lost (and reported), flash files stay, and nothing has changed since.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  t.type("terminal length 0");
  t.type("conf t");
  t.type("hostname saved");
  t.type("end");
  t.type("write memory");
  ASSERT_EQ(device.write_file("flash:/notes.txt", "hello\n"), std::nullopt);
  sim::Device rebooted(test_setup("hostname blank\n"));
  EXPECT_FALSE(rebooted.boot(device.state()));
  EXPECT_EQ(rebooted.hostname(), "saved");

  t.type("conf t");
  t.type("hostname unsaved");
  t.type("end");
  EXPECT_TRUE(rebooted.boot(device.state()));
  EXPECT_EQ(rebooted.hostname(), "saved");
  EXPECT_EQ(rebooted.read_file("bootflash:notes.txt"), "hello\n");
  Terminal after(rebooted);
  after.type("terminal length 0");
  EXPECT_NE(after.type("show running-config").find("! No configuration change since last restart"),
            std::string::npos);
}

TEST(DeviceConfig, LabHostnameAndEnableSecretAreInTheStartupConfig) {
  // A device that boots what it runs has the lab's hostname and enable
  // secret saved too: a fresh device has no unsaved change, and a boot keeps them.
  sim::DeviceSetup setup = test_setup(fixture());
  setup.hostname = "lab9";
  setup.startup_config = setup.running_config;
  ASSERT_FALSE(setup.enable_secret.empty());
  sim::Device device(setup);
  sim::Device rebooted(test_setup("hostname blank\n"));
  EXPECT_FALSE(rebooted.boot(device.state()));
  EXPECT_EQ(rebooted.hostname(), "lab9");
  EXPECT_NE(rebooted.running_config().find("enable secret 9 "), std::string::npos);
}

TEST(DeviceConfig, OnChangeIsCalledAfterPersistentChanges) {
  // Config lines, saves and file writes notify; show commands do not.
  sim::Device device(test_setup(fixture()));
  int calls = 0;
  device.set_on_change([&calls] { ++calls; });
  Terminal t(device);
  t.type("terminal length 0");
  t.type("show running-config");
  EXPECT_EQ(calls, 0);
  t.type("conf t");
  t.type("hostname r2");
  EXPECT_EQ(calls, 1);
  t.type("end");
  t.type("write memory");
  EXPECT_EQ(calls, 2);
  device.write_file("flash:x", "1");
  EXPECT_EQ(calls, 3);
}

TEST(DeviceConfig, UnknownConfigCommandsGetTheCaret) {
  // A line no configuration mode knows is rejected with the caret and changes nothing.
  sim::Device device(test_setup(fixture()));
  Terminal t(device);
  t.type("conf t");
  EXPECT_EQ(t.type("adfjasdfadfa"),
            "adfjasdfadfa\r\n                  ^\r\n% Invalid input detected at '^' "
            "marker.\r\n\r\ncsr1000v(config)#");
  EXPECT_EQ(device.running_config(), sim::Device(test_setup(fixture())).running_config());
}

TEST(DeviceConfig, ALoadedConfigGetsAVersionLine) {
  // Every IOS running config names its version; a config without one gets the platform's.
  sim::Device xe(test_setup("hostname a\n"));
  EXPECT_EQ(xe.running_config().substr(0, 14), "version 16.12\n");
  sim::Device classic(test_setup("hostname b\n", sim::Platform::ios));
  EXPECT_EQ(classic.running_config().substr(0, 13), "version 15.7\n");
}

}  // namespace
}  // namespace iosctl::test
