#include "session_channel.h"

#include <libssh/server.h>

#include <algorithm>

namespace iosctl::sim {
namespace {

SessionChannel& self_of(void* userdata) { return *static_cast<SessionChannel*>(userdata); }

}  // namespace

SessionChannel::SessionChannel(const SessionContext& context, ssh_channel channel)
    : context_(context), channel_(channel) {
  callbacks_.userdata = this;
  callbacks_.channel_pty_request_function = &SessionChannel::on_pty;
  callbacks_.channel_shell_request_function = &SessionChannel::on_shell;
  callbacks_.channel_exec_request_function = &SessionChannel::on_exec;
  callbacks_.channel_subsystem_request_function = &SessionChannel::on_refused;
  callbacks_.channel_env_request_function = &SessionChannel::on_env;
  callbacks_.channel_pty_window_change_function = &SessionChannel::on_window_change;
  callbacks_.channel_data_function = &SessionChannel::on_data;
  callbacks_.channel_eof_function = &SessionChannel::on_eof;
  callbacks_.channel_close_function = &SessionChannel::on_close;
  ssh_callbacks_init(&callbacks_);
  ssh_set_channel_callbacks(channel_, &callbacks_);
}

SessionChannel::~SessionChannel() { detach(); }

void SessionChannel::detach() {
  if (channel_ == nullptr) return;
  ssh_remove_channel_callbacks(channel_, &callbacks_);
  channel_ = nullptr;
}

int SessionChannel::on_pty(ssh_session, ssh_channel, const char*, int, int, int, int, void*) {
  return 0;  // any terminal will do: IOS writes plain text with CR LF
}

int SessionChannel::on_shell(ssh_session, ssh_channel, void* userdata) {
  SessionChannel& self = self_of(userdata);
  if (self.payload_) return 1;
  self.payload_ = make_shell_payload(self.context_, Clock::now());
  return 0;
}

int SessionChannel::on_exec(ssh_session, ssh_channel, const char* command, void* userdata) {
  SessionChannel& self = self_of(userdata);
  if (self.payload_) return 1;
  self.payload_ = make_scp_payload(self.context_, command);
  return self.payload_ ? 0 : 1;
}

// IOS has no SFTP subsystem, so OpenSSH >= 9.0 scp without -O fails against
// it (Cisco tech note 220371); refusing the subsystem does the same here.
int SessionChannel::on_refused(ssh_session, ssh_channel, const char*, void*) { return 1; }

int SessionChannel::on_env(ssh_session, ssh_channel, const char*, const char*, void*) {
  return 1;  // IOS takes no environment (OpenSSH's SendEnv LANG is refused quietly)
}

int SessionChannel::on_window_change(ssh_session, ssh_channel, int, int, int, int, void*) {
  return 0;
}

int SessionChannel::on_data(ssh_session, ssh_channel, void* data, uint32_t len, int is_stderr,
                            void* userdata) {
  SessionChannel& self = self_of(userdata);
  if (self.payload_ && is_stderr == 0) {
    self.payload_->receive(std::string_view(static_cast<const char*>(data), len), Clock::now());
  }
  return static_cast<int>(len);
}

void SessionChannel::on_eof(ssh_session, ssh_channel, void* userdata) {
  SessionChannel& self = self_of(userdata);
  if (self.payload_) self.payload_->client_eof();
}

void SessionChannel::on_close(ssh_session, ssh_channel, void* userdata) {
  self_of(userdata).remote_closed_ = true;
}

void SessionChannel::service(Clock::time_point now) {
  if (channel_ == nullptr) return;
  if (remote_closed_) {
    close_and_release(payload_ ? payload_->exit_status() : 0);
    return;
  }
  if (!payload_) return;
  // Only what fits the client's window is written, so that ssh_channel_write
  // never waits for a window adjust (and so never polls from in here).
  for (std::size_t window = ssh_channel_window_size(channel_); window > 0;
       window = ssh_channel_window_size(channel_)) {
    if (unsent_.empty()) unsent_ = payload_->take_output(now, window);
    if (unsent_.empty()) break;
    const std::size_t count = std::min(window, unsent_.size());
    const int written = ssh_channel_write(channel_, unsent_.data(), static_cast<uint32_t>(count));
    if (written == SSH_ERROR) {
      close_and_release(1);
      return;
    }
    if (written == 0) break;
    unsent_.erase(0, static_cast<std::size_t>(written));
  }
  if (unsent_.empty() && payload_->finished()) close_and_release(payload_->exit_status());
}

std::optional<Clock::time_point> SessionChannel::next_wakeup() const {
  // Output held back by the client's window waits for its window adjust,
  // which wakes the event loop by itself.
  if (channel_ == nullptr || !payload_ || !unsent_.empty()) return std::nullopt;
  return payload_->next_wakeup();
}

void SessionChannel::close_and_release(int exit_status) {
  if (ssh_channel_is_open(channel_) && !remote_closed_) {
    ssh_channel_request_send_exit_status(channel_, exit_status);
    ssh_channel_send_eof(channel_);
  }
  ssh_channel_close(channel_);
  ssh_remove_channel_callbacks(channel_, &callbacks_);
  // libssh frees it now if the client closed too, else when its close arrives.
  ssh_channel_free(channel_);
  channel_ = nullptr;
}

}  // namespace iosctl::sim
