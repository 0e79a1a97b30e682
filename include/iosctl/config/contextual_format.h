#pragma once

#include "iosctl/config/diff.h"
#include "iosctl/config/display.h"

#include <string>

namespace iosctl::config {

// Returns `diff` shaped like IOS's `show archive config differences`:
// `!Contextual Config Diffs:`, additions then removals, each changed line
// under its unsigned parents, one space of indentation per level with the
// sign after it; `!No changes were found` when there is no difference.
std::string format_contextual(const ConfigDiff& diff, const DisplayOptions& options);

}  // namespace iosctl::config
