#pragma once

#include <string>
#include <string_view>

// Pure classifier of what `show archive config incremental-diffs FILE ignorecase`
// prints (IOS_BEHAVIOR 6.4): NAPALM's compare for a merge.
namespace iosctl::ios {

// What the device answered and, for a list, the commands a merge would apply.
struct IncrementalDiff {
  enum class Kind {
    lines,        // a list of commands, in `lines` (empty: the merge changes nothing)
    missing_end,  // `error code 5` / `returned error 5`: the file must end with `end`
    unsupported,  // no list (`% Invalid ...` or anything else): show the file instead
  };
  Kind kind = Kind::unsupported;
  std::string lines;  // LF after each line; without the `!List of Commands:` header, the
                      // final `end` and `!No changes were found`; secrets as printed
};

// Classifies `output` (CR LF or LF; the echo of the command already removed).
IncrementalDiff parse_incremental_diff(std::string_view output);

}  // namespace iosctl::ios
