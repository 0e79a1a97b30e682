#pragma once

// Internal to iosim_server: the libssh side of one session channel.

#include "channel_payload.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <memory>
#include <optional>
#include <string>

namespace iosctl::sim {

// One SSH session channel: answers its pty, shell and exec requests, runs
// the payload they start, and closes when the payload or the client is done.
// Its libssh callbacks only record; service() does all writing, so nothing
// re-enters the event loop from inside a callback.
class SessionChannel {
 public:
  SessionChannel(const SessionContext& context, ssh_channel channel);
  ~SessionChannel();
  SessionChannel(const SessionChannel&) = delete;
  SessionChannel& operator=(const SessionChannel&) = delete;

  // Writes pending output within the client's window; closes the channel
  // once the payload finished or the client closed it.
  void service(Clock::time_point now);
  // When service() has timed work to do; nullopt: none.
  std::optional<Clock::time_point> next_wakeup() const;
  // True once closed both ways and given back to libssh.
  bool gone() const { return channel_ == nullptr; }
  // True when a fault says the connection must drop now, and what the
  // payload gave out before that was written, so the client gets it.
  bool drop_connection() const {
    return payload_ && payload_->drop_connection() && unsent_.empty();
  }
  // Unhooks the callbacks; libssh frees the channel with its session.
  void detach();

 private:
  static int on_pty(ssh_session, ssh_channel, const char*, int, int, int, int, void* self);
  static int on_shell(ssh_session, ssh_channel, void* self);
  static int on_exec(ssh_session, ssh_channel, const char* command, void* self);
  static int on_refused(ssh_session, ssh_channel, const char*, void*);
  static int on_env(ssh_session, ssh_channel, const char*, const char*, void*);
  static int on_window_change(ssh_session, ssh_channel, int, int, int, int, void*);
  static int on_data(ssh_session, ssh_channel, void* data, uint32_t len, int is_stderr, void* self);
  static void on_eof(ssh_session, ssh_channel, void* self);
  static void on_close(ssh_session, ssh_channel, void* self);
  void close_and_release(int exit_status);

  SessionContext context_;
  ssh_channel channel_;
  ssh_channel_callbacks_struct callbacks_{};
  std::unique_ptr<ChannelPayload> payload_;
  std::string unsent_;
  bool remote_closed_ = false;
};

}  // namespace iosctl::sim
