// IosDriver::commit_config: ARCHITECTURE "The commit, step by step", steps 7-11.

#include "iosctl/config/parse.h"
#include "iosctl/config/redact.h"
#include "iosctl/config/risky_transitions.h"
#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"
#include "iosctl/ios/config_lock.h"

namespace iosctl::driver {
namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += (text.empty() ? "'" : ", '") + line + "'";
  return text.empty() ? "(no line named)" : text;
}

bool has_line(std::string_view text, std::string_view line) {
  for (std::size_t at = text.find(line); at != std::string_view::npos;
       at = text.find(line, at + 1)) {
    const bool starts = at == 0 || text[at - 1] == '\n';
    const std::size_t end = at + line.size();
    if (starts && (end == text.size() || text[end] == '\n' || text[end] == '\r')) return true;
  }
  return false;
}

// The `file prompt` line of `show running-config | include file prompt`;
// "" when the device is in the default (alert) mode.
std::string file_prompt_line(std::string_view output) {
  for (std::string_view mode : {"file prompt quiet", "file prompt noisy", "file prompt alert"}) {
    if (has_line(output, mode)) return std::string(mode);
  }
  return "";
}

// The refusal while another session holds the configuration lock.
std::string locked_message(const std::optional<ios::ConfigLockHolder>& holder) {
  const std::string who =
      holder ? "user '" + holder->user + "' on line " + holder->tty : "another session";
  return "the configuration is locked by " + who +
         "; the device is unchanged: run again once they leave configuration mode";
}

}  // namespace

CommitResult IosDriver::commit_config(const CommitOptions& options) {
  if (!loaded_) throw Error(Failure::usage, "no candidate loaded: load one before committing");
  failing_lines_.clear();
  last_comparison_.reset();
  interrupted_ = false;
  CommitResult result;
  result.comparison = compare_config();
  last_comparison_ = result.comparison;
  result.changed = !result.comparison.device.empty();
  if (result.changed) {
    warn_risky_transitions();
    refuse_pending_commit();
    refuse_config_lock();
    if (loaded_->kind == config::CandidateKind::merge) {
      merge(options);
    } else {
      const std::string restore = quiet_file_prompt();
      try {
        take_checkpoint();
      } catch (const Error&) {
        restore_file_prompt(restore);
        throw;
      }
      // Restored before the replace, so the archive copy IOS takes for
      // `revert trigger` or a revert timer is the device's own config.
      restore_file_prompt(restore);
      const ios::ReplaceResult replaced = replace(loaded_->path, options);
      if (replaced.outcome != ios::ReplaceOutcome::applied) fail(replaced, loaded_->path);
    }
    result.pending_confirm = options.confirm_minutes > 0;
  }
  result.prompt = driver_.dialogue().prompt();
  result.saved = !result.pending_confirm && save_if(options.save, result.changed);
  return result;
}

void IosDriver::warn_risky_transitions() const {
  if (!settings_.warn || loaded_->kind != config::CandidateKind::replace) return;
  const auto tree = [](std::string_view text) { return config::parse_config(text); };
  for (const config::RiskyTransition& risk :
       config::find_risky_transitions(tree(last_comparison_->running), tree(loaded_->text))) {
    std::string where;
    for (const std::string& parent : risk.path) where += parent + ": ";
    settings_.warn(where + "'" + config::redact_secrets(risk.line) + "': " + risk.explanation);
  }
}

void IosDriver::refuse_pending_commit() {
  const std::optional<ios::PendingCommit> pending = pending_commit();
  if (!pending) return;
  if (pending->user != settings_.username) {
    throw Error(Failure::invalid, "a confirmed commit by '" + pending->user +
                                      "' is pending on the device; the device is unchanged: "
                                      "wait until it is confirmed or reverted");
  }
  throw Error(Failure::invalid,
              "your confirmed commit is still pending; the device is unchanged: run 'iosctl "
              "confirm' to keep it or 'iosctl rollback' to undo it first");
}

// Checked before the first change (file prompt, checkpoint): while another
// session holds the lock, IOS refuses `configure terminal` and the replace.
void IosDriver::refuse_config_lock() {
  say("checking the configuration lock");
  // A release without the command answers `% Invalid input`: it has no lock.
  const CommandOutcome shown = driver_.send_command("show configuration lock");
  const std::optional<ios::ConfigLockHolder> holder =
      shown.error ? std::nullopt : ios::parse_config_lock(shown.output);
  if (!holder) return;
  throw Error(Failure::invalid, locked_message(*holder));
}

bool IosDriver::save_if(SavePolicy save, bool changed) {
  if (save == SavePolicy::never || (save == SavePolicy::changed && !changed)) return false;
  // The running config has changed by now, so a refused save is not exit 3.
  say("saving the running config");
  const CommandOutcome saved = driver_.send_command("write memory");
  if (saved.error) {
    throw Error(Failure::uncertain, "the change applied but 'write memory' was rejected: " +
                                        *saved.error + ": save by hand with 'write memory'");
  }
  return true;
}

std::string IosDriver::quiet_file_prompt() {
  // NAPALM's auto_file_prompt: without quiet mode `copy` asks for the
  // destination name (IOS_BEHAVIOR 4.3) and the checkpoint would stall.
  const std::string mode = file_prompt_mode();
  if (mode == "file prompt quiet") return "";
  if (!settings_.auto_file_prompt) {
    throw Error(Failure::invalid,
                "the device lacks 'file prompt quiet' and --no-auto-file-prompt forbids adding "
                "it; the device is unchanged: configure 'file prompt quiet' or drop "
                "--no-auto-file-prompt");
  }
  configure({"file prompt quiet"});
  // `no file prompt quiet` is the default (alert) mode; noisy is set back as it was.
  return mode.empty() ? "no file prompt quiet" : mode;
}

std::string IosDriver::file_prompt_mode() {
  return file_prompt_line(run("show running-config | include file prompt"));
}

void IosDriver::restore_file_prompt(const std::string& line) {
  if (line.empty()) return;
  try {
    configure({line});
  } catch (const Error& e) {
    say("could not restore the file prompt mode ('" + line + "'): " + e.what());
  }
}

void IosDriver::configure(const std::vector<std::string>& lines) {
  const ConfigOutcome outcome = driver_.send_config(lines, {});
  if (outcome.error) {
    throw Error(Failure::invalid, "'" + lines[outcome.applied] + "' was rejected: " +
                                      outcome.error->line + ": the device is unchanged");
  }
}

void IosDriver::take_checkpoint() {
  say("saving the running config as the checkpoint " + checkpoint_path());
  run("copy running-config " + checkpoint_path());
}

ios::DevicePath IosDriver::checkpoint_path() { return device_path(settings_.files.rollback); }

ios::ReplaceResult IosDriver::replace(const ios::DevicePath& path, const CommitOptions& options) {
  std::string command = "configure replace " + path + " force";
  if (options.auto_rollback) command += " revert trigger error";
  if (options.confirm_minutes > 0) command += " time " + std::to_string(options.confirm_minutes);
  dialog::CommandOptions wait;
  wait.any_prompt = true;  // the candidate may change the hostname
  wait.timeout = options.replace_timeout;
  say("replacing the running config with " + path);
  try {
    const CommandOutcome outcome = driver_.send_command(command, wait);
    ios::ReplaceResult result = ios::classify_replace(outcome.output);
    // Failing lines are quoted in messages and reports: never their secrets.
    for (std::string& line : result.failing_lines) line = config::redact_secrets(line);
    failing_lines_ = result.failing_lines;
    return result;
  } catch (const Error& e) {
    if (e.failure() != Failure::unreachable) throw;
    interrupted(e);
  }
}

void IosDriver::merge(const CommitOptions& options) {
  // A confirmed merge arms the timer first, so its backup is the device's
  // own config (napalm's `revert_in` does the same, IOS_BEHAVIOR 7.6).
  if (options.confirm_minutes > 0) arm_revert_timer(options.confirm_minutes);
  const std::string restore = quiet_file_prompt();
  std::string output;
  try {
    take_checkpoint();
    say("merging " + loaded_->path + " into the running config");
    dialog::CommandOptions wait;
    wait.any_prompt = true;  // the lines may change the hostname
    wait.timeout = options.replace_timeout;
    output = driver_.send_command("copy " + loaded_->path + " running-config", wait).output;
  } catch (const Error& e) {
    if (e.failure() == Failure::unreachable) interrupted(e);
    restore_file_prompt(restore);
    throw;
  }
  // The merge adds lines, so the mode iosctl set stays unless the file sets one.
  if (!has_line(loaded_->text, "file prompt quiet")) restore_file_prompt(restore);
  const ios::MergeResult merged = ios::classify_merge(output);
  switch (merged.outcome) {
    case ios::MergeOutcome::applied:
      return;
    case ios::MergeOutcome::no_such_file:
      throw Error(Failure::invalid, "the device could not read " + loaded_->path + " (" +
                                        merged.message + "); the device is unchanged: run again");
    case ios::MergeOutcome::unrecognised:
      throw Error(Failure::uncertain, "the merge printed no known result ('" + merged.message +
                                          "'); the device state is unknown: 'iosctl rollback' "
                                          "restores the checkpoint");
    case ios::MergeOutcome::failed:
      break;
  }
  for (const ios::MergeFailure& f : merged.failing_lines) {
    failing_lines_.push_back(config::redact_secrets(f.line.empty() ? f.message : f.line));
  }
  undo_failed_merge(options);
}

void IosDriver::arm_revert_timer(int minutes) {
  const CommandOutcome armed =
      driver_.send_command("configure terminal revert timer " + std::to_string(minutes));
  if (armed.error) {
    throw Error(Failure::invalid,
                "the device refused a revert timer (" + *armed.error +
                    "); the device is unchanged: configure 'archive' with ' path " + file_system() +
                    "archive' for confirmed commits");
  }
  driver_.send_command("end");
}

void IosDriver::undo_failed_merge(const CommitOptions& options) {
  const std::string failed = "failed to apply " + joined(failing_lines_);
  if (!options.auto_rollback) {
    throw Error(Failure::uncertain, failed +
                                        "; the other lines were merged: 'iosctl rollback' "
                                        "restores the checkpoint");
  }
  say("a merged line failed: restoring the checkpoint");
  const std::vector<std::string> kept = failing_lines_;
  CommitOptions back = options;
  back.confirm_minutes = 0;
  back.save = SavePolicy::never;
  try {
    rollback(back);
  } catch (const Error& e) {
    failing_lines_ = kept;
    throw Error(Failure::uncertain, failed + "; restoring the checkpoint failed too (" + e.what() +
                                        "): the device is partly changed");
  }
  failing_lines_ = kept;
  throw Error(Failure::reverted,
              failed +
                  "; the device was restored to its original config: fix the candidate "
                  "and run again");
}

void IosDriver::interrupted(const Error& e) {
  interrupted_ = true;
  throw Error(Failure::uncertain, "the change did not finish (" + std::string(e.what()) +
                                      "); the device state is unknown: 'iosctl rollback' "
                                      "restores the checkpoint " +
                                      checkpoint_path());
}

void IosDriver::fail(const ios::ReplaceResult& result, const ios::DevicePath& path) {
  const std::string next = "'iosctl rollback' restores the checkpoint";
  switch (result.outcome) {
    case ios::ReplaceOutcome::invalid_file:
      throw Error(Failure::invalid, "the device refused " + path +
                                        " as not a valid config file; the device is unchanged: "
                                        "start the candidate with 'version' and end it with 'end'");
    case ios::ReplaceOutcome::archive_off:
      throw Error(Failure::invalid,
                  "auto-rollback and confirmed commits need the config archive; the device is "
                  "unchanged: configure 'archive' with ' path " +
                      file_system() + "archive' or use --no-auto-rollback");
    case ios::ReplaceOutcome::locked:
      throw Error(Failure::invalid, locked_message(std::nullopt));
    case ios::ReplaceOutcome::reverted:
      throw Error(Failure::reverted, "failed to apply " + joined(result.failing_lines) +
                                         "; the device restored its original config: fix the "
                                         "candidate and run again");
    case ios::ReplaceOutcome::aborted:
      throw Error(Failure::uncertain, "rollback aborted, failed to apply " +
                                          joined(result.failing_lines) +
                                          "; the device is partly changed: " + next);
    default:
      throw Error(
          Failure::uncertain,
          "configure replace printed no known result; the device state is unknown: " + next);
  }
}

}  // namespace iosctl::driver
