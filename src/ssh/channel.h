#pragma once

// Internal to ssh/: opening channels on a Session, and reading and writing
// them with deadlines.

#include "handles.h"
#include "iosctl/ssh/session.h"

#include <libssh/libssh.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace iosctl::ssh {

// Opens a session channel on `session`; `what` says what for (`a shell`).
// Throws Error{unreachable} if the device refuses or the link is gone.
ChannelHandle open_channel(Session& session, std::string_view what);

// Sends all of `bytes` on `channel` before `deadline`, calling `sent` with
// the running count after each piece; `what` names the operation in
// messages. Throws Error{unreachable} if the link drops or time runs out.
void write_all(Session& session, ssh_channel channel, std::string_view bytes, Deadline deadline,
               const std::string& what, const std::function<void(std::size_t sent)>& sent = {});

// Reads what the device sends on one channel (stdout), a byte, a line or a
// block at a time, each with a deadline.
class ChannelReader {
 public:
  // `what` names the operation in messages (`scp to flash:/x on h:p`).
  ChannelReader(Session& session, ssh_channel channel, std::string what);

  // Returns the next byte, or nullopt once the device has closed its side.
  // Throws Error{unreachable} if the link drops or `deadline` passes.
  std::optional<char> byte(Deadline deadline);
  // Returns the bytes before the next `\n` (which is consumed), or nullopt
  // at the end of the data without one. Throws as byte() does.
  std::optional<std::string> line(Deadline deadline);
  // Returns up to `max` bytes, at least one, or nullopt at the end of data.
  std::optional<std::string> some(std::size_t max, Deadline deadline);
  // Reads and drops whatever comes until the device closes its side; false
  // if the link drops or `deadline` passes first.
  bool drain(Deadline deadline);

 private:
  // Waits for more bytes; false at the end of data.
  bool fill(Deadline deadline);

  Session& session_;
  ssh_channel channel_;
  std::string what_;
  std::string buffer_;
  std::size_t at_ = 0;
};

}  // namespace iosctl::ssh
