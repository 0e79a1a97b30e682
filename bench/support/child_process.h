#pragma once

// Child processes and their costs, for the benchmarks that run the real binaries.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace iosctl::bench {

using SteadyClock = std::chrono::steady_clock;

// What one child process did.
struct Finished {
  int status = -1;  // exit code, or 128 + signal
  std::string out;
  std::string err;
  double wall_ms = 0;    // steady_clock from just before posix_spawn to the return of wait4
  double cpu_ms = 0;     // its user + system time (wait4's rusage)
  long peak_rss_kb = 0;  // its peak resident memory (wait4's ru_maxrss)
  int max_fds = -1;      // most open file descriptors seen while it ran; -1: not sampled
};

// `what` and the text of errno.
std::string system_error(const std::string& what);
// Milliseconds since `from`, and left until `deadline` (0 when past).
double ms_since(SteadyClock::time_point from);
int ms_left(SteadyClock::time_point deadline);
// A whole file's bytes; "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);
// Writes `text` to `path`; throws std::runtime_error when it cannot.
void write_file(const std::filesystem::path& path, const std::string& text);
// `count` distinct free TCP ports on 127.0.0.1.
std::vector<std::uint16_t> free_ports(std::size_t count);
// utime + stime of `pid` in ms, from /proc/PID/stat (10 ms ticks).
double ticks_cpu_ms(pid_t pid);
// The same CPU time from the process's CPU clock, to the nanosecond.
double clock_cpu_ms(pid_t pid);
// The environment an iosctl under test runs in: ours, with HOME set to
// `home` (no ~/.ssh keys or config of the user's), no SSH agent, and
// `variable`=`password`, so that each login is the password alone.
std::vector<std::string> password_only_environment(const std::filesystem::path& home,
                                                   const std::string& variable,
                                                   const std::string& password);
// Starts `argv` with `env` and `fds` as its stdin, stdout and stderr.
pid_t spawn(std::vector<std::string> argv, std::vector<std::string> env, const int (&fds)[3]);
// Waits for `pid` until `deadline`, then kills it; false if it had to. With `sample`,
// calls it about once per millisecond while `pid` runs.
bool wait_until(pid_t pid, SteadyClock::time_point deadline,
                const std::function<void()>& sample = {});
// The number of open file descriptors of `pid` (/proc/PID/fd); -1 when unreadable.
int open_fds(pid_t pid);
// The resident memory of `pid` now (VmRSS), in kB; -1 when unreadable.
long rss_kb(pid_t pid);
// Runs `argv` with `env` to its end (killed after `limit`), stdout and stderr
// to files in `dir`; times it from spawn to wait4. With `sample_fds`, counts
// its open file descriptors while it runs (Finished::max_fds).
Finished run_process(const std::vector<std::string>& argv, const std::filesystem::path& dir,
                     const std::vector<std::string>& env, std::chrono::seconds limit,
                     bool sample_fds = false);

}  // namespace iosctl::bench
