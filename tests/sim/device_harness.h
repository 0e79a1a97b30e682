#pragma once

#include "iosctl/sim/cli_session.h"
#include "iosctl/sim/device.h"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace iosctl::test {

// Mon Mar 11 14:27:51 2024 UTC: the clock every simulated test device reads.
inline constexpr std::chrono::seconds kTestEpoch{1710167271};

// A device with a fixed clock, running `config`, enable secret `cisco`.
inline sim::DeviceSetup test_setup(std::string config,
                                   sim::Platform platform = sim::Platform::iosxe) {
  sim::DeviceSetup setup;
  setup.name = "r1";
  setup.platform = platform;
  setup.enable_secret = "cisco";
  setup.running_config = std::move(config);
  setup.flash_size = 1000000;
  setup.clock = [] { return std::chrono::system_clock::time_point(kTestEpoch); };
  return setup;
}

// One CLI session on a device, typed into line by line.
class Terminal {
 public:
  explicit Terminal(sim::Device& device, int privilege = 15, std::string_view user = "admin")
      : session_(device.open_cli(user, privilege)) {
    opened_ = session_->open();
  }

  // Types `line` and Enter (LF, as netmiko sends it); returns what the device printed.
  std::string type(std::string_view line) { return session_->input(std::string(line) + "\n"); }
  // Sends `bytes` as they are.
  std::string send(std::string_view bytes) { return session_->input(bytes); }
  const std::string& opened() const { return opened_; }
  bool closed() const { return session_->closed(); }

 private:
  std::unique_ptr<sim::CliSession> session_;
  std::string opened_;
};

}  // namespace iosctl::test
