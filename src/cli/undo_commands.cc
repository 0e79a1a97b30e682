#include "iosctl/cli/undo_commands.h"

#include "iosctl/cli/change_report.h"
#include "iosctl/cli/commit_command.h"
#include "iosctl/cli/connection_setup.h"
#include "iosctl/cli/interruption.h"
#include "iosctl/cli/json_output.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"

#include <functional>
#include <optional>

namespace iosctl::cli {
namespace {

// Runs `body` on a fresh IosSession with a ChangeReport for `operation`;
// prints the report as JSON (or `body`'s text) and turns failures into the
// report's outcome before passing them on. A signal stops the run before
// `body` (with `unchanged` saying the state) or marks its finished report.
int run_change(const DeviceFlags& flags, const UndoOptions& options, Env& env,
               const std::string& operation, Phase phase, std::string_view unchanged,
               const std::function<std::string(driver::IosDriver&, ChangeReport&)>& body) {
  check_workflow_flags(options.workflow);
  const driver::Connection connection = resolve_connection(flags, env);
  name_host(env, connection.host);
  ChangeReport report;
  report.host = connection.host;
  report.operation = operation;
  std::optional<IosSession> session;
  bool reported = false;  // interrupted after the work: the report is already printed
  try {
    stop_if_interrupted(env, "", unchanged);
    {
      enter_phase(env, Phase::connecting);
      const PhaseTimes::Scope times(report.times, "connect");
      session.emplace(connection, flags, options.workflow, env);
    }
    name_host(env, session->target());
    stop_if_interrupted(env, "", unchanged);
    std::string text;
    {
      enter_phase(env, phase);
      const PhaseTimes::Scope times(report.times, operation);
      text = body(session->ios(), report);
    }
    report.round_trips = session->device().driver().dialogue().round_trips();
    report.repairs = session->ios().repairs();
    reported = mark_interrupted(report, env, session->target(), "the " + operation, text);
    if (flags.json) {
      print_json(env, report_json(report));
    } else {
      env.out << text << '\n';
    }
    if (reported) throw Error(*interruption(env), report.message);
    return kExitOk;
  } catch (const Error& e) {
    if (reported) throw;
    if (session) take_from_session(report, *session);
    const Error failure =
        record_failure(report, e, e.what(), session ? session->target() : connection.host,
                       session.has_value() || is_stop(e.failure()));
    if (flags.json) print_json(env, report_json(report));
    throw failure;
  }
}

driver::CommitOptions rollback_options(const UndoOptions& options) {
  driver::CommitOptions commit;
  commit.auto_rollback = options.auto_rollback;
  commit.save = save_policy(options.save);
  commit.replace_timeout = replace_timeout(options.replace_timeout);
  return commit;
}

std::string pending_text(const ios::PendingCommit& p);

nlohmann::json status_json(const std::string& host, const driver::DeviceStatus& s,
                           const std::vector<driver::IosDriver::RunOnDevice>& runs) {
  nlohmann::json doc = {
      {"host", host},
      {"has_pending_commit", s.pending.has_value()},
      {"checkpoint", s.checkpoint ? nlohmann::json(*s.checkpoint) : nlohmann::json(nullptr)},
      {"file_prompt", s.file_prompt.empty() ? "alert" : s.file_prompt},
      {"quiet_left_by",
       s.quiet_left_by ? nlohmann::json(*s.quiet_left_by) : nlohmann::json(nullptr)},
      {"unsaved", s.unsaved},
      {"files", s.leftover_files},
      {"runs", nlohmann::json::array()}};
  if (s.pending) {
    doc["pending_commit"] = {{"user", s.pending->user},
                             {"seconds_left", s.pending->seconds_left.value_or(-1)},
                             {"archive_file", s.pending->archive_file}};
  }
  for (const driver::IosDriver::RunOnDevice& run : runs) {
    nlohmann::json r = {{"journal", run.path.str()},
                        {"state", !run.journal ? "unreadable"
                                  : run.stale  ? "interrupted"
                                               : "in_progress"}};
    if (run.journal) {
      r["operation"] = run.journal->operation;
      r["phase"] = run.journal->phase;
      r["user"] = run.journal->user;
      r["machine"] = run.journal->machine;
      r["pid"] = run.journal->pid;
      r["started"] = run.journal->started;
    }
    doc["runs"].push_back(std::move(r));
  }
  return doc;
}

std::string run_text(const driver::IosDriver::RunOnDevice& run) {
  if (!run.journal) {
    return "unreadable run journal " + run.path + ": 'iosctl discard' removes it\n";
  }
  if (!run.stale) return "run in progress: " + driver::describe_run(*run.journal) + "\n";
  return "interrupted run: " + driver::describe_run(*run.journal) +
         (run.journal->phase == "change" ? ", stopped while changing the running config"
                                         : ", stopped before changing the running config") +
         "; the next commit, rollback or discard repairs what it left\n";
}

std::string status_text(const driver::DeviceStatus& s,
                        const std::vector<driver::IosDriver::RunOnDevice>& runs) {
  std::string text = (s.pending ? pending_text(*s.pending) : "no pending confirmed commit") + "\n";
  text += (s.checkpoint ? "checkpoint: " + *s.checkpoint : std::string("no checkpoint")) + "\n";
  for (const driver::IosDriver::RunOnDevice& run : runs) text += run_text(run);
  if (s.quiet_left_by) {
    text += "'file prompt quiet' left by the interrupted " + *s.quiet_left_by +
            ": the next commit, rollback or discard restores the device's own mode\n";
  }
  text += s.unsaved ? "unsaved changes: the running config differs from startup-config "
                      "(save with 'write memory', or commit again with --save changed)\n"
                    : "running config saved: startup-config matches it\n";
  for (const std::string& file : s.leftover_files) text += "iosctl file on flash: " + file + "\n";
  return text;
}

std::string pending_text(const ios::PendingCommit& p) {
  std::string text = "pending confirmed commit: by " + p.user;
  if (p.seconds_left) {
    text += ", " + std::to_string(*p.seconds_left / 60) + " min " +
            std::to_string(*p.seconds_left % 60) + " sec left";
  }
  if (!p.archive_file.empty()) text += "; reverts to " + p.archive_file;
  return text;
}

}  // namespace

int run_confirm(const DeviceFlags& flags, const UndoOptions& options, Env& env) {
  const driver::SavePolicy save = save_policy(options.save);
  return run_change(flags, options, env, "confirm", Phase::confirming,
                    "nothing was confirmed: run 'iosctl confirm' again before the device's "
                    "revert timer ends",
                    [save](driver::IosDriver& ios, ChangeReport& report) {
                      report.outcome = "confirmed";
                      report.saved = ios.confirm_commit(save);
                      return std::string("confirmed; ") + (report.saved ? "saved" : "not saved");
                    });
}

int run_rollback(const DeviceFlags& flags, const UndoOptions& options, Env& env) {
  const driver::CommitOptions commit = rollback_options(options);
  return run_change(flags, options, env, "rollback", Phase::rolling_back, "the device is unchanged",
                    [&commit](driver::IosDriver& ios, ChangeReport& report) {
                      const driver::RollbackResult r = ios.rollback(commit);
                      report.outcome = "rolled_back";
                      report.saved = r.saved;
                      const std::string how = r.kind == driver::RollbackKind::revert_timer
                                                  ? "reverted the pending commit to "
                                                  : "rolled back to the checkpoint ";
                      return how + r.source + "; " + (r.saved ? "saved" : "not saved");
                    });
}

int run_discard(const DeviceFlags& flags, const UndoOptions& options, Env& env) {
  return run_change(flags, options, env, "discard", Phase::discarding, "the device is unchanged",
                    [](driver::IosDriver& ios, ChangeReport& report) {
                      const std::vector<std::string> removed = ios.discard_config();
                      report.outcome = removed.empty() ? "nothing_to_discard" : "discarded";
                      std::string text;
                      for (const std::string& path : removed) {
                        text += (text.empty() ? "deleted " : ", ") + path;
                      }
                      return text.empty() ? std::string("nothing to discard") : text;
                    });
}

int run_status(const DeviceFlags& flags, const UndoOptions& options, Env& env) {
  check_workflow_flags(options.workflow);
  const driver::Connection connection = resolve_connection(flags, env);
  name_host(env, connection.host);
  stop_if_interrupted(env, connection.host);
  enter_phase(env, Phase::connecting);
  IosSession session(connection, flags, options.workflow, env);
  name_host(env, session.target());
  enter_phase(env, Phase::reading);
  try {
    // The reads after this one finish; run_cli then says the run was stopped.
    stop_if_interrupted(env, "");
    const std::vector<driver::IosDriver::RunOnDevice> runs = session.ios().other_runs();
    const driver::DeviceStatus status = session.ios().status(runs);
    if (flags.json) {
      print_json(env, status_json(connection.host, status, runs));
    } else {
      env.out << status_text(status, runs);
    }
    return kExitOk;
  } catch (const Error& e) {
    throw Error(e.failure(), session.target() + ": " + e.what());
  }
}

}  // namespace iosctl::cli
