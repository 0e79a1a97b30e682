#pragma once

#include "iosctl/driver/connection.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::cli {

class Interrupts;  // interruption.h

// What a device command says of its result beyond its output, for the
// summary of a fleet run.
struct RunRecord {
  std::string outcome;              // committed, no_changes, ...; "": read the exit code
  std::optional<std::string> diff;  // the contextual diff shown or applied, secrets masked
};

// Where the program writes and what it knows of its terminal, passed in so
// that tests can run the whole CLI in-process.
struct Env {
  std::ostream& out;          // results: diffs, findings, JSON
  std::ostream& err;          // errors, warnings, progress
  bool out_is_tty = false;    // colour is only ever used on a terminal
  bool no_color_env = false;  // NO_COLOR is set
  bool err_is_tty = false;    // a fleet run's progress line is only drawn on a terminal
  // Opens a shell on a device; empty: device commands fail with a usage error.
  driver::Connector connect = {};
  // Reads a secret from the terminal without echo after showing `prompt`;
  // empty (or nullopt returned): standard input is not a terminal.
  std::function<std::optional<std::string>(std::string_view prompt)> read_secret = {};
  // Returns environment variable `name`; empty: std::getenv.
  std::function<std::optional<std::string>(const std::string& name)> getenv = {};
  // Filled by compare and commit when set (a fleet run's hosts).
  RunRecord* record = nullptr;
  // SIGINT / SIGTERM as main() watches them; nullptr: none are watched (the
  // in-process tests, a fleet run's hosts, which always finish).
  Interrupts* interrupts = nullptr;
  // Set once a --json document is on `out` (print_json), so that an error
  // after it adds none and an error before it gets one.
  bool json_printed = false;
};

// Environment variable `name` through `env.getenv` (std::getenv when unset).
std::optional<std::string> env_value(const Env& env, const std::string& name);

// Runs iosctl with `args` (without the program name) and returns its exit
// code (exit_status.h). Never throws.
int run_cli(const std::vector<std::string>& args, Env& env);

// main(): blocks SIGINT and SIGTERM before any thread starts and watches
// them (interruption.h), then runs run_cli on the process's arguments and
// standard streams, opening devices with `connect`.
int main_entry(int argc, char** argv, driver::Connector connect);

}  // namespace iosctl::cli
