#pragma once

#include "iosctl/dialog/stream.h"

#include <chrono>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::test {

// A Stream that replays a transcript, written as in fixtures/transcripts/:
//
//   > show clock          we must send "show clock\n" next (`>` alone: "\n")
//   >> \x20               we must send exactly these bytes (no "\n" added)
//   show clock            the device replies this line, then the line end
//   r1#\c                 ... a line ending in `\c` gets no line end (a prompt)
//   # text                a comment
//   @chunk 3              deliver replies from here on in reads of <= 3 bytes (0: whole)
//   @eol crlf|lf|crcrlf   line end added to reply lines from here on (default crlf)
//   @break                the replies before and after arrive in separate reads
//   @timeout              the next read returns nothing (its deadline passed)
//   @disconnect           the next read throws Error{Failure::unreachable}
//
// Escapes anywhere: \r \n \t \b \xHH \c, and `\` before any other character
// stands for that character (`\#`, `\>`, `\@`, `\\`). Consecutive reply
// lines form one reply, given out by read() once what precedes it was sent;
// a read while the transcript waits for us to send returns nothing, as a
// silent device would. Any unexpected send fails the test (and throws, to
// stop the dialogue).
class ScriptedStream : public Stream {
 public:
  // Parses `transcript`; `chunk` is the initial @chunk size (0: whole replies).
  explicit ScriptedStream(std::string_view transcript, std::size_t chunk = 0);
  // Returns the stream of fixtures/transcripts/<name>.
  static ScriptedStream from_fixture(std::string_view name, std::size_t chunk = 0);

  void write(std::string_view bytes) override;
  std::string read(std::chrono::steady_clock::time_point deadline) override;

  // Everything written so far.
  const std::string& sent() const { return sent_; }
  // True once every line of the transcript has been used.
  bool finished() const { return events_.empty(); }
  // The next unused line of the transcript, for failure messages ("" when finished).
  std::string remaining() const;
  // The deadline of each read, in order.
  const std::vector<std::chrono::steady_clock::time_point>& deadlines() const { return deadlines_; }

 private:
  enum class Kind { send, reply, timeout, disconnect };
  struct Event {
    Kind kind;
    std::string bytes;
    std::size_t chunk = 0;
  };
  void parse_line(std::string_view line);
  void add_reply(std::string bytes, bool own_read);

  std::deque<Event> events_;
  std::string sent_;
  std::vector<std::chrono::steady_clock::time_point> deadlines_;
  std::size_t chunk_ = 0;
  std::string eol_ = "\r\n";
  bool break_next_ = false;
};

// Returns `bytes` with control characters written as escapes, for messages.
std::string printable(std::string_view bytes);

}  // namespace iosctl::test
