#include "channel.h"

#include "iosctl/error.h"
#include "session_access.h"

#include <algorithm>

namespace iosctl::ssh {
namespace {

// Pieces small enough for progress to move and deadlines to be checked often.
constexpr std::size_t kWritePiece = 32 * 1024;

Error lost(Session& session, const std::string& what) {
  return Error(Failure::unreachable, what + " failed: " +
                                         connection_lost(SessionAccess::native(session),
                                                         SessionAccess::impl(session).where));
}

Error too_slow(const std::string& what) {
  return Error(Failure::unreachable, what + " timed out (allow more time with --timeout)");
}

}  // namespace

ChannelHandle open_channel(Session& session, std::string_view what) {
  SessionAccess::Impl& self = SessionAccess::impl(session);
  ssh_session native = self.handle.get();
  set_blocking_timeout(native, self.request_timeout);
  ChannelHandle channel(ssh_channel_new(native));
  if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK) {
    throw Error(Failure::unreachable, "cannot open " + std::string(what) + " on " + self.where +
                                          ": " + libssh_error(native, "the device refused"));
  }
  self.last_traffic = Clock::now();
  return channel;
}

void write_all(Session& session, ssh_channel channel, std::string_view bytes, Deadline deadline,
               const std::string& what, const std::function<void(std::size_t)>& sent) {
  SessionAccess::Impl& self = SessionAccess::impl(session);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const std::chrono::milliseconds left = time_left(deadline);
    if (left.count() == 0) throw too_slow(what);
    // ssh_channel_write waits for the device's window with this limit.
    set_blocking_timeout(self.handle.get(), left);
    const std::size_t piece = std::min(kWritePiece, bytes.size() - done);
    const int written =
        ssh_channel_write(channel, bytes.data() + done, static_cast<std::uint32_t>(piece));
    if (written == SSH_ERROR || ssh_channel_is_closed(channel) != 0) throw lost(session, what);
    done += static_cast<std::size_t>(written);
    self.last_traffic = Clock::now();
    if (sent && written > 0) sent(done);
  }
  set_blocking_timeout(self.handle.get(), self.request_timeout);
}

ChannelReader::ChannelReader(Session& session, ssh_channel channel, std::string what)
    : session_(session), channel_(channel), what_(std::move(what)) {}

bool ChannelReader::fill(Deadline deadline) {
  if (at_ == buffer_.size()) {
    buffer_.clear();
    at_ = 0;
  }
  while (true) {
    char chunk[16 * 1024];
    const int n =
        ssh_channel_read_timeout(channel_, chunk, sizeof chunk, 0, milliseconds_left(deadline));
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      SessionAccess::impl(session_).last_traffic = Clock::now();
      return true;
    }
    if (n == SSH_ERROR) throw lost(session_, what_);
    if (ssh_channel_is_eof(channel_) != 0 || ssh_channel_is_closed(channel_) != 0) {
      if (ssh_is_connected(SessionAccess::native(session_)) == 0) throw lost(session_, what_);
      return false;
    }
    if (Clock::now() >= deadline) throw too_slow(what_);
  }
}

std::optional<char> ChannelReader::byte(Deadline deadline) {
  if (at_ == buffer_.size() && !fill(deadline)) return std::nullopt;
  return buffer_[at_++];
}

std::optional<std::string> ChannelReader::line(Deadline deadline) {
  std::string text;
  while (true) {
    if (at_ == buffer_.size() && !fill(deadline)) return std::nullopt;
    const std::size_t newline = buffer_.find('\n', at_);
    const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
    text.append(buffer_, at_, end - at_);
    at_ = end;
    if (newline != std::string::npos) {
      ++at_;
      return text;
    }
  }
}

std::optional<std::string> ChannelReader::some(std::size_t max, Deadline deadline) {
  if (at_ == buffer_.size() && !fill(deadline)) return std::nullopt;
  const std::size_t take = std::min(max, buffer_.size() - at_);
  std::string taken = buffer_.substr(at_, take);
  at_ += take;
  return taken;
}

bool ChannelReader::drain(Deadline deadline) {
  at_ = buffer_.size();
  while (true) {
    char chunk[16 * 1024];
    const int n =
        ssh_channel_read_timeout(channel_, chunk, sizeof chunk, 0, milliseconds_left(deadline));
    if (n > 0) continue;
    if (n == SSH_ERROR) return false;
    if (ssh_channel_is_eof(channel_) != 0 || ssh_channel_is_closed(channel_) != 0) return true;
    if (Clock::now() >= deadline) return false;
  }
}

}  // namespace iosctl::ssh
