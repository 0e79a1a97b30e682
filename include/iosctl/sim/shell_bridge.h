#pragma once

#include "iosctl/sim/cli_session.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace iosctl::sim {

// How a device's shell is slowed down (lab `latency_ms`, fault `slow_output_bps`).
struct ShellPacing {
  std::chrono::milliseconds latency{0};  // before each command (line end) is answered
  std::uint64_t bytes_per_second = 0;    // output rate; 0: unlimited
};

// Connects a CliSession to a shell channel with time passed in: typed bytes
// are queued, handed to the CLI when due, and its output is given out at the
// paced rate. Pure, so that pacing is tested without a clock or a socket.
class ShellBridge {
 public:
  using Clock = std::chrono::steady_clock;

  ShellBridge(std::unique_ptr<CliSession> session, ShellPacing pacing);

  // Queues what the CLI prints when it opens (banner, prompt).
  void open(Clock::time_point now);
  // Queues typed bytes: the text of a line is handed on at once (its echo),
  // its line end `latency` later, each line after the previous one.
  void receive(std::string_view typed, Clock::time_point now);
  // Hands due input to the CLI; returns at most `max_bytes` of its output,
  // as much as the pacing allows at `now`.
  std::string take_output(Clock::time_point now, std::size_t max_bytes);
  // When take_output may next have something to give; nullopt: only new
  // input can change that.
  std::optional<Clock::time_point> next_wakeup() const;
  // True once the user closed the CLI (`exit`) and all output was taken.
  bool finished() const;
  // True once the device asked for the connection to be cut without a
  // goodbye (CliSession::drop_requested) and all its output was taken; the
  // server then drops the whole SSH connection. finished() stays false.
  bool dropped() const;

 private:
  struct Typed {
    Clock::time_point due;
    std::string bytes;
  };
  void pump(Clock::time_point now);
  // True once the CLI reads no more input: closed or drop requested.
  bool stopped() const;
  void queue(std::string bytes, Clock::time_point due);
  std::size_t paced_allowance(Clock::time_point now) const;

  std::unique_ptr<CliSession> session_;
  ShellPacing pacing_;
  std::deque<Typed> input_;
  Clock::time_point last_due_{};
  std::string output_;
  Clock::time_point pace_start_{};
  std::uint64_t paced_bytes_ = 0;
};

}  // namespace iosctl::sim
