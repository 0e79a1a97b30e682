#include "iosctl/cli/commit_command.h"

#include "iosctl/cli/config_file.h"
#include "iosctl/cli/connection_setup.h"
#include "iosctl/cli/device_session.h"
#include "iosctl/config/contextual_format.h"
#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"
#include "iosctl/ios/archive_diff.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace iosctl::cli {
namespace {

driver::SavePolicy save_policy(const std::string& save) {
  if (save == "always") return driver::SavePolicy::always;
  if (save == "never") return driver::SavePolicy::never;
  if (save == "changed") return driver::SavePolicy::changed;
  throw Error(Failure::usage, "unknown --save '" + save + "' (use always, never or changed)");
}

std::string outcome_name(Failure failure) {
  switch (failure) {
    case Failure::invalid:
      return "rejected";
    case Failure::reverted:
      return "reverted";
    case Failure::uncertain:
      return "uncertain";
    case Failure::unreachable:
      return "unreachable";
    default:
      return "error";
  }
}

// What one commit printed, for both text and JSON.
struct Report {
  std::string host;
  std::string outcome;
  int exit_code = kExitOk;
  std::string diff;
  std::vector<std::string> failing_lines;
};

void print_json(const Report& r, Env& env) {
  const nlohmann::json doc = {{"host", r.host},       {"operation", "commit"},
                              {"outcome", r.outcome}, {"exit_code", r.exit_code},
                              {"diff", r.diff},       {"failing_lines", r.failing_lines}};
  env.out << doc.dump(2) << '\n';
}

// The committed (or attempted) diff, secrets masked, without the
// `!Contextual Config Diffs:` header; empty when nothing differs.
std::string diff_text(const driver::Comparison& c) {
  if (c.device.empty()) return "";
  return ios::normalize_archive_diff(config::format_contextual(c.local, {false, false}));
}

std::string summary(const driver::CommitResult& result) {
  if (!result.changed) return result.saved ? "no changes; saved" : "no changes";
  const config::ConfigDiff& d = result.comparison.local;
  const std::string lines = d.added.size() == 1 ? " line added, " : " lines added, ";
  return "committed: " + std::to_string(d.added.size()) + lines + std::to_string(d.removed.size()) +
         " removed; " + (result.saved ? "saved" : "not saved");
}

}  // namespace

int run_commit(const DeviceFlags& flags, const CommitCommandOptions& options, Env& env) {
  driver::CommitOptions commit{options.auto_rollback, save_policy(options.save)};
  const std::string text = read_config_file(options.candidate);
  // Offline checks first, so a bad candidate never reaches the device.
  driver::checked_candidate(text, options.candidate);
  const driver::Connection connection = resolve_connection(flags, env);
  Report report{connection.host, "committed", kExitOk, "", {}};
  DeviceSession session(connection, flags.verbose, env);
  std::optional<driver::IosDriver> ios;
  try {
    driver::FileTransfer* transfer = session.link().file_transfer();
    if (!transfer) throw Error(Failure::usage, "this connection cannot copy files to the device");
    auto note = [&](std::string_view line) {
      if (flags.verbose) env.err << "iosctl: " << session.target() << ": " << line << '\n';
    };
    ios.emplace(session.driver(), *transfer, note);
    ios->load_replace_candidate(text, {options.candidate, options.file_system});
    const driver::CommitResult result = ios->commit_config(commit);
    report.diff = diff_text(result.comparison);
    if (!result.changed) report.outcome = "no_changes";
    if (flags.json) {
      print_json(report, env);
    } else {
      env.out << report.diff << summary(result) << '\n';
    }
    return kExitOk;
  } catch (const Error& e) {
    if (ios && ios->last_comparison()) report.diff = diff_text(*ios->last_comparison());
    if (flags.json) {
      report.outcome = outcome_name(e.failure());
      report.exit_code = exit_code_for(e.failure());
      if (ios) report.failing_lines = ios->failing_lines();
      print_json(report, env);
    } else {
      env.out << report.diff;  // what was attempted; the error follows on stderr
    }
    throw Error(e.failure(), session.target() + ": " + e.what());
  }
}

}  // namespace iosctl::cli
