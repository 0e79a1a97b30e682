#include "iosctl/ssh/shell_stream.h"

#include "channel.h"
#include "iosctl/error.h"
#include "session_access.h"

#include <algorithm>

namespace iosctl::ssh {

struct ShellStream::Impl {
  Session& session;
  ChannelHandle channel;

  // The Stream contract's error once the channel or the link is gone.
  Error closed() const {
    SessionAccess::Impl& self = SessionAccess::impl(session);
    if (ssh_is_connected(self.handle.get()) == 0) {
      return Error(Failure::unreachable, connection_lost(self.handle.get(), self.where));
    }
    return Error(Failure::unreachable, "the device at " + self.where + " closed the session");
  }
  // How long the next wait may last: until `deadline`, but short enough to
  // send a keepalive in time.
  int wait_ms(Deadline deadline) const {
    const SessionAccess::Impl& self = SessionAccess::impl(session);
    Deadline until = deadline;
    if (self.keepalive_interval.count() > 0) {
      until = std::min(until, self.last_traffic + self.keepalive_interval);
    }
    return milliseconds_left(until);
  }
};

ShellStream::ShellStream(Session& session, const ShellOptions& options)
    : impl_(std::make_unique<Impl>(Impl{session, open_channel(session, "a shell")})) {
  SessionAccess::Impl& self = SessionAccess::impl(session);
  ssh_channel channel = impl_->channel.get();
  if (ssh_channel_request_pty_size(channel, options.term.c_str(), options.columns, options.rows) !=
          SSH_OK ||
      ssh_channel_request_shell(channel) != SSH_OK) {
    throw Error(Failure::unreachable, "cannot open a shell on " + self.where + ": " +
                                          libssh_error(self.handle.get(), "the device refused"));
  }
}

ShellStream::~ShellStream() = default;

void ShellStream::write(std::string_view bytes) {
  SessionAccess::Impl& self = SessionAccess::impl(impl_->session);
  if (ssh_channel_is_eof(impl_->channel.get()) != 0 ||
      ssh_channel_is_closed(impl_->channel.get()) != 0) {
    throw impl_->closed();
  }
  write_all(impl_->session, impl_->channel.get(), bytes, Clock::now() + self.request_timeout,
            "sending to " + self.where);
}

std::string ShellStream::read(Deadline deadline) {
  ssh_channel channel = impl_->channel.get();
  SessionAccess::Impl& self = SessionAccess::impl(impl_->session);
  while (true) {
    char chunk[16 * 1024];
    int n = ssh_channel_read_timeout(channel, chunk, sizeof chunk, 0, impl_->wait_ms(deadline));
    if (n > 0) {
      // Whatever else has already arrived comes along, without waiting.
      std::string bytes(chunk, static_cast<std::size_t>(n));
      while ((n = ssh_channel_read_nonblocking(channel, chunk, sizeof chunk, 0)) > 0) {
        bytes.append(chunk, static_cast<std::size_t>(n));
      }
      self.last_traffic = Clock::now();
      return bytes;
    }
    if (n == SSH_ERROR || ssh_channel_is_eof(channel) != 0 || ssh_channel_is_closed(channel) != 0) {
      throw impl_->closed();
    }
    const Clock::time_point now = Clock::now();
    if (now >= deadline) return "";
    impl_->session.keep_alive(now);
  }
}

}  // namespace iosctl::ssh
