#pragma once

#include <string>
#include <string_view>
#include <vector>

// Pure classifier of what `copy FS:/merge_config.txt running-config` prints:
// the merge step of a `commit --merge` (IOS_BEHAVIOR 4.3 and 8).
namespace iosctl::ios {

// How a merge ended. A merge never reverts: lines before and after a failing
// one stay applied.
enum class MergeOutcome {
  applied,       // `N bytes copied in ...` and no error: every line was taken
  failed,        // at least one line was rejected; `failing_lines` lists them
  no_such_file,  // `%Error opening FILE (...)`: nothing was applied
  unrecognised,  // neither a byte count nor an error: the device state is unknown
};

// One rejected line and what the device said about it.
struct MergeFailure {
  std::string line;     // the command as the device echoed it (secrets included:
                        // redact before showing it); empty if it was not echoed
  std::string message;  // e.g. `% Invalid input detected at '^' marker.`
};

// The outcome and the rejected lines in the device's order, caret lines dropped.
struct MergeResult {
  MergeOutcome outcome = MergeOutcome::unrecognised;
  std::vector<MergeFailure> failing_lines;
  std::string message;  // no_such_file: the `%Error opening` line; unrecognised: the
                        // first non-blank line; else empty
};

// Classifies `output` (CR LF or LF; the echo of the command already removed).
MergeResult classify_merge(std::string_view output);

}  // namespace iosctl::ios
