#include "iosctl/cli/undo_commands.h"

#include "iosctl/cli/change_report.h"
#include "iosctl/cli/commit_command.h"
#include "iosctl/cli/connection_setup.h"
#include "iosctl/cli/interruption.h"
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
    reported = mark_interrupted(report, env, session->target(), "the " + operation, text);
    if (flags.json) {
      env.out << report_json(report).dump(2) << '\n';
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
    if (flags.json) env.out << report_json(report).dump(2) << '\n';
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
      env.out << doc.dump(2) << '\n';
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
