#pragma once

#include "iosctl/cli/change_report.h"
#include "iosctl/cli/cli.h"
#include "iosctl/cli/device_commands.h"
#include "iosctl/cli/ios_session.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

// `iosctl commit CANDIDATE`: replaces the running config with a candidate (or
// merges it), after a checkpoint, rolling back on error unless told not to;
// optionally as a confirmed commit guarded by health checks.
namespace iosctl::cli {

struct CommitCommandOptions {
  std::string candidate;                   // local candidate file
  bool merge = false;                      // merge the lines instead of replacing the config
  bool auto_rollback = true;               // --auto-rollback (default) / --no-auto-rollback
  std::string save = "changed";            // always, never or changed
  int confirm_timeout = 0;                 // minutes; 0: not a confirmed commit
  std::vector<std::string> health_checks;  // `CMD=~REGEX`
  bool auto_confirm = false;               // confirm when every health check passes
  bool dry_run = false;                    // load, compare, discard
  bool allow_hostname_change = false;      // the candidate may rename the device
  double replace_timeout = 600;            // seconds to wait for the replace or merge
  WorkflowFlags workflow;
};

// Returns 0 (committed, or nothing to commit; --dry-run: no differences) or
// 2 (--dry-run: differences); throws Error: invalid (3, device untouched),
// reverted (4), uncertain (5), unreachable (6), usage (1). With --json the
// document is printed on stdout before a failure is thrown.
int run_commit(const DeviceFlags& flags, const CommitCommandOptions& options, Env& env);

// Once a signal came (interruption.h), marks the finished run's `report`:
// exit code 130 / 143 and the message finished_anyway() gives; true when it
// did. The caller prints the report, then throws Error{interrupted|terminated}.
bool mark_interrupted(ChangeReport& report, const Env& env, const std::string& target,
                      std::string_view what, std::string_view result);

// Returns `--replace-timeout`'s seconds as a duration; throws Error{usage}
// unless it is above 0.
std::chrono::milliseconds replace_timeout(double seconds);

// Returns the save policy `--save` names; throws Error{usage} for another word.
driver::SavePolicy save_policy(const std::string& save);

}  // namespace iosctl::cli
