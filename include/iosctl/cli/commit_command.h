#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/device_commands.h"

#include <optional>
#include <string>

// `iosctl commit CANDIDATE`: replaces the running config with a candidate,
// after a checkpoint, rolling back on error unless told not to.
namespace iosctl::cli {

struct CommitCommandOptions {
  std::string candidate;                   // local candidate file
  bool auto_rollback = true;               // --auto-rollback (default) / --no-auto-rollback
  std::string save = "changed";            // always, never or changed
  std::optional<std::string> file_system;  // --dest-file-system; nullopt: discovered
};

// Returns 0 (committed, or nothing to commit); throws Error: invalid (3,
// device untouched), reverted (4), uncertain (5), unreachable (6), usage (1).
// With --json the document is printed on stdout before a failure is thrown.
int run_commit(const DeviceFlags& flags, const CommitCommandOptions& options, Env& env);

}  // namespace iosctl::cli
