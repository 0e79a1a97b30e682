#include "iosctl/dialog/output_text.h"

#include <algorithm>

namespace iosctl::dialog {
namespace {

// Length of a run of `c` at `pos` in `text`.
std::size_t run_of(std::string_view text, std::size_t pos, char c) {
  std::size_t end = pos;
  while (end < text.size() && text[end] == c) ++end;
  return end - pos;
}

}  // namespace

std::string visible_line(std::string_view raw) {
  std::string screen;
  std::size_t column = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\x1b' && i + 1 < raw.size() && raw[i + 1] == '[') {
      // NX-OS may colour or clear its prompt with ANSI CSI sequences (netmiko
      // turns on ansi_escape_codes for it): skip to the sequence's final byte.
      i += 2;
      while (i < raw.size() && (raw[i] < 0x40 || raw[i] > 0x7e)) ++i;
    } else if (c == '\r') {
      // Devices redraw a line from column 0 after clearing it; netmiko reads
      // a lone CR as a new line. Either way only what follows is the prompt.
      screen.clear();
      column = 0;
    } else if (c == '\b') {
      if (column > 0) --column;
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) {
      if (column < screen.size()) {
        screen[column] = c;
      } else {
        screen.push_back(c);
      }
      ++column;
    }
  }
  while (!screen.empty() && screen.back() == ' ') screen.pop_back();
  return screen;
}

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t cr = text.find('\r', i);
    if (cr == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, cr - i));
    // A run of `\r` before `\n` is one line end (IOS sends `\r\r\n` after some
    // commands); a `\r` right after `\n` is the second half of `\n\r`.
    const std::size_t run = run_of(text, cr, '\r');
    const bool before_newline = cr + run < text.size() && text[cr + run] == '\n';
    const bool after_newline = cr > 0 && text[cr - 1] == '\n';
    if (!before_newline && !after_newline) out.push_back('\n');
    i = cr + run;
  }
  return out;
}

std::size_t erase_sequence_length(std::string_view text) {
  // IOS erases ` --More-- ` with backspaces, spaces, backspaces (one each per
  // column, see src/sim/device/pager.cc and netmiko issue #160); other
  // platforms return to column 0, blank the line and return again.
  const std::size_t back = run_of(text, 0, '\b');
  if (back > 0) {
    const std::size_t spaces = run_of(text, back, ' ');
    const std::size_t back_again = run_of(text, back + spaces, '\b');
    return spaces > 0 && back_again > 0 ? back + spaces + back_again : back;
  }
  if (!text.empty() && text[0] == '\r') {
    const std::size_t spaces = run_of(text, 1, ' ');
    if (spaces > 0 && 1 + spaces < text.size() && text[1 + spaces] == '\r') return spaces + 2;
  }
  return 0;
}

std::string clean_output(std::string_view raw, const std::vector<std::size_t>& pager_cuts) {
  // Large outputs usually have neither, and need not be copied twice.
  if (pager_cuts.empty() && raw.find('\b') == std::string_view::npos) {
    return normalize_newlines(raw);
  }
  std::string joined;
  joined.reserve(raw.size());
  std::size_t from = 0;
  for (const std::size_t cut : pager_cuts) {
    if (cut < from || cut > raw.size()) continue;
    joined.append(raw.substr(from, cut - from));
    from = cut + erase_sequence_length(raw.substr(cut));
  }
  joined.append(raw.substr(std::min(from, raw.size())));
  // Backspaces left over are cursor moves of the line editor; netmiko drops
  // them too (strip_backspaces), and they never carry text.
  std::erase(joined, '\b');
  return normalize_newlines(joined);
}

std::string quote_for_message(std::string_view line, std::size_t max) {
  const std::string shown = visible_line(line);
  if (shown.size() <= max) return shown;
  return "..." + shown.substr(shown.size() - max);
}

}  // namespace iosctl::dialog
