#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

// SIGINT (Ctrl-C) and SIGTERM, read as data: the process never dies of them
// at a random point. A fleet run then starts no new host while the running
// ones finish; a single-host run finishes its current device call and stops
// at the next boundary (cli/interruption.h) — a commit under way completes
// or reverts on the device either way, so dying mid-replace would only leave
// its outcome unreported.
namespace iosctl::fleet {

// Blocks SIGINT and SIGTERM in the calling thread; threads started after it
// inherit the mask. main() calls it first, before any thread exists, so that
// no thread (a progress ticker, a worker) can take the default action.
void block_interrupt_signals();

class InterruptWatch {
 public:
  // Blocks SIGINT and SIGTERM (as block_interrupt_signals) and watches for
  // them; `on_signal(signal, count)` runs on the watcher thread after
  // signal() is set, once per signal (count 1 for the first). Throws
  // Error{internal} when the kernel refuses a signalfd.
  explicit InterruptWatch(std::function<void(int signal, int count)> on_signal = {});
  // Stops watching and restores the signal mask from before construction
  // (main's stays blocked, so a late signal cannot kill the exit path).
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  // The first signal that came (SIGINT or SIGTERM); 0 while none did.
  const std::atomic<int>& signal() const { return signal_; }

 private:
  void watch();

  std::function<void(int, int)> on_signal_;
  std::atomic<int> signal_ = 0;
  int count_ = 0;  // watcher thread only
  sigset_t saved_mask_{};
  int signal_fd_ = -1;
  int quit_fd_ = -1;  // an eventfd that ends the watcher
  std::thread watcher_;
};

}  // namespace iosctl::fleet
