#include "iosctl/dialog/channel.h"

#include "iosctl/config/redact.h"

#include <utility>

namespace iosctl::dialog {

Channel::Channel(Stream& stream, SessionLog log) : stream_(stream), log_(std::move(log)) {}

Channel::~Channel() {
  // The device's last unfinished line (a prompt, or output cut by a lost
  // connection) is still worth having in the log.
  flush_log();
}

void Channel::count_turn() {
  if (heard_since_write_) ++round_trips_;
  heard_since_write_ = false;
}

void Channel::send(std::string_view bytes) {
  count_turn();
  if (log_) log_(LogDirection::sent, mask_.mask_lines(bytes));
  stream_.write(bytes);
}

void Channel::send_secret(std::string_view secret) {
  // Also mask it in what comes back, should a device ever echo it.
  mask_.add(secret);
  count_turn();
  if (log_) log_(LogDirection::sent, std::string(config::kRedacted) + "\n");
  stream_.write(std::string(secret) + "\n");
}

std::string Channel::receive(std::chrono::steady_clock::time_point deadline) {
  std::string chunk = stream_.read(deadline);
  if (!chunk.empty()) heard_since_write_ = true;
  if (log_ && !chunk.empty()) {
    const std::string shown = mask_.mask_received(chunk);
    if (!shown.empty()) log_(LogDirection::received, shown);
  }
  return chunk;
}

void Channel::flush_log() {
  const std::string held = mask_.flush();
  if (log_ && !held.empty()) log_(LogDirection::received, held);
}

}  // namespace iosctl::dialog
