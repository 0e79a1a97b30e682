#pragma once

#include "iosctl/driver/connection.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::cli {

// Where the program writes and what it knows of its terminal, passed in so
// that tests can run the whole CLI in-process.
struct Env {
  std::ostream& out;          // results: diffs, findings, JSON
  std::ostream& err;          // errors, warnings, progress
  bool out_is_tty = false;    // colour is only ever used on a terminal
  bool no_color_env = false;  // NO_COLOR is set
  // Opens a shell on a device; empty: device commands fail with a usage error.
  driver::Connector connect = {};
  // Reads a secret from the terminal without echo after showing `prompt`;
  // empty (or nullopt returned): standard input is not a terminal.
  std::function<std::optional<std::string>(std::string_view prompt)> read_secret = {};
  // Returns environment variable `name`; empty: std::getenv.
  std::function<std::optional<std::string>(const std::string& name)> getenv = {};
};

// Runs iosctl with `args` (without the program name) and returns its exit
// code (exit_status.h). Never throws.
int run_cli(const std::vector<std::string>& args, Env& env);

// main(): runs run_cli on the process's arguments and standard streams,
// opening devices with `connect`.
int main_entry(int argc, char** argv, driver::Connector connect);

}  // namespace iosctl::cli
