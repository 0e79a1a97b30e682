#include "iosctl/cli/commit_command.h"

#include "iosctl/cli/change_report.h"
#include "iosctl/cli/config_file.h"
#include "iosctl/cli/connection_setup.h"
#include "iosctl/cli/interruption.h"
#include "iosctl/cli/ios_session.h"
#include "iosctl/cli/json_output.h"
#include "iosctl/driver/health_check.h"
#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"

#include <optional>
#include <vector>

namespace iosctl::cli {
namespace {

config::CandidateKind kind_of(const CommitCommandOptions& o) {
  return o.merge ? config::CandidateKind::merge : config::CandidateKind::replace;
}

void check_options(const CommitCommandOptions& o) {
  check_workflow_flags(o.workflow);
  if (o.confirm_timeout < 0 || o.confirm_timeout > 120) {
    throw Error(Failure::usage, "--confirm-timeout " + std::to_string(o.confirm_timeout) +
                                    ": IOS accepts 1 to 120 minutes");
  }
  if (!o.health_checks.empty() && o.confirm_timeout == 0) {
    throw Error(Failure::usage,
                "--health-check needs --confirm-timeout MIN, so that a failing check can be "
                "undone by the device's revert timer");
  }
  if (o.auto_confirm && o.health_checks.empty()) {
    throw Error(Failure::usage, "--auto-confirm needs at least one --health-check to decide on");
  }
}

std::vector<driver::HealthCheck> parsed_checks(const CommitCommandOptions& o) {
  std::vector<driver::HealthCheck> checks;
  for (const std::string& spec : o.health_checks)
    checks.push_back(driver::parse_health_check(spec));
  return checks;
}

std::string summary(const driver::CommitResult& result, const CommitCommandOptions& o) {
  if (!result.changed) return result.saved ? "no changes; saved" : "no changes";
  const config::ConfigDiff& d = result.comparison.local;
  const std::string lines = d.added.size() == 1 ? " line added, " : " lines added, ";
  std::string text = (o.merge ? "merged: " : "committed: ") + std::to_string(d.added.size()) +
                     lines + std::to_string(d.removed.size()) + " removed; ";
  if (result.pending_confirm) {
    return text + "pending confirmation: 'iosctl confirm' within " +
           std::to_string(o.confirm_timeout) + " min keeps it, else the device reverts";
  }
  return text + (result.saved ? "saved" : "not saved");
}

// Commit, step 11: the checks run on a new SSH connection, so a change that
// cuts off management fails them instead of passing on the old session.
bool health_checks_pass(const driver::Connection& connection, const DeviceFlags& flags,
                        const std::vector<driver::HealthCheck>& checks, ChangeReport& report,
                        Env& env) {
  const PhaseTimes::Scope phase(report.times, "health_check");
  try {
    DeviceSession fresh(connection, flags.verbose, env);
    report.health_checks = driver::run_health_checks(fresh.driver(), checks);
    report.round_trips += fresh.driver().dialogue().round_trips();
  } catch (const Error& e) {
    report.health_checks = {{checks.front(), false, std::string("no new connection: ") + e.what()}};
  }
  for (const driver::HealthCheckResult& r : report.health_checks) {
    if (!r.passed) return false;
  }
  return true;
}

// A failed health check, or a signal before the commit was confirmed: revert
// now on the commit's session rather than leave the device on a config
// nobody vouched for until its timer runs out. Throws Error{`failure`}.
[[noreturn]] void revert_now(IosSession& session, const driver::CommitOptions& commit,
                             Failure failure, const std::string& why, Env& env) {
  enter_phase(env, Phase::reverting);
  driver::CommitOptions back = commit;
  back.save = driver::SavePolicy::never;
  try {
    session.ios().rollback(back);
  } catch (const Error& e) {
    throw Error(failure, why + "; reverting at once failed (" + e.what() +
                             "), so the device's revert timer "
                             "restores its original config within " +
                             std::to_string(commit.confirm_minutes) +
                             " min: check it then with 'iosctl status'");
  }
  const std::string fix = failure == Failure::reverted ? ": fix the candidate and run again" : "";
  throw Error(failure, why + "; the device was reverted to its original config" + fix);
}

std::string failed_check(const ChangeReport& report) {
  const driver::HealthCheckResult* failed = &report.health_checks.front();
  for (const driver::HealthCheckResult& r : report.health_checks) {
    if (!r.passed) {
      failed = &r;
      break;
    }
  }
  return "health check '" + failed->check.spec + "' failed (" + failed->reason + ")";
}

// A confirmed commit guarded by health checks: the checks, then the revert
// (a check failed, or a signal came before the commit was confirmed) or the
// confirm. Returns the summary's tail.
std::string guard_with_checks(IosSession& session, const driver::Connection& connection,
                              const DeviceFlags& flags, const CommitCommandOptions& options,
                              const std::vector<driver::HealthCheck>& checks,
                              const driver::CommitOptions& commit,
                              const driver::CommitResult& result, ChangeReport& report, Env& env) {
  enter_phase(env, Phase::health_checks);
  if (const std::optional<Failure> stop = interruption(env)) {
    revert_now(session, commit, *stop,
               stop_word(env.interrupts->signal()) + " before the health checks", env);
  }
  const bool passed = health_checks_pass(connection, flags, checks, report, env);
  if (const std::optional<Failure> stop = interruption(env)) {
    revert_now(session, commit, *stop,
               stop_word(env.interrupts->signal()) + " during the health checks", env);
  }
  if (!passed) revert_now(session, commit, Failure::reverted, failed_check(report), env);
  std::string tail = "health checks passed (" + std::to_string(checks.size()) + ")";
  if (!options.auto_confirm) return tail + "; " + summary(result, options);
  enter_phase(env, Phase::confirming);
  const PhaseTimes::Scope phase(report.times, "confirm");
  report.saved = session.ios().confirm_commit(commit.save);
  report.pending_confirm = false;
  return tail + "; confirmed; " + std::string(report.saved ? "saved" : "not saved");
}

// After a lost connection mid-change: which config is the device on now?
std::string reconnect_report(const driver::Connection& connection, const DeviceFlags& flags,
                             const driver::IosDriver& ios, ChangeReport& report, Env& env) {
  const PhaseTimes::Scope phase(report.times, "reconnect");
  try {
    DeviceSession again(connection, flags.verbose, env);
    const std::string running = again.driver().get_config(driver::ConfigSource::running, false);
    switch (driver::config_state(running, ios.last_comparison()->running, ios.loaded()->text,
                                 ios.loaded()->kind)) {
      case driver::ConfigState::original:
        report.state_after = "original";
        return "reconnected: the device is on its original config";
      case driver::ConfigState::candidate:
        report.state_after = "candidate";
        return "reconnected: the device is on the candidate config (not saved)";
      case driver::ConfigState::neither:
        break;
    }
    report.state_after = "partial";
    return "reconnected: the device is partly changed; 'iosctl rollback' restores the checkpoint";
  } catch (const Error& e) {
    report.state_after = "unknown";
    return std::string("reconnecting to check failed: ") + e.what();
  }
}

driver::CommitOptions commit_options(const CommitCommandOptions& o) {
  driver::CommitOptions commit;
  commit.auto_rollback = o.auto_rollback;
  commit.save = save_policy(o.save);
  commit.replace_timeout = replace_timeout(o.replace_timeout);
  commit.confirm_minutes = o.confirm_timeout;
  commit.allow_hostname_change = o.allow_hostname_change;
  return commit;
}

// The dry run: load, compare, discard.
int dry_run(IosSession& session, bool json, ChangeReport& report, Env& env) {
  report.operation = "dry-run";
  {
    const PhaseTimes::Scope phase(report.times, "compare");
    report.comparison = session.ios().compare_config();
  }
  const PhaseTimes::Scope phase(report.times, "discard");
  session.ios().discard_config();
  const bool differs = !report.comparison->device.empty();
  report.outcome = differs ? "differences" : "no_changes";
  report.exit_code = differs ? kExitDifferences : kExitOk;
  if (!json) {
    env.out << diff_text(*report.comparison)
            << (differs ? "dry run: differences found; nothing committed\n" : "no changes\n");
  }
  return report.exit_code;
}

}  // namespace

bool mark_interrupted(ChangeReport& report, const Env& env, const std::string& target,
                      std::string_view what, std::string_view result) {
  const std::optional<Failure> stop = interruption(env);
  if (!stop) return false;
  report.exit_code = exit_code_for(*stop);
  report.message = finished_anyway(env, target, what, result);
  return true;
}

std::chrono::milliseconds replace_timeout(double seconds) {
  if (!(seconds > 0) || seconds > 86400) {
    throw Error(Failure::usage, "--replace-timeout must be a number of seconds above 0 (e.g. 600)");
  }
  return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
}

driver::SavePolicy save_policy(const std::string& save) {
  if (save == "always") return driver::SavePolicy::always;
  if (save == "never") return driver::SavePolicy::never;
  if (save == "changed") return driver::SavePolicy::changed;
  throw Error(Failure::usage, "unknown --save '" + save + "' (use always, never or changed)");
}

int run_commit(const DeviceFlags& flags, const CommitCommandOptions& options, Env& env) {
  check_options(options);
  const driver::CommitOptions commit = commit_options(options);
  const std::vector<driver::HealthCheck> checks = parsed_checks(options);
  const std::string text = read_config_file(options.candidate);
  // Offline checks first, so a bad candidate never reaches the device.
  driver::checked_candidate(text, options.candidate, kind_of(options));
  const driver::Connection connection = resolve_connection(flags, env);
  name_host(env, connection.host);
  ChangeReport report;
  report.host = connection.host;
  report.operation = options.merge ? "merge" : "commit";
  std::optional<IosSession> session;
  bool reported = false;  // interrupted after the work: the report is already printed
  try {
    // Each call boundary below stops the run once a signal came (interruption.h).
    stop_if_interrupted(env, "");
    {
      enter_phase(env, Phase::connecting);
      const PhaseTimes::Scope phase(report.times, "connect");
      session.emplace(connection, flags, options.workflow, env);
    }
    name_host(env, session->target());
    stop_if_interrupted(env, "");
    driver::IosDriver& ios = session->ios();
    {
      enter_phase(env, Phase::loading);
      const PhaseTimes::Scope phase(report.times, "load");
      if (options.merge) {
        ios.load_merge_candidate(text, options.candidate);
      } else {
        ios.load_replace_candidate(text, options.candidate);
      }
    }
    stop_if_interrupted(env, "");
    if (options.dry_run) {
      enter_phase(env, Phase::reading);
      const int code = dry_run(*session, flags.json, report, env);
      report.repairs = ios.repairs();
      report.round_trips = session->device().driver().dialogue().round_trips();
      reported = mark_interrupted(report, env, session->target(), "the dry run", "");
      record_to(env, report);
      if (flags.json) print_json(env, report_json(report));
      if (reported) throw Error(*interruption(env), report.message);
      return code;
    }
    enter_phase(env, options.merge ? Phase::merging : Phase::replacing);
    driver::CommitResult result;
    {
      const PhaseTimes::Scope phase(report.times, "commit");
      result = ios.commit_config(commit);
    }
    report.comparison = result.comparison;
    report.saved = result.saved;
    report.pending_confirm = result.pending_confirm;
    if (!result.changed) report.outcome = "no_changes";
    std::string tail = summary(result, options);
    if (result.pending_confirm && !checks.empty()) {
      tail = guard_with_checks(*session, connection, flags, options, checks, commit, result, report,
                               env);
    }
    report.round_trips += session->device().driver().dialogue().round_trips();
    report.repairs = ios.repairs();
    reported = mark_interrupted(report, env, session->target(), "the commit", tail);
    record_to(env, report);
    if (flags.json) {
      print_json(env, report_json(report));
    } else {
      env.out << diff_text(result.comparison) << tail << '\n';
    }
    if (reported) throw Error(*interruption(env), report.message);
    return kExitOk;
  } catch (const Error& e) {
    if (reported) throw;
    std::string message = e.what();
    if (session && session->ios().replace_interrupted()) {
      message += "; " + reconnect_report(connection, flags, session->ios(), report, env);
    }
    if (session) take_from_session(report, *session);
    // A stop before the login still names the device.
    const bool named = session.has_value() || is_stop(e.failure());
    const Error failure =
        record_failure(report, e, message, session ? session->target() : connection.host, named);
    record_to(env, report);
    if (flags.json) {
      print_json(env, report_json(report));
    } else if (report.comparison) {
      env.out << diff_text(*report.comparison);  // what was attempted; the error follows
    }
    throw failure;
  }
}

}  // namespace iosctl::cli
