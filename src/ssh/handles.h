#pragma once

// Internal to ssh/: owners for libssh handles, and time limits for the
// blocking libssh calls. Nothing outside src/ssh includes this.

#include "iosctl/ssh/session.h"

#include <libssh/libssh.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace iosctl::ssh {

struct SessionFree {
  void operator()(ssh_session session) const { ssh_free(session); }
};
using SessionHandle = std::unique_ptr<ssh_session_struct, SessionFree>;

// Closes the channel if it is open, then frees it.
struct ChannelFree {
  void operator()(ssh_channel channel) const;
};
using ChannelHandle = std::unique_ptr<ssh_channel_struct, ChannelFree>;

struct KeyFree {
  void operator()(ssh_key key) const { ssh_key_free(key); }
};
using KeyHandle = std::unique_ptr<ssh_key_struct, KeyFree>;

// A string libssh allocated.
struct CStringFree {
  void operator()(char* text) const { ssh_string_free_char(text); }
};
using CString = std::unique_ptr<char, CStringFree>;

// Returns the time left until `deadline`, rounded up, never below zero.
std::chrono::milliseconds time_left(Deadline deadline);

// Returns the time left until `deadline` as libssh's timeout_ms: at least 0.
int milliseconds_left(Deadline deadline);

// Sets how long each following blocking libssh call on `session` may wait
// for the device (SSH_OPTIONS_TIMEOUT); at least 1 ms, since 0 means "no limit".
void set_blocking_timeout(ssh_session session, std::chrono::milliseconds timeout);

// Returns `duration` as people read it in messages: `15s`, `1.5s`, `250ms`.
std::string describe_duration(std::chrono::milliseconds duration);

// Returns `connection to WHERE lost`, with the device's reason when it sent
// one. libssh's own socket error is left out: the same drop reads as
// "disconnected" or "Connection reset by peer" depending on timing.
std::string connection_lost(ssh_session session, const std::string& where);

// Returns libssh's last error text for `session`, or `fallback` if it has none.
std::string libssh_error(ssh_session session, std::string_view fallback);

}  // namespace iosctl::ssh
