// iosctl send-command against iosim over SSH: output per command, --expect,
// --json, a rejected command, --session-log and a device that drops.

#include "integration/support_free_port.h"
#include "integration/support_iosctl.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <memory>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

class CliSendCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    LabEntry device;
    device.port = free_port();
    port_ = device.port;
    device.users = {"- {username: admin, password: secret, privilege: 15}",
                    "- {username: oper, password: oper-pass-7, privilege: 1}"};
    device.extra = {"enable_secret: en-secret-9"};
    const auto lab = dir_->write("lab.yaml", lab_yaml({device}));
    iosim_ = std::make_unique<IosimProcess>(std::vector<std::string>{"--lab", lab.string()});
  }
  static void TearDownTestSuite() {
    iosim_.reset();
    dir_.reset();
  }
  static RunResult run(const std::vector<std::string>& args) {
    return run_iosctl_on(joined(login_args(port_, dir_->path() / "known_hosts"), args));
  }
  static std::string target() { return "admin@127.0.0.1:" + std::to_string(port_); }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::uint16_t port_ = 0;
};

TEST_F(CliSendCommand, ShowVersionPrintsTheOutputOnly) {
  // One command: its output, without the echo, the prompt or a header.
  const RunResult r = run({"send-command", "show version"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("Cisco IOS XE Software, Version 16.12")) << r.out;
  EXPECT_EQ(r.out.find("r1#"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("# show version"), std::string::npos) << r.out;
}

TEST_F(CliSendCommand, SeveralCommandsEachGetAHeader) {
  // Several commands run in order on one session, each output under `# CMD`.
  const RunResult r = run({"send-command", "show clock", "show version"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto clock = r.out.find("# show clock\n");
  const auto version = r.out.find("# show version\nCisco IOS XE Software");
  ASSERT_EQ(clock, 0u) << r.out;
  ASSERT_NE(version, std::string::npos) << r.out;
  EXPECT_NE(r.out.substr(clock, version - clock).find("UTC"), std::string::npos) << r.out;
}

TEST_F(CliSendCommand, ExpectEndsTheReadAtThePattern) {
  // --expect stops at the pattern instead of the prompt.
  const RunResult r = run({"send-command", "show version", "--expect", "Configuration register"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Configuration register"), std::string::npos) << r.out;
}

TEST_F(CliSendCommand, RejectedCommandExitsThreeWithTheDeviceMessage) {
  // A command the device refuses: exit 3 and its `% Invalid input` line.
  const RunResult r = run({"send-command", "show bogus"});
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(without_key_warning(r.err),
            "iosctl: error: " + target() +
                ": 'show bogus' was rejected: % Invalid input detected at '^' marker.\n");
}

TEST_F(CliSendCommand, JsonHasHostTypeAndOneResultPerCommand) {
  // --json: {host, device_type, results:[{command, output, error}]}.
  const RunResult r = run({"--json", "send-command", "show clock", "show bogus"});
  EXPECT_EQ(r.status, 3);
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["host"], "127.0.0.1");
  EXPECT_EQ(doc["device_type"], "cisco_ios");
  ASSERT_EQ(doc["results"].size(), 2u);
  EXPECT_EQ(doc["results"][0]["command"], "show clock");
  EXPECT_TRUE(doc["results"][0]["error"].is_null());
  EXPECT_NE(doc["results"][0]["output"].get<std::string>().find("UTC"), std::string::npos);
  EXPECT_EQ(doc["results"][1]["error"], "% Invalid input detected at '^' marker.");
}

TEST_F(CliSendCommand, SessionLogHoldsTheDialogueWithoutSecrets) {
  // A user-EXEC login enables with the secret; neither password reaches the log.
  setenv("IOSCTL_TEST_OPER", "oper-pass-7", 1);
  setenv("IOSCTL_TEST_ENABLE", "en-secret-9", 1);
  const auto log = dir_->path() / "session.log";
  const RunResult r = run_iosctl_on(
      {"-H", "127.0.0.1", "--port", std::to_string(port_), "--username", "oper", "--password-env",
       "IOSCTL_TEST_OPER", "--secret-env", "IOSCTL_TEST_ENABLE", "--known-hosts",
       (dir_->path() / "known_hosts").string(), "--host-key-policy", "accept-new", "--session-log",
       log.string(), "send-command", "show privilege"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("15"), std::string::npos) << r.out;
  const std::string text = dir_->read("session.log");
  EXPECT_NE(text.find("r1#show privilege"), std::string::npos) << text;
  EXPECT_EQ(text.find("oper-pass-7"), std::string::npos) << text;
  EXPECT_EQ(text.find("en-secret-9"), std::string::npos) << text;
}

TEST_F(CliSendCommand, VerboseShowsEachCommandSent) {
  // -v: each line sent to the device appears on stderr.
  const RunResult r = run({"-v", "send-command", "show clock"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("iosctl: " + target() + ": > terminal length 0\n"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("iosctl: " + target() + ": > show clock\n"), std::string::npos) << r.err;
}

TEST_F(CliSendCommand, CiscoXeProfileDrivesIosXe) {
  // --device-type cisco_xe speaks to the IOS-XE device as cisco_ios does.
  const RunResult r = run({"--device-type", "cisco_xe", "--json", "send-command", "show version"});
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["device_type"], "cisco_xe");
  EXPECT_TRUE(doc["results"][0]["output"].get<std::string>().starts_with("Cisco IOS XE Software"));
}

TEST(CliDeviceDrop, DeviceGoneMidSessionExitsSix) {
  // iosim killed while the second command waits for its reply: exit 6, one line.
  TempDir dir;
  LabEntry device;
  device.port = free_port();
  // Each line is answered 2 s late, so the second command is still waiting
  // when the test sees the first one's output and kills the device.
  device.extra = {"latency_ms: 2000"};
  IosimProcess iosim({"--lab", dir.write("lab.yaml", lab_yaml({device})).string()});
  std::vector<std::string> argv = {IOSCTL_BINARY};
  for (const std::string& a : joined(login_args(device.port, dir.path() / "kh"),
                                     {"send-command", "show clock", "show version"})) {
    argv.push_back(a);
  }
  ChildProcess iosctl(argv);
  ASSERT_TRUE(iosctl.wait_for_line("# show clock", deadline_in(60))) << iosctl.err();
  iosim.stop(SIGKILL);
  EXPECT_EQ(iosctl.wait(deadline_in(60)), 6);
  const std::string prefix = "iosctl: error: admin@127.0.0.1:" + std::to_string(device.port) + ": ";
  const std::string err = without_key_warning(iosctl.err());
  EXPECT_EQ(err, prefix + "connection to 127.0.0.1:" + std::to_string(device.port) + " lost\n");
  EXPECT_EQ(iosctl.out().find("# show version"), std::string::npos) << iosctl.out();
}

}  // namespace
}  // namespace iosctl::test
