#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iosctl::sim {

// What IOS prints when a screenful is full (leading and trailing space).
inline constexpr std::string_view kMore = " --More-- ";

// Splits long command output into terminal pages with ` --More-- ` between
// them, as IOS does until `terminal length 0`.
class Pager {
 public:
  // Starts on `text` (LF lines) for a terminal of `length` lines (0: no
  // paging). Returns what to show now in CRLF form, ending in kMore when
  // more remains.
  std::string start(std::string text, unsigned length);
  // True while kMore waits for a key.
  bool waiting() const { return pos_ < text_.size(); }
  // Answers kMore: space shows the next page, CR or LF one more line, any
  // other key ends the output. Returns what to show (kMore erased first).
  std::string key(char c);

 private:
  std::string take(std::size_t lines);

  std::string text_;
  std::size_t pos_ = 0;
  std::size_t page_ = 0;
};

}  // namespace iosctl::sim
