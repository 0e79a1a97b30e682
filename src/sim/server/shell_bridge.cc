#include "iosctl/sim/shell_bridge.h"

#include <algorithm>

namespace iosctl::sim {
namespace {

using std::chrono::duration_cast;
using std::chrono::nanoseconds;

// Output is released in steps of about 1/50 s of the paced rate, so a slow
// device costs a few wake-ups per second rather than one per byte.
constexpr std::uint64_t kPaceStepsPerSecond = 50;

}  // namespace

ShellBridge::ShellBridge(std::unique_ptr<CliSession> session, ShellPacing pacing)
    : session_(std::move(session)), pacing_(pacing) {}

void ShellBridge::open(Clock::time_point now) {
  if (output_.empty()) {
    pace_start_ = now;
    paced_bytes_ = 0;
  }
  output_ += session_->open();
}

void ShellBridge::receive(std::string_view typed, Clock::time_point now) {
  if (session_->closed() || session_->drop_requested()) return;
  while (!typed.empty()) {
    const std::size_t end = typed.find_first_of("\r\n");
    if (end == std::string_view::npos) {
      queue(std::string(typed), std::max(now, last_due_));
      return;
    }
    if (end > 0) queue(std::string(typed.substr(0, end)), std::max(now, last_due_));
    // A CR LF pair is one line end: both bytes go together.
    const std::size_t length = typed.substr(end, 2) == "\r\n" ? 2 : 1;
    queue(std::string(typed.substr(end, length)), std::max(now, last_due_) + pacing_.latency);
    typed.remove_prefix(end + length);
  }
}

void ShellBridge::queue(std::string bytes, Clock::time_point due) {
  last_due_ = due;
  input_.push_back(Typed{due, std::move(bytes)});
}

void ShellBridge::pump(Clock::time_point now) {
  while (!input_.empty() && input_.front().due <= now && !stopped()) {
    if (output_.empty()) {
      pace_start_ = now;
      paced_bytes_ = 0;
    }
    // After a drop request input() has returned only the echo of the line;
    // that is still shown, and nothing typed after it is read.
    output_ += session_->input(input_.front().bytes);
    input_.pop_front();
  }
  if (stopped()) input_.clear();
}

std::size_t ShellBridge::paced_allowance(Clock::time_point now) const {
  if (pacing_.bytes_per_second == 0) return output_.size();
  const auto elapsed = static_cast<std::uint64_t>(
      std::max<std::int64_t>(0, duration_cast<nanoseconds>(now - pace_start_).count()));
  // At least one byte, so that a paced device starts talking at once.
  const std::uint64_t earned = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(static_cast<long double>(pacing_.bytes_per_second) * elapsed /
                                    1e9L));
  return static_cast<std::size_t>(earned > paced_bytes_ ? earned - paced_bytes_ : 0);
}

std::string ShellBridge::take_output(Clock::time_point now, std::size_t max_bytes) {
  pump(now);
  const std::size_t count = std::min({output_.size(), max_bytes, paced_allowance(now)});
  std::string taken = output_.substr(0, count);
  output_.erase(0, count);
  paced_bytes_ += count;
  return taken;
}

std::optional<ShellBridge::Clock::time_point> ShellBridge::next_wakeup() const {
  std::optional<Clock::time_point> wakeup;
  if (!input_.empty() && !stopped()) wakeup = input_.front().due;
  if (!output_.empty()) {
    Clock::time_point ready = pace_start_;
    if (pacing_.bytes_per_second > 0) {
      const std::uint64_t step =
          std::max<std::uint64_t>(1, pacing_.bytes_per_second / kPaceStepsPerSecond);
      const std::uint64_t target = paced_bytes_ + std::min<std::uint64_t>(step, output_.size());
      ready += nanoseconds(static_cast<std::int64_t>(static_cast<long double>(target) * 1e9L /
                                                     pacing_.bytes_per_second));
    }
    wakeup = wakeup ? std::min(*wakeup, ready) : ready;
  }
  return wakeup;
}

bool ShellBridge::finished() const { return session_->closed() && output_.empty(); }

bool ShellBridge::dropped() const { return session_->drop_requested() && output_.empty(); }

bool ShellBridge::stopped() const { return session_->closed() || session_->drop_requested(); }

}  // namespace iosctl::sim
