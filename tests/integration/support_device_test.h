#pragma once

#include "integration/support_free_port.h"
#include "integration/support_iosctl.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
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
    device.port = free_port();
    device.running_config = running;
    port_ = device.port;
    iosim_ = std::make_unique<IosimProcess>(
        std::vector<std::string>{"--lab", dir_.write("lab.yaml", lab_yaml({device})).string()});
  }
  // Runs iosctl against the device with `args` after the login options.
  RunResult run(const std::vector<std::string>& args) {
    return run_iosctl_on(joined(login_args(port_, dir_.path() / "known_hosts"), args));
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
  std::uint16_t port_ = 0;
};

}  // namespace iosctl::test
