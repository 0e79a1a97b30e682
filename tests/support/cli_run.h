#pragma once

#include <string>
#include <vector>

namespace iosctl::test {

// What one run of the program printed and returned.
struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs iosctl in-process with `args` (no program name), stdout not a TTY.
CliResult run_iosctl(const std::vector<std::string>& args, bool tty = false,
                     bool no_color_env = false);

// Runs the built iosctl binary (IOSCTL_BINARY) with `args`, capturing both
// streams; for the tests that check the real executable.
CliResult run_iosctl_binary(const std::vector<std::string>& args);

}  // namespace iosctl::test
