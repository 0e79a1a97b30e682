#pragma once

#include "iosctl/sim/device_core.h"

#include <string>
#include <string_view>

namespace iosctl::sim {

// How a replace treats its candidate.
struct ReplaceOptions {
  bool list = false;             // print each pass's configlet
  bool ignorecase = false;       // lines that differ only in case are equal
  bool revert_on_error = false;  // stop at the first failing command (`revert trigger error`)
};

// What a replace came to and what IOS prints for it.
struct ReplaceOutcome {
  enum class Status {
    done,     // the running config now equals the candidate
    aborted,  // still different after 5 passes; what could be applied was
    failed,   // revert_on_error: stopped at the first failing command
    dropped,  // fault drop_during_replace: stopped halfway through the first pass
  };
  Status status = Status::done;
  std::string text;  // LF line endings
  int passes = 0;
};

// True when the last non-blank line of `text` is `end`.
bool ends_with_end(std::string_view text);
// True when `configure replace` takes `text` as a config file: it has a
// `version ` line and ends with `end` (IOS_BEHAVIOR.md 7.5).
bool is_config_file(std::string_view text);

// Replaces `device`'s running config with `candidate` (a whole config file)
// for `user`, as `configure replace` does after its checks: each pass diffs
// the two (config/diff.h) and types the difference through the device's
// grammar (replace_apply.h), until nothing differs or 5 passes are done.
// Texts are IOS_BEHAVIOR.md 7.2-7.4's.
ReplaceOutcome replace_running(DeviceCore& device, std::string_view user,
                               std::string_view candidate, const ReplaceOptions& options);

}  // namespace iosctl::sim
