#pragma once

// Internal to iosim_server: the libssh side of one client connection.

#include "channel_payload.h"
#include "session_channel.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace iosctl::sim {

// One accepted SSH connection to a device: key exchange, authentication
// (password, public key, keyboard-interactive `Password: `), and the session
// channels it opens. Runs non-blocking inside the server's one ssh_event.
class Connection {
 public:
  // Takes `session`, freshly accepted on the listener of `lab`'s device.
  Connection(Device& device, const LabDevice& lab, ssh_session session);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Starts the key exchange and joins `event`; false when the client is
  // already gone.
  bool start(ssh_event event);
  // Runs the channels' timed work and writes; closes finished channels.
  void service(Clock::time_point now);
  // When service() has timed work to do; nullopt: none.
  std::optional<Clock::time_point> next_wakeup() const;
  // True when the client is gone, or took too long to log in.
  bool finished(Clock::time_point now) const;

 private:
  static int on_auth_none(ssh_session, const char* user, void* self);
  static int on_auth_password(ssh_session, const char* user, const char* password, void* self);
  static int on_auth_pubkey(ssh_session, const char* user, ssh_key_struct* key,
                            char signature_state, void* self);
  static int on_message(ssh_session, ssh_message message, void* self);
  static ssh_channel on_channel_open(ssh_session, void* self);
  // The privilege of `user` if `password` / `key` (`type base64`) is theirs.
  std::optional<int> password_privilege(std::string_view user, std::string_view password) const;
  std::optional<int> key_privilege(std::string_view user, std::string_view key) const;
  int accept_login(const std::string& user, std::optional<int> privilege);
  void send_login_banner();
  // service()'s work, run while the session is out of the shared event.
  void service_channels(Clock::time_point now);
  bool keyboard_interactive(ssh_message message);

  Device& device_;
  const LabDevice& lab_;
  ssh_session session_;
  ssh_event event_ = nullptr;
  ssh_server_callbacks_struct callbacks_{};
  Clock::time_point accepted_at_;
  std::string kbdint_user_;
  std::optional<SessionContext> login_;
  bool banner_sent_ = false;
  bool dropped_ = false;
  std::vector<std::unique_ptr<SessionChannel>> channels_;
};

}  // namespace iosctl::sim
