#include "iosctl/ios/incremental_diff.h"

#include "iosctl/config/text.h"

#include <vector>

namespace iosctl::ios {
namespace {

using Lines = std::vector<std::string_view>;

constexpr std::string_view kHeader = "!List of Commands:";

bool has(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

// The list as the device printed it, minus what only frames it. IOS ends the
// list with `end` and, when nothing differs, adds `!No changes were found`
// (IOS_BEHAVIOR 6.4). A re-ordered ACL prints its `!The following
// order-dependent line(s) were re-ordered` block beside that marker too (the
// reason NAPALM keeps going past it), so only the marker line itself is dropped.
std::string list_body(const Lines& lines, std::size_t first) {
  Lines kept;
  for (std::size_t i = first; i < lines.size(); ++i) {
    const std::string_view line = config::trim_right(lines[i]);
    if (line.empty() || config::trim(line) == "!No changes were found") continue;
    kept.push_back(line);
  }
  if (!kept.empty() && config::trim(kept.back()) == "end") kept.pop_back();
  std::string body;
  for (std::string_view line : kept) {
    body.append(line);
    body.push_back('\n');
  }
  return body;
}

// After the header, a merge file without its final `end` makes the device
// print `Error: received error code 5 ...` and `!Error: cfgdiff returned error
// 5` (napalm-ios #195; NAPALM matches either substring). Any other `Error:`
// line means there is no list to trust, so the caller falls back to the file.
IncrementalDiff classify_list(const Lines& lines, std::size_t header) {
  for (std::size_t i = header + 1; i < lines.size(); ++i) {
    const std::string_view line = config::trim(lines[i]);
    if (!line.starts_with("Error:") && !line.starts_with("!Error:")) continue;
    if (has(line, "error code 5") || has(line, "returned error 5")) {
      return {IncrementalDiff::Kind::missing_end, ""};
    }
    return {IncrementalDiff::Kind::unsupported, ""};
  }
  return {IncrementalDiff::Kind::lines, list_body(lines, header + 1)};
}

}  // namespace

// Without the header there is no list: an image without incremental-diffs
// (or without `ignorecase`) answers `% Invalid input ...` under a caret line,
// which NAPALM answers with `more FILE`. NAPALM would read any other answer
// (`%Error opening ...`, an empty reply) as the list of changes; we take the
// same fallback as for `% Invalid`, so the user sees the file rather than a
// device message presented as a diff.
IncrementalDiff parse_incremental_diff(std::string_view output) {
  const Lines lines = config::split_lines(output);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (config::trim(lines[i]) == kHeader) return classify_list(lines, i);
  }
  return {IncrementalDiff::Kind::unsupported, ""};
}

}  // namespace iosctl::ios
