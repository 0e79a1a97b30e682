#pragma once

#include <string>
#include <string_view>
#include <vector>

// Pure classifier of what `configure replace ... force` prints (IOS_BEHAVIOR 7.2-7.5).
namespace iosctl::ios {

// How a `configure replace` ended.
enum class ReplaceOutcome {
  applied,       // `Rollback Done` with no failure: the candidate is running
  reverted,      // a line failed and the original configuration was restored
  aborted,       // `Rollback aborted after N passes`: partly applied
  invalid_file,  // `%The input file is not a valid config file.`: nothing applied
  archive_off,   // `%Please turn config archive on ...`: nothing applied
  locked,        // another session holds the configuration lock: nothing applied
  missing_file,  // `%Error opening ... (No such file or directory)`: nothing applied
  unrecognised,  // none of the above: the device state is unknown
};

// The outcome and the device's lines that failed to apply.
struct ReplaceResult {
  ReplaceOutcome outcome = ReplaceOutcome::unrecognised;
  std::vector<std::string> failing_lines;  // as IOS printed them, indentation kept
};

// Classifies `output` by its structure: whole status lines outside the
// listings decide (the last one wins, as IOS prints the restore after the
// failure), failing lines come only from `Failed to apply command` lines and
// the listing of failed commands. Text that echoes a candidate line is never
// read as a status. Unlike NAPALM, `Rollback aborted` is never success,
// whether or not the output also contains the word `error`.
ReplaceResult classify_replace(std::string_view output);

// What IOS said, for messages: "IOS said it restored the original config".
std::string_view describe(ReplaceOutcome outcome);

}  // namespace iosctl::ios
