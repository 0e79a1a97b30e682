#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iosctl::sim {

enum class FilterKind { include, exclude, begin, section, count };

// One `| include REGEX` style filter on a command's output.
struct OutputFilter {
  FilterKind kind = FilterKind::include;
  std::string pattern;  // the regular expression, as typed (spaces kept)
};

// Where a typed line's pipe filter failed to parse.
struct FilterError {
  bool incomplete = false;  // `show run |` or `show run | include`
  std::size_t column = 0;   // otherwise the invalid-input column within `text`
};

// Parses the filter after a `|` (`text` starts right after it). `offset` is
// added to error columns. Returns the filter, or the error.
std::optional<OutputFilter> parse_filter(std::string_view text, std::size_t offset,
                                         FilterError& error);

// Returns the lines of `output` (LF-separated) that `filter` keeps. A
// pattern that is not a valid regular expression matches nothing.
std::string apply_filter(std::string_view output, const OutputFilter& filter);

}  // namespace iosctl::sim
