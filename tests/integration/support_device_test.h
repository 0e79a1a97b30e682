#pragma once

#include "integration/support_free_port.h"
#include "integration/support_iosctl.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace iosctl::test {

// A test against one iosim device started by start(), driven through the
// iosctl binary with its login options filled in.
class DeviceTest : public ::testing::Test {
 protected:
  // Serves one device with `running` as its configuration.
  void start(const std::filesystem::path& running = lab_fixture("iosxe-r1.cfg")) {
    LabEntry device;
    device.running_config = running;
    start(device);
  }
  // Serves `device` (its port is chosen here), with more iosim options `args`.
  void start(LabEntry device, const std::vector<std::string>& args = {}) {
    device.port = free_port();
    port_ = device.port;
    iosim_args_ = joined({"--lab", dir_.write("lab.yaml", lab_yaml({device})).string()}, args);
    iosim_ = std::make_unique<IosimProcess>(iosim_args_);
  }
  // Stops iosim with `signal` and starts it again with the same lab and
  // options, as a device is power-cycled.
  void restart(int signal) {
    EXPECT_NE(iosim_->stop(signal), -1);
    iosim_.reset();
    iosim_ = std::make_unique<IosimProcess>(iosim_args_);
  }
  // Runs iosctl against the device with `args` after the login options.
  RunResult run(const std::vector<std::string>& args) {
    return run_iosctl_on(joined(login_args(port_, dir_.path() / "known_hosts"), args));
  }
  // Starts iosctl against the device with `args`, to be read, stopped or
  // killed while it runs.
  std::unique_ptr<ChildProcess> spawn(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {IOSCTL_BINARY};
    for (const std::string& a : joined(login_args(port_, dir_.path() / "known_hosts"), args)) {
      argv.push_back(a);
    }
    return std::make_unique<ChildProcess>(argv);
  }
  // Runs iosctl as `user` (password "secret", like admin).
  RunResult run_as(const std::string& user, const std::vector<std::string>& args) {
    std::vector<std::string> login = login_args(port_, dir_.path() / "known_hosts");
    for (std::size_t i = 0; i + 1 < login.size(); ++i) {
      if (login[i] == "--username") login[i + 1] = user;
    }
    return run_iosctl_on(joined(login, args));
  }
  // The lab entry of a device whose config is `running` with `drop` lines
  // (exact text) left out and `add` lines appended before `end`.
  LabEntry device_with(const std::vector<std::string>& drop, const std::vector<std::string>& add) {
    std::ifstream in(lab_fixture("iosxe-r1.cfg"));
    std::string text;
    for (std::string line; std::getline(in, line);) {
      if (std::find(drop.begin(), drop.end(), line) != drop.end()) continue;
      if (line == "end") {
        for (const std::string& extra : add) text += extra + "\n";
      }
      text += line + "\n";
    }
    LabEntry device;
    device.running_config = dir_.write("device.cfg", text);
    return device;
  }
  // Runs `iosctl status` until it reports no pending commit (at most 30 s of
  // device time); true when it did. Each round is a full SSH login, so the
  // loop waits on the device's answers, never on a timer.
  bool pending_commit_cleared() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      if (run({"status"}).out.starts_with("no pending confirmed commit")) return true;
    }
    return false;
  }
  // The device's running config as iosctl reads it, secrets included.
  std::string running() {
    const RunResult r = run({"get-config", "--show-secrets"});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  // The running config with `line` added before the final `end`.
  std::string running_plus(const std::string& line) {
    std::string text = running();
    const std::size_t end = text.rfind("\nend");
    EXPECT_NE(end, std::string::npos) << text;
    return text.insert(end + 1, line + "\n");
  }
  // True when `path` exists on the device's flash.
  bool on_flash(const std::string& path) {
    const RunResult r = run({"send-command", "dir " + path});
    return (r.out + r.err).find("No such file or directory") == std::string::npos;
  }
  // `user@host:port`, as iosctl's messages name the device.
  std::string target() const { return "admin@127.0.0.1:" + std::to_string(port_); }

  TempDir dir_;
  std::unique_ptr<IosimProcess> iosim_;
  std::vector<std::string> iosim_args_;
  std::uint16_t port_ = 0;
};

}  // namespace iosctl::test
