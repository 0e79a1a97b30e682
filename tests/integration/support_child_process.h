#pragma once

// Test support: a child process whose stdout and stderr the test reads.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace iosctl::test {

using Deadline = std::chrono::steady_clock::time_point;

// Returns the time `seconds` from now.
Deadline deadline_in(double seconds);

// A program started with its stdout and stderr on pipes. The destructor
// kills (SIGKILL) and reaps it if it is still running.
class ChildProcess {
 public:
  // Starts `argv[0]` (a path) with `argv`. Throws std::runtime_error.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Reads until stdout holds the whole line `line`; false at `deadline`.
  bool wait_for_line(std::string_view line, Deadline deadline);
  // Reads until stderr holds `text` (iosctl's -v progress lines, say);
  // false at `deadline`.
  bool wait_for_err(std::string_view text, Deadline deadline);
  // Sends `signal` to the child.
  void send_signal(int signal);
  // Waits for the exit, reading both pipes. Returns the exit status
  // (128 + N for signal N), or nullopt at `deadline`.
  std::optional<int> wait(Deadline deadline);
  // The child's process id (to stop and resume it, e.g.).
  pid_t pid() const { return pid_; }
  // What the child wrote to stdout / stderr so far.
  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }

 private:
  // Waits until a pipe has bytes or the child exits, and reads; false when
  // `deadline` passed first.
  bool pump(Deadline deadline);

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  int exit_fd_ = -1;
  std::string out_;
  std::string err_;
  std::optional<int> status_;
};

// Outcome of a program run to completion.
struct RunResult {
  int status = -1;  // -1: did not finish before the deadline
  std::string out;
  std::string err;
};

// Runs `argv` to completion (killed at `deadline`).
RunResult run_program(const std::vector<std::string>& argv, Deadline deadline);

}  // namespace iosctl::test
