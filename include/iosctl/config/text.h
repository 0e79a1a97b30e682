#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

// Small string helpers shared by the pure layers.
namespace iosctl::config {

// Returns `s` without leading spaces.
std::string_view trim_left(std::string_view s);
// Returns `s` without leading spaces and TABs.
std::string_view trim_left_ws(std::string_view s);
// Returns `s` without trailing whitespace (space, TAB, CR).
std::string_view trim_right(std::string_view s);
// Returns `s` without leading and trailing whitespace.
std::string_view trim(std::string_view s);
// Returns the words of `text`, split at runs of spaces, TABs, CRs and LFs;
// each a view into `text`, so its byte range is known.
std::vector<std::string_view> split_words(std::string_view text);
// True when `text` is one or more decimal digits.
bool is_number(std::string_view text);
// Returns the word of `known` nearest to `word` by edit distance when it is
// at most `max_distance` edits away, for "did you mean" hints; else "".
std::string closest_word(std::string_view word, std::span<const std::string_view> known,
                         std::size_t max_distance = 2);
// Returns the lines of `text`, split at LF, each without a trailing CR; a
// final LF does not start another line.
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace iosctl::config
