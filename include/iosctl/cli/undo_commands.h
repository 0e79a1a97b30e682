#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/device_commands.h"
#include "iosctl/cli/ios_session.h"

#include <string>

// The commands after a commit: `confirm`, `rollback`, `discard`, `status`.
namespace iosctl::cli {

struct UndoOptions {
  std::string save = "changed";  // confirm, rollback: always, never or changed
  bool auto_rollback = true;     // rollback by checkpoint: `revert trigger error`
  double replace_timeout = 600;  // seconds for the rollback's replace
  WorkflowFlags workflow;
};

// `confirm`: keeps this user's pending confirmed commit, then saves. 0, or
// throws Error{invalid} (3) when nothing of this user's is pending.
int run_confirm(const DeviceFlags& flags, const UndoOptions& options, Env& env);
// `rollback`: reverts a pending confirmed commit, else replaces with the
// checkpoint. 0, or throws as commit does (3, 4, 5, 6).
int run_rollback(const DeviceFlags& flags, const UndoOptions& options, Env& env);
// `discard`: deletes the candidate and merge files from the device. 0.
int run_discard(const DeviceFlags& flags, const UndoOptions& options, Env& env);
// `status`: the pending confirmed commit (NAPALM's has_pending_commit) and
// iosctl's files on the device. 0.
int run_status(const DeviceFlags& flags, const UndoOptions& options, Env& env);

}  // namespace iosctl::cli
