#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace iosctl::cli {

// Where the program writes and what it knows of its terminal, passed in so
// that tests can run the whole CLI in-process.
struct Env {
  std::ostream& out;          // results: diffs, findings, JSON
  std::ostream& err;          // errors, warnings, progress
  bool out_is_tty = false;    // colour is only ever used on a terminal
  bool no_color_env = false;  // NO_COLOR is set
};

// Runs iosctl with `args` (without the program name) and returns its exit
// code (exit_status.h). Never throws.
int run_cli(const std::vector<std::string>& args, Env& env);

// main(): runs run_cli on the process's arguments and standard streams.
int main_entry(int argc, char** argv);

}  // namespace iosctl::cli
