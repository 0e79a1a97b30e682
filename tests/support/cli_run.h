#pragma once

#include <string>
#include <vector>

namespace iosctl::test {

// What one run of the program printed and returned.
struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  int connects = 0;  // run_iosctl_unreachable: connections attempted
};

// Runs iosctl in-process with `args` (no program name), stdout not a TTY.
CliResult run_iosctl(const std::vector<std::string>& args, bool tty = false,
                     bool no_color_env = false);

// Runs iosctl in-process with a connector that counts its calls and fails
// each as unreachable: for checks that must happen before any connection.
CliResult run_iosctl_unreachable(const std::vector<std::string>& args);

// Runs the built iosctl binary (IOSCTL_BINARY) with `args`, capturing both
// streams; for the tests that check the real executable.
CliResult run_iosctl_binary(const std::vector<std::string>& args);

}  // namespace iosctl::test
