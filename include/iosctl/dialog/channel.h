#pragma once

#include "iosctl/dialog/secret_mask.h"
#include "iosctl/dialog/stream.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace iosctl::dialog {

// Which way bytes went, for the session log.
enum class LogDirection { sent, received };

// Receives every byte sent to and received from the device, secrets masked.
using SessionLog = std::function<void(LogDirection, std::string_view)>;

// A Stream with the session log attached: everything that passes is handed
// to the log (if any) in whole lines after SecretMask has hidden the secrets.
class Channel {
 public:
  // Uses `stream` (which must outlive this) and logs to `log` (may be empty).
  Channel(Stream& stream, SessionLog log);
  // Logs what is still held back (flush_log).
  ~Channel();
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  // Writes `bytes`.
  void send(std::string_view bytes);
  // Writes `secret` and "\n"; the log shows config::kRedacted instead.
  void send_secret(std::string_view secret);
  // Returns what arrived before `deadline` (empty: it passed); throws what the Stream throws.
  std::string receive(std::chrono::steady_clock::time_point deadline);
  // Logs received bytes held back as a possible secret's start.
  void flush_log();
  // The secrets kept out of the log.
  SecretMask& mask() { return mask_; }
  const SecretMask& mask() const { return mask_; }
  // Turns taken so far: each write that follows bytes from the device (or
  // is the first) starts one, so a command and its reply count once.
  std::uint64_t round_trips() const { return round_trips_; }

 private:
  void count_turn();

  Stream& stream_;
  SessionLog log_;
  SecretMask mask_;
  std::uint64_t round_trips_ = 0;
  bool heard_since_write_ = true;
};

}  // namespace iosctl::dialog
