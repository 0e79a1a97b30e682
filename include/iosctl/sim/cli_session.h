#pragma once

#include <string>
#include <string_view>

namespace iosctl::sim {

// One interactive CLI on a simulated device, as a pty shell channel sees it:
// bytes typed in, bytes the terminal shows out (CRLF line endings, echo of
// what was typed, the prompt without a newline). The SSH server owns one per
// shell channel; tests drive it directly.
class CliSession {
 public:
  virtual ~CliSession() = default;
  // Returns what the device prints when the session opens: the login banner
  // (if any), blank lines and the first prompt.
  virtual std::string open() = 0;
  // Feeds what the client sent (any chunking, partial lines kept until their
  // CR/LF) and returns what the device prints in answer.
  virtual std::string input(std::string_view typed) = 0;
  // True once the user ended the session (`exit` or `logout` at EXEC).
  virtual bool closed() const = 0;
  // True once the device wants the connection dropped without a goodbye
  // (fault `drop_during_replace`): the server sends what input() returned,
  // then cuts the whole SSH connection; no further input is read.
  virtual bool drop_requested() const { return false; }
};

}  // namespace iosctl::sim
