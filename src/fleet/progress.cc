#include "iosctl/fleet/progress.h"

#include <csignal>
#include <cstdio>

namespace iosctl::fleet {
namespace {

// The status line is redrawn this often so that its clock moves while every
// running host is busy; it is the only timed wait here and no device waits on it.
constexpr std::chrono::milliseconds kRedrawEvery{500};

// Erase the terminal line and return to its start (ANSI EL).
constexpr std::string_view kClearLine = "\r\033[K";

// `r1: changes +3 -1 (2.1 s)`, and the error for a failing host.
std::string host_line(const HostResult& r) {
  std::string line = r.host + ": " + r.outcome;
  if (r.added && r.removed) line += " " + changes_text(r);
  line += " (" + seconds_text(r.seconds) + " s)";
  const std::string error = first_error_line(r.errors);
  if (is_failure(r.exit_code) && !error.empty()) line += ": " + error;
  return line;
}

}  // namespace

Progress::Progress(std::ostream& err, bool tty, std::size_t total)
    : err_(err), tty_(tty), total_(total), start_(std::chrono::steady_clock::now()) {
  if (tty_) ticker_ = std::jthread([this](std::stop_token stop) { tick(stop); });
}

Progress::~Progress() { done(); }

void Progress::started(const std::string&) {
  const std::lock_guard lock(mutex_);
  ++running_;
  if (tty_) redraw();
}

void Progress::finished(const HostResult& result) {
  const std::lock_guard lock(mutex_);
  --running_;
  ++done_;
  const bool failed = is_failure(result.exit_code);
  if (failed) ++failing_;
  if (!tty_) {
    err_ << "iosctl: [" << done_ << '/' << total_ << "] " << host_line(result) << '\n';
    err_.flush();
    return;
  }
  if (failed) err_ << kClearLine << "iosctl: " << host_line(result) << '\n';
  redraw();
}

void Progress::interrupted(int signal) {
  const std::lock_guard lock(mutex_);
  if (tty_) err_ << kClearLine;
  err_ << "iosctl: " << (signal == SIGTERM ? "terminated" : "interrupted")
       << ": no more hosts start; waiting for " << running_
       << " running (a commit in progress completes or reverts)\n";
  if (tty_) redraw();
  err_.flush();
}

void Progress::done() {
  ticker_ = {};  // stops and joins the ticker before the line is cleared
  const std::lock_guard lock(mutex_);
  if (tty_ && !finished_) err_ << kClearLine << std::flush;
  finished_ = true;
}

std::string Progress::status() const {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return std::to_string(done_) + "/" + std::to_string(total_) + " done, " +
         std::to_string(failing_) + " failing, " + std::to_string(running_) + " running, " +
         seconds_text(elapsed) + " s";
}

void Progress::redraw() {
  if (finished_) return;
  err_ << kClearLine << "iosctl: " << status() << std::flush;
}

void Progress::tick(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, stop, kRedrawEvery, [] { return false; })) {
    if (stop.stop_requested()) return;
    redraw();
  }
}

}  // namespace iosctl::fleet
