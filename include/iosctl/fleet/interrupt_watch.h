#pragma once

#include <atomic>
#include <functional>
#include <thread>

// Ctrl-C during a fleet run: the first SIGINT (or SIGTERM) stops new hosts
// from starting while the running ones finish — a commit under way completes
// or reverts on its own, so killing iosctl mid-replace would only leave its
// outcome unreported.
namespace iosctl::fleet {

class InterruptWatch {
 public:
  // Blocks SIGINT and SIGTERM for the process (threads started later inherit
  // it) and watches for them; `on_interrupt` runs on the watcher thread after
  // stop() is set, once per signal.
  explicit InterruptWatch(std::function<void()> on_interrupt);
  // Stops watching and restores the signal mask.
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  // Set once a signal came.
  const std::atomic<bool>& stop() const { return stop_; }

 private:
  void watch();

  std::function<void()> on_interrupt_;
  std::atomic<bool> stop_ = false;
  int signal_fd_ = -1;
  int quit_fd_ = -1;  // an eventfd that ends the watcher
  std::thread watcher_;
};

}  // namespace iosctl::fleet
