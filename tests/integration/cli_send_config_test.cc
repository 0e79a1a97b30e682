// iosctl send-config and get-config against iosim over SSH: changes seen
// through a second connection, rejected lines (exit 3 and 5), --save.

#include "integration/support_free_port.h"
#include "integration/support_iosctl.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

// Each test gets a fresh device, since the tests change its configuration.
class CliSendConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    LabEntry device;
    device.port = free_port();
    port_ = device.port;
    iosim_ = std::make_unique<IosimProcess>(
        std::vector<std::string>{"--lab", dir_.write("lab.yaml", lab_yaml({device})).string()});
  }
  RunResult run(const std::vector<std::string>& args) {
    return run_iosctl_on(joined(login_args(port_, dir_.path() / "known_hosts"), args));
  }
  std::string running() {
    const RunResult r = run({"get-config"});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  std::string target() const { return "admin@127.0.0.1:" + std::to_string(port_); }

  TempDir dir_;
  std::unique_ptr<IosimProcess> iosim_;
  std::uint16_t port_ = 0;
};

TEST_F(CliSendConfig, ChangeIsVisibleThroughASeparateConnection) {
  // Lines sent by send-config show up in get-config on a new session.
  const RunResult r = run({"send-config", "interface Loopback9", " description via iosctl"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "r1(config)#interface Loopback9\nr1(config-if)# description via iosctl\n");
  EXPECT_NE(running().find("interface Loopback9\n description via iosctl\n"), std::string::npos);
}

TEST_F(CliSendConfig, LinesFromAFile) {
  // -f FILE sends the file's non-blank lines in order.
  const auto file = dir_.write("change.txt", "ntp server 192.0.2.10\n\nlogging host 192.0.2.20\n");
  const RunResult r = run({"send-config", "-f", file.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string config = running();
  EXPECT_NE(config.find("ntp server 192.0.2.10\n"), std::string::npos) << config;
  EXPECT_NE(config.find("logging host 192.0.2.20\n"), std::string::npos) << config;
}

TEST_F(CliSendConfig, FirstLineRejectedExitsThreeAndAppliesNothing) {
  // The first line refused: exit 3, the rest never sent.
  const RunResult r = run({"send-config", "logging 0255.255.1", "ntp server 192.0.2.10"});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(without_key_warning(r.err),
            "iosctl: error: " + target() +
                ": line 1 'logging 0255.255.1' was rejected (% Invalid input detected at "
                "'^' marker.); nothing was applied, line 2 was not sent\n");
  EXPECT_EQ(running().find("ntp server 192.0.2.10"), std::string::npos);
}

TEST_F(CliSendConfig, LaterLineRejectedExitsFiveNamingWhatWasApplied) {
  // A later line refused: exit 5, saying which lines were applied and which not sent.
  const RunResult r = run({"send-config", "ntp server 192.0.2.10", "logging host 192.0.2.20",
                           "logging 0255.255.1", "ntp server 192.0.2.11", "ntp server 192.0.2.12"});
  EXPECT_EQ(r.status, 5);
  EXPECT_EQ(without_key_warning(r.err),
            "iosctl: error: " + target() +
                ": line 3 'logging 0255.255.1' was rejected (% Invalid input detected at "
                "'^' marker.); lines 1-2 were applied, lines 4-5 were not sent\n");
  const std::string config = running();
  EXPECT_NE(config.find("ntp server 192.0.2.10\n"), std::string::npos) << config;
  EXPECT_EQ(config.find("ntp server 192.0.2.11"), std::string::npos) << config;
}

TEST_F(CliSendConfig, ErrorPatternRejectsALineTheDeviceAccepted) {
  // --error-pattern: an output line matching it counts as a rejection.
  const RunResult r = run({"send-config", "do show clock", "--error-pattern", "UTC"});
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(without_key_warning(r.err).starts_with("iosctl: error: " + target() +
                                                     ": line 1 'do show clock' was "
                                                     "rejected (*"))
      << r.err;
  EXPECT_TRUE(r.err.ends_with("); nothing was applied\n")) << r.err;
}

TEST_F(CliSendConfig, SaveWritesTheStartupConfig) {
  // --save runs write memory: the change is in show startup-config.
  ASSERT_EQ(run({"send-config", "ntp server 192.0.2.10"}).status, 0);
  RunResult startup = run({"get-config", "--source", "startup"});
  EXPECT_EQ(startup.out.find("ntp server 192.0.2.10"), std::string::npos) << startup.out;
  const RunResult r = run({"send-config", "--save", "ntp server 192.0.2.11"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("r1#write memory\n"), std::string::npos) << r.out;
  startup = run({"send-command", "show startup-config"});
  EXPECT_NE(startup.out.find("ntp server 192.0.2.11\n"), std::string::npos) << startup.out;
}

TEST_F(CliSendConfig, PasswordLineIsRedactedInTheOutput) {
  // The echo of a secret-bearing line never shows the secret.
  const RunResult r = run({"send-config", "username bob secret hunter2-x"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "r1(config)#username bob secret <redacted>\n");
  EXPECT_EQ(r.err.find("hunter2-x"), std::string::npos);
}

TEST_F(CliSendConfig, GetConfigNormalisedRawAndStartup) {
  // Normalised by default (no show header), --raw as sent, --source startup.
  const std::string normal = running();
  EXPECT_TRUE(normal.starts_with("version 16.12\n")) << normal;
  const RunResult raw = run({"get-config", "--raw"});
  ASSERT_EQ(raw.status, 0) << raw.err;
  EXPECT_TRUE(raw.out.starts_with("Building configuration...\n\nCurrent configuration : "))
      << raw.out;
  const RunResult startup = run({"get-config", "--source", "startup", "--raw"});
  ASSERT_EQ(startup.status, 0) << startup.err;
  EXPECT_NE(startup.out.find("\nhostname r1\n"), std::string::npos) << startup.out;
}

}  // namespace
}  // namespace iosctl::test
