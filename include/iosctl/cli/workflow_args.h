#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/commit_command.h"
#include "iosctl/cli/compare_command.h"
#include "iosctl/cli/device_commands.h"
#include "iosctl/cli/undo_commands.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

// The command line of the config workflow: compare, commit, confirm,
// rollback, discard, status.
namespace iosctl::cli {

struct WorkflowArgs {
  CompareOptions compare;
  CommitCommandOptions commit;
  UndoOptions undo;
  WorkflowFlags workflow;  // shared by all six; copied into each on dispatch
  std::string dest_file_system;
  bool no_auto_file_prompt = false;
  bool no_auto_rollback = false;
  bool auto_rollback_flag = false;  // the default, accepted for clarity
};

// Adds the six subcommands and their options to `app`.
void add_workflow_commands(CLI::App& app, WorkflowArgs& args);

// Runs the workflow subcommand `app` parsed, if any; nullopt when another
// subcommand was chosen. `json` is the global --json.
std::optional<int> run_workflow_command(const CLI::App& app, WorkflowArgs& args,
                                        const DeviceFlags& flags, bool json, Env& env);

}  // namespace iosctl::cli
