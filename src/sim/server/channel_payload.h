#pragma once

// Internal to iosim_server (src/sim/server): no libssh types here either, but
// not a contract anyone outside the server uses.

#include "iosctl/sim/device.h"
#include "iosctl/sim/lab.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace iosctl::sim {

using Clock = std::chrono::steady_clock;

// What runs on one session channel once the client asked for it: a shell
// (the device's CLI) or an exec `scp` transfer. The channel feeds it bytes
// and writes out what it returns.
class ChannelPayload {
 public:
  virtual ~ChannelPayload() = default;
  // Takes bytes the client sent.
  virtual void receive(std::string_view bytes, Clock::time_point now) = 0;
  // The client will send nothing more.
  virtual void client_eof() = 0;
  // Returns at most `max_bytes` of what to send now.
  virtual std::string take_output(Clock::time_point now, std::size_t max_bytes) = 0;
  // When take_output may next give more without new input; nullopt: never.
  virtual std::optional<Clock::time_point> next_wakeup() const = 0;
  // True once everything was sent and the channel should close.
  virtual bool finished() const = 0;
  // The exit status to report when the channel closes.
  virtual int exit_status() const = 0;
  // True when a fault says the whole TCP connection must drop now.
  virtual bool drop_connection() const { return false; }
};

// Who is logged in on a session, and to what.
struct SessionContext {
  Device& device;
  const LabDevice& lab;
  std::string username;
  int privilege = 1;
};

// Returns the device's CLI for a shell channel, paced as the lab says.
std::unique_ptr<ChannelPayload> make_shell_payload(const SessionContext& context,
                                                   Clock::time_point now);
// Returns the transfer for exec `command`, or nullptr when it is not `scp`.
std::unique_ptr<ChannelPayload> make_scp_payload(const SessionContext& context,
                                                 std::string_view command);

}  // namespace iosctl::sim
