#pragma once

#include "iosctl/dialog/stream.h"
#include "iosctl/ssh/session.h"

#include <memory>
#include <string>
#include <string_view>

namespace iosctl::ssh {

// The terminal a shell asks for.
struct ShellOptions {
  std::string term = "vt100";
  // IOS takes its initial `terminal width` from the pty; 511 is the widest
  // it accepts and keeps long commands from wrapping before the dialogue
  // sends `terminal width 511` itself.
  int columns = 511;
  int rows = 24;
};

// A Stream on a pty shell channel of a Session (the device's CLI).
class ShellStream : public Stream {
 public:
  // Opens a channel with a pty and a shell on `session`, which must outlive
  // this. Throws Error{unreachable} if the device refuses or the link drops.
  explicit ShellStream(Session& session, const ShellOptions& options = {});
  ~ShellStream() override;
  ShellStream(const ShellStream&) = delete;
  ShellStream& operator=(const ShellStream&) = delete;

  // Sends all of `bytes`. Throws Error{unreachable} if the channel is gone.
  void write(std::string_view bytes) override;
  // Returns what arrived before `deadline` (waiting no longer than that);
  // empty means the deadline passed. Throws Error{unreachable} once the
  // device has closed the channel or the connection is lost.
  std::string read(Deadline deadline) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iosctl::ssh
