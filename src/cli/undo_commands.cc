#include "iosctl/cli/undo_commands.h"

#include "iosctl/cli/change_report.h"
#include "iosctl/cli/commit_command.h"
#include "iosctl/cli/connection_setup.h"
#include "iosctl/cli/json_output.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"

#include <functional>
#include <optional>

namespace iosctl::cli {
namespace {

// Runs `body` on a fresh IosSession with a ChangeReport for `operation`;
// prints the report as JSON (or `body`'s text) and turns failures into the
// report's outcome before passing them on.
int run_change(const DeviceFlags& flags, const UndoOptions& options, Env& env,
               const std::string& operation,
               const std::function<std::string(driver::IosDriver&, ChangeReport&)>& body) {
  check_workflow_flags(options.workflow);
  const driver::Connection connection = resolve_connection(flags, env);
  ChangeReport report;
  report.host = connection.host;
  report.operation = operation;
  std::optional<IosSession> session;
  try {
    {
      const PhaseTimes::Scope phase(report.times, "connect");
      session.emplace(connection, flags, options.workflow, env);
    }
    std::string text;
    {
      const PhaseTimes::Scope phase(report.times, operation);
      text = body(session->ios(), report);
    }
    report.round_trips = session->device().driver().dialogue().round_trips();
    if (flags.json) {
      print_json(env, report_json(report));
    } else {
      env.out << text << '\n';
    }
    return kExitOk;
  } catch (const Error& e) {
    if (session) take_from_session(report, *session);
    const Error failure = record_failure(
        report, e, e.what(), session ? session->target() : connection.host, session.has_value());
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
  return run_change(flags, options, env, "confirm",
                    [save](driver::IosDriver& ios, ChangeReport& report) {
                      report.outcome = "confirmed";
                      report.saved = ios.confirm_commit(save);
                      return std::string("confirmed; ") + (report.saved ? "saved" : "not saved");
                    });
}

int run_rollback(const DeviceFlags& flags, const UndoOptions& options, Env& env) {
  const driver::CommitOptions commit = rollback_options(options);
  return run_change(flags, options, env, "rollback",
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
  return run_change(flags, options, env, "discard",
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
  IosSession session(connection, flags, options.workflow, env);
  try {
    const std::optional<ios::PendingCommit> pending = session.ios().pending_commit();
    const ios::DevicePath checkpoint = session.ios().device_path(options.workflow.files.rollback);
    const bool has_checkpoint = session.ios().file_exists(checkpoint);
    if (flags.json) {
      nlohmann::json doc = {{"host", connection.host},
                            {"has_pending_commit", pending.has_value()},
                            {"checkpoint", has_checkpoint ? nlohmann::json(checkpoint.str())
                                                          : nlohmann::json(nullptr)}};
      if (pending) {
        doc["pending_commit"] = {{"user", pending->user},
                                 {"seconds_left", pending->seconds_left.value_or(-1)},
                                 {"archive_file", pending->archive_file}};
      }
      print_json(env, doc);
    } else {
      env.out << (pending ? pending_text(*pending) : "no pending confirmed commit") << '\n'
              << (has_checkpoint ? "checkpoint: " + checkpoint : "no checkpoint") << '\n';
    }
    return kExitOk;
  } catch (const Error& e) {
    throw Error(e.failure(), session.target() + ": " + e.what());
  }
}

}  // namespace iosctl::cli
