#include "iosctl/sim/archive.h"
#include "iosctl/sim/cli_errors.h"
#include "iosctl/sim/command_context.h"
#include "iosctl/sim/config_lock.h"
#include "iosctl/sim/config_replace.h"
#include "iosctl/sim/file_endpoint.h"
#include "iosctl/sim/replace_options.h"
#include "iosctl/sim/revert_timer.h"

#include <array>
#include <memory>
#include <optional>
#include <utility>

namespace iosctl::sim {
namespace {

// IOS_BEHAVIOR.md 7.1, seen on a c6k (napalm-ansible #54) and in genielibs.
constexpr std::string_view kConfirmReplace =
    "This will apply all necessary additions and deletions\n"
    "to replace the current running configuration with the\n"
    "contents of the specified configuration file, which is\n"
    "assumed to be a complete configuration, not a partial\n"
    "configuration. Enter Y if you are sure you want to proceed. ? [no]: ";

constexpr std::string_view kNotConfigFile = "%The input file is not a valid config file.\n";

// A replace that passed its checks, waiting for its `[no]` answer or not.
struct ReplaceJob {
  std::string candidate;
  ReplaceRequest request;
};

std::string backing_up(std::string_view file) {
  return "Rollback Confirmed Change: Backing up current running config to " + std::string(file) +
         "\n\n";
}

// `revert trigger error` after a failed command: back to the archive copy
// (napalm #1009, ios-samples/configure_replace_force_revert_trigger_error_restored.txt).
std::string restore_original(DeviceCore& device, std::string_view user, const ArchiveWrite& backup,
                             const std::string& original) {
  device.revert_timer.reset();
  std::string text =
      "\nRollback failed.Reverting back to the original configuration: " + backup.file +
      " ...\n\n\n";
  const ReplaceOutcome back = replace_running(device, user, original, {});
  text += back.text;
  if (back.status == ReplaceOutcome::Status::done) {
    text += "The original configuration has been successfully restored.\n\n";
  }
  return text;
}

Reply run_job(DeviceCore& device, SessionState& session, const ReplaceJob& job) {
  const ReplaceRequest& r = job.request;
  const bool timed = r.timer_minutes > 0;
  const std::optional<ArchiveSettings> archive = archive_settings(device);
  if ((timed || r.revert_on_error) && !archive) return {std::string(kArchiveOff), nullptr, true};
  if (timed && device.revert_timer) return {std::string(kRevertPending), nullptr, true};
  const std::string original = device.config_file_text();
  std::string text;
  ArchiveWrite backup;
  if (timed || r.revert_on_error) {
    backup = archive_running(device, *archive);
    if (!backup.error.empty()) return {backup.error, nullptr, true};
    // napalm #1009 shows two empty lines where a timed change announces its
    // backup (napalm-ios #121); we print them for an untimed backup.
    text = timed ? backing_up(backup.file) : "\n\n";
    if (timed) arm_revert_timer(device, session.user, r.timer_minutes, backup.file, original);
  }
  const ReplaceOutcome outcome = replace_running(device, session.user, job.candidate,
                                                 {r.list, r.ignorecase, r.revert_on_error});
  if (outcome.status == ReplaceOutcome::Status::dropped) {
    session.drop_requested = true;
    return {};
  }
  text += outcome.text;
  // `revert trigger error` rolls back on any failure, a replace that never
  // converged included (IOS_BEHAVIOR.md 7).
  if (outcome.status == ReplaceOutcome::Status::failed ||
      (r.revert_on_error && outcome.status == ReplaceOutcome::Status::aborted)) {
    text += restore_original(device, session.user, backup, original);
  }
  return {text, nullptr, outcome.status != ReplaceOutcome::Status::done};
}

Reply ask_first(DeviceCore& device, SessionState& session, ReplaceJob job) {
  auto q = std::make_shared<Question>();
  q->prompt = std::string(kConfirmReplace);
  q->answer = [&device, &session, job = std::move(job)](std::string_view answer) -> Reply {
    // Only a yes goes on; Enter takes the `[no]` default (7.1).
    if (answer != "y" && answer != "Y" && answer != "yes" && answer != "YES") return {};
    return run_job(device, session, job);
  };
  return {"", q};
}

Reply configure_replace(CommandContext& c) {
  ParsedOptions parsed;
  if (c.match.words.size() > 3) parsed = parse_replace_options(c.line, c.match.starts[3]);
  if (parsed.status != MatchStatus::ok) {
    Match failed;
    failed.status = parsed.status;
    failed.column = parsed.column;
    return {match_error(failed, c.line, c.prompt_size), nullptr, true};
  }
  const ReplaceRequest& r = parsed.request;
  if (std::optional<std::string> refused = refused_by_config_lock(c.device, c.session)) {
    return {*refused, nullptr, true};
  }
  if ((r.timer_minutes > 0 || r.revert_on_error) && !archive_settings(c.device)) {
    return {std::string(kArchiveOff), nullptr, true};
  }
  const std::string& url = c.match.words[2];
  const FileEndpoint file = resolve_endpoint(c.device, url);
  std::optional<std::string> bytes = endpoint_bytes(c.device, file);
  if (!bytes || file.kind == FileEndpoint::Kind::null) return {no_such_file(url), nullptr, true};
  if (!is_config_file(*bytes)) return {std::string(kNotConfigFile), nullptr, true};
  ReplaceJob job{std::move(*bytes), r};
  if (r.force) return run_job(c.device, c.session, job);
  return ask_first(c.device, c.session, std::move(job));
}

constexpr std::array kHandlers = {
    HandlerEntry{"configure-replace", configure_replace},
};

}  // namespace

std::span<const HandlerEntry> replace_handlers() { return kHandlers; }

}  // namespace iosctl::sim
