#pragma once

#include "iosctl/fleet/parallel_run.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

// What a fleet run shows on stderr while it goes: on a terminal one status
// line (hosts done / failing / running, elapsed) kept current, with a line
// above it for each failing host; elsewhere (CI logs) one plain line per
// host as it finishes.
namespace iosctl::fleet {

class Progress : public RunObserver {
 public:
  // Reports on `err` for a run of `total` hosts; `tty`: `err` is a terminal.
  Progress(std::ostream& err, bool tty, std::size_t total);
  ~Progress() override;
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void started(const std::string& host) override;
  void finished(const HostResult& result) override;
  // Says that `signal` (SIGINT: Ctrl-C, or SIGTERM) stopped new hosts and
  // how many are still running.
  void interrupted(int signal);
  // Ends the report: clears the status line on a terminal.
  void done();

 private:
  std::string status() const;  // "12/20 done, 1 failing, 4 running, 3.2 s"
  void redraw();               // with mutex_ held
  void tick(std::stop_token stop);

  std::ostream& err_;
  const bool tty_;
  const std::size_t total_;
  const std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::size_t done_ = 0;
  std::size_t failing_ = 0;
  std::size_t running_ = 0;
  bool finished_ = false;
  std::jthread ticker_;  // last: it uses the members above
};

}  // namespace iosctl::fleet
