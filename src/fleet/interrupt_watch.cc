#include "iosctl/fleet/interrupt_watch.h"

#include "iosctl/error.h"

#include <cstdint>
#include <poll.h>
#include <pthread.h>
#include <string>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace iosctl::fleet {
namespace {

sigset_t watched_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

void block_interrupt_signals() {
  const sigset_t set = watched_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

// A signalfd instead of a handler: the watcher reads signals as data, so
// nothing runs in signal context and no global flag is needed.
InterruptWatch::InterruptWatch(std::function<void(int signal, int count)> on_signal)
    : on_signal_(std::move(on_signal)) {
  const sigset_t set = watched_signals();
  pthread_sigmask(SIG_BLOCK, &set, &saved_mask_);
  signal_fd_ = signalfd(-1, &set, SFD_CLOEXEC);
  quit_fd_ = eventfd(0, EFD_CLOEXEC);
  if (signal_fd_ < 0 || quit_fd_ < 0) {
    if (signal_fd_ >= 0) close(signal_fd_);
    if (quit_fd_ >= 0) close(quit_fd_);
    pthread_sigmask(SIG_SETMASK, &saved_mask_, nullptr);
    throw Error(Failure::internal, "cannot watch for Ctrl-C (signalfd/eventfd failed)");
  }
  watcher_ = std::thread([this] { watch(); });
}

InterruptWatch::~InterruptWatch() {
  const std::uint64_t one = 1;
  if (write(quit_fd_, &one, sizeof one) < 0) {
    // Nothing else can end the watcher; it only ever blocks in poll.
  }
  if (watcher_.joinable()) watcher_.join();
  close(signal_fd_);
  close(quit_fd_);
  pthread_sigmask(SIG_SETMASK, &saved_mask_, nullptr);
}

void InterruptWatch::watch() {
  pollfd fds[2] = {{signal_fd_, POLLIN, 0}, {quit_fd_, POLLIN, 0}};
  for (;;) {
    if (poll(fds, 2, -1) < 0) continue;  // EINTR
    if (fds[1].revents != 0) return;
    signalfd_siginfo info;
    if (read(signal_fd_, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) continue;
    const int signal = static_cast<int>(info.ssi_signo);
    int expected = 0;
    signal_.compare_exchange_strong(expected, signal);
    ++count_;
    if (on_signal_) on_signal_(signal, count_);
  }
}

}  // namespace iosctl::fleet
