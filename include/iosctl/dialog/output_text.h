#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::dialog {

// Returns `raw` (one line without its `\n`) as a terminal would show it:
// `\r` starts the line afresh, `\b` moves back one column, later characters
// overwrite earlier ones; ANSI CSI sequences and other control bytes are
// dropped and trailing spaces removed. Used on prompt lines only (short).
std::string visible_line(std::string_view raw);

// Returns `text` with `\r\n`, `\r\r\n` and `\n\r` turned into `\n`, and any
// other `\r` into `\n` (as netmiko's normalize_linefeeds does).
std::string normalize_newlines(std::string_view text);

// Returns the length of the pager erase sequence at the start of `text`
// (`\b` x N, N spaces, `\b` x N; or `\r`, spaces, `\r`), 0 if there is none.
std::size_t erase_sequence_length(std::string_view text);

// Returns a command's output ready for the caller: the pager erase sequence
// removed at each offset in `pager_cuts` (where a pager line was cut out),
// line ends normalised and any remaining `\b` dropped.
std::string clean_output(std::string_view raw, const std::vector<std::size_t>& pager_cuts);

// Returns `line` for quoting in a one-line message: its visible form, cut
// to its last `max` characters (after "...") if longer.
std::string quote_for_message(std::string_view line, std::size_t max = 80);

}  // namespace iosctl::dialog
