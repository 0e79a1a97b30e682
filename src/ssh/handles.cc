#include "handles.h"

#include <algorithm>
#include <cstdint>

namespace iosctl::ssh {

void ChannelFree::operator()(ssh_channel channel) const {
  if (ssh_channel_is_open(channel) != 0) ssh_channel_close(channel);
  ssh_channel_free(channel);
}

std::chrono::milliseconds time_left(Deadline deadline) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
  return std::max(left, std::chrono::milliseconds(0));
}

int milliseconds_left(Deadline deadline) {
  // Capped so that the int libssh takes cannot overflow (24 days).
  const auto left = std::min<std::int64_t>(time_left(deadline).count(), 2'000'000'000);
  return static_cast<int>(left);
}

void set_blocking_timeout(ssh_session session, std::chrono::milliseconds timeout) {
  // libssh adds the two options, and reads both as "no limit" when zero.
  const std::int64_t ms = std::max<std::int64_t>(timeout.count(), 1);
  const long seconds = static_cast<long>(ms / 1000);
  const long microseconds = static_cast<long>((ms % 1000) * 1000);
  ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &seconds);
  ssh_options_set(session, SSH_OPTIONS_TIMEOUT_USEC, &microseconds);
}

std::string describe_duration(std::chrono::milliseconds duration) {
  const std::int64_t ms = duration.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  if (ms < 1000) return std::to_string(ms) + "ms";
  std::string text = std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 + 1000).substr(1);
  while (text.back() == '0') text.pop_back();
  return text + "s";
}

std::string connection_lost(ssh_session session, const std::string& where) {
  const char* reason = ssh_get_disconnect_message(session);
  if (reason != nullptr && *reason != '\0') {
    return "connection to " + where + " lost: the device said '" + reason + "'";
  }
  return "connection to " + where + " lost";
}

std::string libssh_error(ssh_session session, std::string_view fallback) {
  const char* text = ssh_get_error(session);
  if (text == nullptr || *text == '\0') return std::string(fallback);
  return text;
}

}  // namespace iosctl::ssh
