#pragma once

// Test support: an iosim process (IOSIM_BINARY) serving a lab on 127.0.0.1.

#include "integration/support_child_process.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace iosctl::test {

// Returns the path of a file in fixtures/labs/.
std::filesystem::path lab_fixture(const std::string& name);

// One device of a test lab, listening on 127.0.0.1:`port`.
struct LabEntry {
  std::string name = "r1";
  std::uint16_t port = 0;
  std::filesystem::path running_config = lab_fixture("iosxe-r1.cfg");
  // YAML lines of the `users` list, each "- {...}".
  std::vector<std::string> users = {"- {username: admin, password: secret, privilege: 15}"};
  // More YAML lines for the device entry (e.g. "faults: {refuse_auth: true}").
  std::vector<std::string> extra;
};

// Returns the lab file text for `devices`.
std::string lab_yaml(const std::vector<LabEntry>& devices);

// A running iosim. The destructor stops it with SIGKILL if still running.
class IosimProcess {
 public:
  // Starts iosim with `args` and waits for its `ready` line. Throws
  // std::runtime_error with iosim's stderr if it exits or is not ready in time.
  explicit IosimProcess(const std::vector<std::string>& args);

  // Sends SIGTERM and returns the exit status (-1 if it did not exit in time).
  int stop(int signal = 15);
  ChildProcess& process() { return *child_; }

 private:
  std::unique_ptr<ChildProcess> child_;
};

}  // namespace iosctl::test
