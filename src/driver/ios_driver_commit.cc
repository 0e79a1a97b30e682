// IosDriver::commit_config: ARCHITECTURE "The commit, step by step", steps 7-11.

#include "iosctl/config/hostname.h"
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
  // Before "no changes": while a confirmed commit is pending (this user's
  // too) the device is about to revert, and nothing may be saved.
  refuse_pending_commit();
  if (!result.changed) {
    result.prompt = driver_.dialogue().prompt();
    result.saved_unsaved_running = save_unsaved_running(options.save);
    result.saved = result.saved_unsaved_running ||
                   (options.save == SavePolicy::always && save_if(options.save, true));
    return result;
  }
  refuse_hostname_change(options.allow_hostname_change);
  warn_risky_transitions();
  refuse_config_lock();
  if (loaded_->kind == config::CandidateKind::merge) {
    merge(options);
  } else {
    replace_candidate(options);
  }
  result.pending_confirm = options.confirm_minutes > 0;
  result.prompt = driver_.dialogue().prompt();
  result.saved = !result.pending_confirm && save_if(options.save, true);
  return result;
}

void IosDriver::replace_candidate(const CommitOptions& options) {
  const std::string restore = quiet_file_prompt();
  try {
    take_checkpoint();
  } catch (const Error& e) {
    restore_file_prompt(restore);
    throw with_leftovers(e);
  }
  // Restored before the replace, so the archive copy IOS takes for
  // `revert trigger` or a revert timer is the device's own config.
  if (!restore_file_prompt(restore)) {
    throw with_leftovers(Error(Failure::invalid,
                               "restoring the file prompt mode before the replace failed; "
                               "nothing else was changed"));
  }
  set_journal_phase("change", options.replace_timeout);
  verify_unchanged_since_compare(loaded_->path, loaded_->text);
  const ios::ReplaceResult replaced = replace(loaded_->path, options);
  if (replaced.outcome != ios::ReplaceOutcome::applied) fail_checked(replaced, loaded_->path);
}

void IosDriver::verify_unchanged_since_compare(const ios::DevicePath& file,
                                               const std::string& text) {
  // Another run (or tool) may have written the file or configured the
  // device since the compare; replacing then would apply what nobody compared.
  say("checking that " + file + " and the running config are as compared");
  const std::optional<std::string> stored = device_md5(file);
  if (!stored) {
    throw Error(Failure::overlapped, file +
                                         " was deleted after iosctl compared it (by another "
                                         "run or user?); the device is unchanged: run again");
  }
  if (*stored != md5_hex(text)) {
    throw Error(Failure::overlapped,
                file +
                    " changed after iosctl compared it (by another run or tool?); the device "
                    "is unchanged by this run: run again");
  }
  if (!same_config(driver_.get_config(ConfigSource::running, false), last_comparison_->running)) {
    throw Error(Failure::overlapped,
                "the running config changed after iosctl compared it (another session "
                "configured the device); the device is unchanged by this run: compare and "
                "commit again");
  }
}

void IosDriver::refuse_hostname_change(bool allowed) const {
  const std::optional<std::string> wanted = config::hostname_of(loaded_->text);
  const std::optional<std::string> now = config::hostname_of(last_comparison_->running);
  if (allowed || !wanted || !now || *wanted == *now) return;
  throw Error(Failure::invalid, "the candidate names the device '" + *wanted + "' but it is '" +
                                    *now +
                                    "'; the device is unchanged: check that the candidate is "
                                    "this device's, or give --allow-hostname-change to rename it");
}

bool IosDriver::save_unsaved_running(SavePolicy save) {
  if (save == SavePolicy::never) return false;
  // A run interrupted between its replace and its save leaves the candidate
  // running unsaved: the change is in place, and still owed its save.
  if (same_config(driver_.get_config(ConfigSource::startup, false), last_comparison_->running)) {
    return false;
  }
  if (settings_.warn) {
    settings_.warn(
        "the running config already matches the candidate but startup-config does not (an "
        "earlier run did not save it): saving");
  }
  return save_if(SavePolicy::always, true);
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
  // The running config has changed by now: whatever happens to the save,
  // the report says which config runs and which is in startup.
  say("saving the running config");
  CommandOutcome saved;
  try {
    saved = driver_.send_command("write memory");
  } catch (const Error& e) {
    if (e.failure() != Failure::unreachable) throw;
    throw Error(Failure::not_saved,
                "the change is in the running config but the connection was "
                "lost during 'write memory' (" +
                    std::string(e.what()) +
                    "): startup-config may still hold the old config: check "
                    "with 'iosctl status' and save with 'write memory'");
  }
  if (saved.error) {
    throw Error(Failure::not_saved,
                "the change is in the running config but 'write memory' was "
                "rejected (" +
                    *saved.error +
                    "): startup-config holds the old config: save by hand "
                    "with 'write memory'");
  }
  return true;
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
  // Checked before quiet mode is added, which the running config would show.
  set_journal_phase("change", options.replace_timeout);
  verify_unchanged_since_compare(loaded_->path, loaded_->text);
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
    throw with_leftovers(e);
  }
  // The merge adds lines, so the mode iosctl set stays unless the file sets one.
  if (candidate_sets_quiet()) {
    keep_quiet();
  } else if (!restore_file_prompt(restore)) {
    say("the merge went on with 'file prompt quiet' left in the running config");
  }
  const ios::MergeResult merged = ios::classify_merge(output);
  switch (merged.outcome) {
    case ios::MergeOutcome::applied:
      return;
    case ios::MergeOutcome::no_such_file:
      // IOS says nothing was merged; the running config says whether that holds.
      if (!same_config(driver_.get_config(ConfigSource::running, false),
                       last_comparison_->running)) {
        throw with_leftovers(
            Error(Failure::uncertain, "the device could not read " + loaded_->path +
                                          " yet the running config changed: 'iosctl rollback' "
                                          "restores the checkpoint"));
      }
      throw with_leftovers(
          Error(Failure::overlapped, "the device could not read " + loaded_->path + " (" +
                                         merged.message +
                                         ": deleted by another run or user?); the device is "
                                         "unchanged: run again"));
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
  // The checkpoint's replace said "applied": the running config says whether
  // it is the original one.
  if (!same_config(driver_.get_config(ConfigSource::running, false), last_comparison_->running)) {
    throw Error(Failure::uncertain, failed +
                                        "; restoring the checkpoint left a running config that "
                                        "differs from the original: 'iosctl rollback' restores "
                                        "the checkpoint");
  }
  throw Error(Failure::reverted,
              failed +
                  "; the device was restored to its original config: fix the candidate "
                  "and run again");
}

void IosDriver::interrupted(const Error& e) {
  interrupted_ = true;
  throw with_leftovers(
      Error(Failure::uncertain, "the change did not finish (" + std::string(e.what()) +
                                    "); the device state is unknown: 'iosctl rollback' "
                                    "restores the checkpoint " +
                                    checkpoint_path()));
}

void IosDriver::fail_checked(const ios::ReplaceResult& result, const ios::DevicePath& path) {
  // IOS's own account of a partial change, or none at all, stands as it is.
  if (result.outcome == ios::ReplaceOutcome::aborted ||
      result.outcome == ios::ReplaceOutcome::unrecognised) {
    fail(result, path);
  }
  // Every other outcome says the running config is the original one: read
  // it back before saying so.
  say("checking the running config after the failed replace");
  std::string running;
  try {
    running = driver_.get_config(ConfigSource::running, false);
  } catch (const Error& e) {
    throw Error(Failure::uncertain,
                "the replace did not apply and reading the running config "
                "back failed (" +
                    std::string(e.what()) +
                    "); the device state is unknown: 'iosctl rollback' "
                    "restores the checkpoint");
  }
  if (!same_config(running, last_comparison_->running)) {
    throw Error(Failure::uncertain,
                "the replace did not apply (" + std::string(ios::describe(result.outcome)) +
                    ") yet the running config differs from the one before the commit: the "
                    "device is partly changed: 'iosctl rollback' restores the checkpoint");
  }
  if (result.outcome == ios::ReplaceOutcome::missing_file) {
    throw Error(Failure::overlapped, "the device could not open " + path +
                                         " (deleted by another run or user?); the device is "
                                         "unchanged: run again");
  }
  fail(result, path);
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
    case ios::ReplaceOutcome::missing_file:
      throw Error(Failure::invalid, "the device could not open " + path +
                                        "; the device is unchanged: check that the file is there "
                                        "with 'dir'");
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
