#include "iosctl/cli/workflow_args.h"

#include "iosctl/error.h"

namespace iosctl::cli {
namespace {

// Options every workflow command takes: where iosctl's files live on the
// device and how they get there. Each repeatable option takes one word per
// use (allow_extra_args off): CLI11 would otherwise let a vector option
// swallow the CANDIDATE that follows it.
void add_file_options(CLI::App* cmd, WorkflowArgs& a) {
  const auto one = [cmd](const char* name, std::vector<std::string>& slot, const char* help) {
    return cmd->add_option(name, slot, help)
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  };
  one("--dest-file-system", a.dest_file_system,
      "File system for iosctl's files, letters, digits and '-' ending in ':' (default: the "
      "one dir shows)")
      ->type_name("FS");
  one("--candidate-file", a.candidate_file,
      "Name of the replace candidate on the device: letters, digits, '.', '_', '-' (default "
      "candidate_config.txt)")
      ->type_name("NAME");
  one("--merge-file", a.merge_file,
      "Name of the merge file on the device (default merge_config.txt)")
      ->type_name("NAME");
  one("--rollback-file", a.rollback_file,
      "Name of the checkpoint on the device (default rollback_config.txt)")
      ->type_name("NAME");
  cmd->add_flag("--inline-transfer", a.workflow.inline_transfer,
                "Copy files through tclsh on the CLI session instead of SCP");
  cmd->add_flag("--no-auto-file-prompt", a.no_auto_file_prompt,
                "Never add 'file prompt quiet'; the device must already have it");
}

void add_save_option(CLI::App* cmd, std::string& save) {
  cmd->add_option("--save", save, "write memory afterwards: changed (default), always or never")
      ->check(CLI::IsMember({"always", "never", "changed"}).description(""))
      ->type_name("WHEN");
}

void add_rollback_options(CLI::App* cmd, WorkflowArgs& a, double& replace_timeout) {
  CLI::Option* on = cmd->add_flag("--auto-rollback", a.auto_rollback_flag,
                                  "Restore the original config on any failing line (default)");
  cmd->add_flag("--no-auto-rollback", a.no_auto_rollback,
                "Keep what applied when a line fails (exit 5)")
      ->excludes(on);
  cmd->add_option("--replace-timeout", replace_timeout,
                  "Seconds to wait for the replace or merge to finish (default 600)")
      ->type_name("S");
}

void add_compare(CLI::App& app, WorkflowArgs& a) {
  CLI::App* cmp = app.add_subcommand(
      "compare", "Store CANDIDATE on the device and show how it differs from running");
  cmp->add_option("CANDIDATE", a.compare.candidate,
                  "Candidate configuration (with -i: a path template such as configs/{name}.cfg; "
                  "default: each host's candidate in the inventory)");
  cmp->add_flag("--merge", a.compare.merge, "Show what merging CANDIDATE's lines would add");
  cmp->add_option("--diff-source", a.compare.diff_source,
                  "device (show archive config differences), local (iosctl's diff) or both; "
                  "default: the device's, and both when they disagree")
      ->check(CLI::IsMember({"device", "local", "both"}).description(""))
      ->type_name("SOURCE");
  cmp->add_option("--format", a.compare.format, "contextual (default), unified or json")
      ->check(CLI::IsMember({"contextual", "unified", "json"}).description(""))
      ->type_name("FORMAT");
  add_file_options(cmp, a);
}

void add_commit(CLI::App& app, WorkflowArgs& a) {
  CommitCommandOptions& c = a.commit;
  CLI::App* cmt = app.add_subcommand(
      "commit", "Replace the running config with CANDIDATE (or merge it), after a checkpoint");
  cmt->add_option("CANDIDATE", c.candidate,
                  "Candidate configuration (with -i: a path template such as configs/{name}.cfg; "
                  "default: each host's candidate in the inventory)");
  cmt->add_flag("--merge", c.merge, "Merge CANDIDATE's lines into the running config");
  add_rollback_options(cmt, a, c.replace_timeout);
  add_save_option(cmt, c.save);
  cmt->add_option("--confirm-timeout", c.confirm_timeout,
                  "Confirmed commit: the device reverts unless 'iosctl confirm' follows within "
                  "MIN minutes (1-120)")
      ->type_name("MIN");
  cmt->add_option("--health-check", c.health_checks,
                  "With --confirm-timeout: run CMD on a new connection and require REGEX in its "
                  "output (repeatable); a failure reverts at once (exit 4)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("\"CMD=~REGEX\"");
  cmt->add_flag("--auto-confirm", c.auto_confirm, "Confirm when every health check passes");
  cmt->add_flag("--allow-hostname-change", c.allow_hostname_change,
                "Commit a candidate whose 'hostname' differs from the device's (refused "
                "otherwise: exit 3)");
  cmt->add_flag("--dry-run", c.dry_run,
                "Load and compare, then discard: exit 2 when there are differences");
  add_file_options(cmt, a);
}

void add_undo_commands(CLI::App& app, WorkflowArgs& a) {
  CLI::App* confirm =
      app.add_subcommand("confirm", "Keep your pending confirmed commit (configure confirm)");
  add_save_option(confirm, a.undo.save);
  add_file_options(confirm, a);
  CLI::App* rollback = app.add_subcommand(
      "rollback",
      "Undo the last commit: revert a pending confirmed commit, else replace with "
      "the checkpoint");
  add_save_option(rollback, a.undo.save);
  add_rollback_options(rollback, a, a.undo.replace_timeout);
  add_file_options(rollback, a);
  add_file_options(
      app.add_subcommand(
          "discard",
          "Delete the candidate and merge files, and interrupted runs' journals (after repairing "
          "what they left)"),
      a);
  add_file_options(
      app.add_subcommand("status",
                         "Show a pending confirmed commit, the checkpoint, runs in progress or "
                         "interrupted, quiet mode they left, unsaved changes and iosctl's files"),
      a);
}

// CANDIDATE is optional on the command line because an inventory may name
// each host's; one device needs it.
void need_candidate(const std::string& command, const std::string& candidate) {
  if (!candidate.empty()) return;
  throw Error(
      Failure::usage,
      command + " needs CANDIDATE, the candidate config file (e.g. iosctl " + command + " r1.cfg)");
}

}  // namespace

void take_workflow_values(WorkflowArgs& a) {
  if (!a.dest_file_system.empty()) {
    a.workflow.file_system = ios::FileSystem(a.dest_file_system.back(), "--dest-file-system");
  }
  const std::pair<const char*, std::pair<std::vector<std::string>*, ios::FileName*>> names[] = {
      {"--candidate-file", {&a.candidate_file, &a.workflow.files.candidate}},
      {"--merge-file", {&a.merge_file, &a.workflow.files.merge}},
      {"--rollback-file", {&a.rollback_file, &a.workflow.files.rollback}}};
  for (const auto& [flag, slots] : names) {
    if (!slots.first->empty()) *slots.second = ios::FileName(slots.first->back(), flag);
  }
}

void add_workflow_commands(CLI::App& app, WorkflowArgs& args) {
  add_compare(app, args);
  add_commit(app, args);
  add_undo_commands(app, args);
}

std::optional<int> run_workflow_command(const CLI::App& app, WorkflowArgs& a,
                                        const DeviceFlags& flags, bool json, Env& env) {
  WorkflowFlags workflow = a.workflow;
  workflow.auto_file_prompt = !a.no_auto_file_prompt;
  a.undo.workflow = workflow;
  a.undo.auto_rollback = !a.no_auto_rollback;
  if (app.got_subcommand("compare")) {
    need_candidate("compare", a.compare.candidate);
    if (json) a.compare.format = "json";
    a.compare.workflow = workflow;
    return run_compare(flags, a.compare, env);
  }
  if (app.got_subcommand("commit")) {
    need_candidate("commit", a.commit.candidate);
    a.commit.auto_rollback = !a.no_auto_rollback;
    a.commit.workflow = workflow;
    return run_commit(flags, a.commit, env);
  }
  if (app.got_subcommand("confirm")) return run_confirm(flags, a.undo, env);
  if (app.got_subcommand("rollback")) return run_rollback(flags, a.undo, env);
  if (app.got_subcommand("discard")) return run_discard(flags, a.undo, env);
  if (app.got_subcommand("status")) return run_status(flags, a.undo, env);
  return std::nullopt;
}

}  // namespace iosctl::cli
