#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/commit_command.h"
#include "iosctl/cli/compare_command.h"
#include "iosctl/cli/device_commands.h"
#include "iosctl/cli/undo_commands.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

// The command line of the config workflow: compare, commit, confirm,
// rollback, discard, status.
namespace iosctl::cli {

struct WorkflowArgs {
  CompareOptions compare;
  CommitCommandOptions commit;
  UndoOptions undo;
  WorkflowFlags workflow;  // shared by all six; copied into each on dispatch
  // The file options as typed (at most one value each; empty: not given),
  // turned into `workflow`'s typed values by take_workflow_values.
  std::vector<std::string> dest_file_system, candidate_file, merge_file, rollback_file;
  bool no_auto_file_prompt = false;
  bool no_auto_rollback = false;
  bool auto_rollback_flag = false;  // the default, accepted for clarity
};

// Adds the six subcommands and their options to `app`.
void add_workflow_commands(CLI::App& app, WorkflowArgs& args);

// Validates the file options given on the command line into `args.workflow`
// (they win over an inventory's). Throws Error{usage} naming the option and
// the rule (ios/device_args.h) for a value that could not reach the device safely.
void take_workflow_values(WorkflowArgs& args);

// Runs the workflow subcommand `app` parsed, if any; nullopt when another
// subcommand was chosen. `json` is the global --json.
std::optional<int> run_workflow_command(const CLI::App& app, WorkflowArgs& args,
                                        const DeviceFlags& flags, bool json, Env& env);

}  // namespace iosctl::cli
