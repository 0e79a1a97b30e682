#pragma once

#include "iosctl/config/contextual_format.h"
#include "iosctl/config/diff.h"
#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"
#include "iosctl/sim/device.h"
#include "sim/device_harness.h"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

// Helpers shared by the configure replace, archive, revert timer and tclsh tests.
namespace iosctl::test {

// A clock the test moves by hand (kTestEpoch at first).
class FakeClock {
 public:
  std::chrono::system_clock::time_point now() const { return *now_; }
  void advance(std::chrono::system_clock::duration by) { *now_ += by; }
  // What DeviceSetup::clock takes; it keeps following advance().
  std::function<std::chrono::system_clock::time_point()> function() const {
    return [now = now_] { return *now; };
  }

 private:
  std::shared_ptr<std::chrono::system_clock::time_point> now_ =
      std::make_shared<std::chrono::system_clock::time_point>(kTestEpoch);
};

// The archive block napalm documents (IOS_BEHAVIOR.md 6.1).
inline constexpr std::string_view kArchiveBlock =
    "archive\n path bootflash:archive\n write-memory\n";

// A small IOS-XE config: hostname `r1`, one interface, `extra` lines at the end.
inline std::string small_config(std::string_view extra = "", std::string_view hostname = "r1") {
  return "version 16.12\nhostname " + std::string(hostname) +
         "\n!\ninterface GigabitEthernet1\n description uplink\n ip address 192.0.2.1 "
         "255.255.255.0\n!\nip domain name lab.example.net\n" +
         std::string(extra) + "end\n";
}

// Returns how `b` differs from `a` as IOS compares them (config::diff_configs),
// in `show archive config differences` form; empty when nothing differs.
inline std::string config_difference(std::string_view a, std::string_view b) {
  const config::ConfigDiff diff = config::diff_configs(config::normalize(config::parse_config(a)),
                                                       config::normalize(config::parse_config(b)));
  return diff.empty() ? "" : config::format_contextual(diff, {});
}

// A device with a fake clock running `config`, the candidate stored at
// `bootflash:candidate.cfg`.
inline sim::DeviceSetup replace_setup(std::string config, const FakeClock& clock) {
  sim::DeviceSetup setup = test_setup(std::move(config));
  setup.enable_secret.clear();
  setup.clock = clock.function();
  return setup;
}

}  // namespace iosctl::test
