#include "iosctl/dialog/echo.h"

#include <algorithm>

namespace iosctl::dialog {
namespace {

constexpr std::size_t kNeedMore = static_cast<std::size_t>(-1);
constexpr std::size_t kMismatch = static_cast<std::size_t>(-2);

// Matches `command` in `raw` from `pos`, skipping the bytes a terminal adds
// when it wraps a long line. Returns the offset after the last matched byte,
// kNeedMore if `raw` ends first, or kMismatch.
std::size_t walk(std::string_view raw, std::size_t pos, std::string_view command) {
  std::size_t i = pos;
  std::size_t j = 0;
  while (j < command.size()) {
    if (i >= raw.size()) return kNeedMore;
    const char c = raw[i];
    if (c == command[j]) {
      ++i;
      ++j;
    } else if (j > 0 && (c == '\r' || c == '\n' || c == '\b')) {
      ++i;  // IOS and Linux-style terminals break a wrapped echo with these
    } else if (j > 0 && c == ' ' && (i + 1 >= raw.size() || raw[i + 1] == '\r')) {
      if (i + 1 >= raw.size()) return kNeedMore;
      i += 2;  // a terminal's automatic margin wrap writes " \r"
    } else {
      return kMismatch;
    }
  }
  return i;
}

// After a matched echo only blanks may precede the line end (Junos echoes a
// trailing space). Returns the offset past `\n`, kNeedMore, or kMismatch.
std::size_t end_of_echo_line(std::string_view raw, std::size_t pos) {
  for (std::size_t i = pos; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\n') return i + 1;
    if (c != ' ' && c != '\r' && c != '\b') return kMismatch;
  }
  return kNeedMore;
}

}  // namespace

std::optional<std::size_t> find_echo_end(std::string_view raw, std::string_view command) {
  const std::size_t window = kEchoWindow + command.size();
  const std::size_t limit = std::min(raw.size(), window);
  for (std::size_t pos = 0; pos < limit; ++pos) {
    if (!command.empty() && raw[pos] != command.front()) continue;
    std::size_t end = walk(raw, pos, command);
    if (end == kNeedMore) return std::nullopt;
    if (end == kMismatch) continue;
    end = end_of_echo_line(raw, end);
    if (end == kNeedMore) return std::nullopt;
    if (end != kMismatch) return end;
    if (command.empty()) break;
  }
  // IOS scrolls a command longer than the terminal width sideways: the echo
  // is redrawn with `$` and runs of `\b`, so its text never appears whole
  // (netmiko issue #160). netmiko then drops the first line; we drop the
  // first line that holds a backspace.
  const std::string_view head = raw.substr(0, limit);
  const std::size_t backspace = head.find('\b');
  if (backspace != std::string_view::npos) {
    const std::size_t newline = raw.find('\n', backspace);
    if (newline == std::string_view::npos) return std::nullopt;
    return newline + 1;
  }
  if (raw.size() >= window) return 0;
  return std::nullopt;
}

}  // namespace iosctl::dialog
