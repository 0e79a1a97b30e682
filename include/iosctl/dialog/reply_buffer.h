#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace iosctl::dialog {

// The bytes a device sent in answer to one command, with the start of its
// last two lines kept up to date as chunks arrive, so that prompt matching
// looks at the tail only: each byte is scanned once for line ends, and the
// tail checks look at no more than kTailLimit bytes per chunk. It counts
// the bytes it examined, so tests can prove a large output is read in
// linear time.
class ReplyBuffer {
 public:
  // At most this many bytes of a line are looked at as a prompt candidate.
  static constexpr std::size_t kTailLimit = 512;

  // Appends `chunk` and moves the line starts past any `\n` in it.
  void append(std::string_view chunk);
  // Drops the last (unfinished) line, e.g. a pager prompt that was answered.
  void drop_last_line();
  // Records that a caller scanned `bytes` more bytes of this buffer.
  void count_examined(std::size_t bytes) { examined_ += bytes; }

  // Everything received so far.
  const std::string& text() const { return text_; }
  // Offset of the last line (after the last `\n`; text().size() if it ends in one).
  std::size_t line_start() const { return line_start_; }
  // Offset of the line before it (0 if there is none).
  std::size_t previous_line_start() const { return previous_start_; }
  // The last line's final kTailLimit bytes at most.
  std::string_view last_line() const;
  // The previous line without its line end, its final kTailLimit bytes at most.
  std::string_view previous_line() const;
  // Total bytes scanned by append() and reported through count_examined().
  std::uint64_t bytes_examined() const { return examined_; }
  // Moves the text out; the buffer is empty afterwards.
  std::string release();

 private:
  std::string text_;
  std::size_t line_start_ = 0;
  std::size_t previous_start_ = 0;
  std::uint64_t examined_ = 0;
};

}  // namespace iosctl::dialog
