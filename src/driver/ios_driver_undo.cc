// IosDriver's operations after a commit: pending commits, confirm, rollback,
// discard (NAPALM's has_pending_commit, confirm_commit, rollback, discard_config).

#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"

namespace iosctl::driver {

std::optional<ios::PendingCommit> IosDriver::pending_commit() {
  // Like NAPALM, ask only the timer: a device without the archive feature
  // refuses the command and cannot have a confirmed commit pending.
  const CommandOutcome outcome = driver_.send_command("show archive config rollback timer");
  if (outcome.error) return std::nullopt;
  return ios::parse_rollback_timer(outcome.output);
}

bool IosDriver::confirm_commit(SavePolicy save) {
  const std::optional<ios::PendingCommit> pending = pending_commit();
  if (!pending) {
    throw Error(Failure::invalid,
                "no confirmed commit is pending on the device: nothing to confirm (a commit "
                "with --confirm-timeout leaves one)");
  }
  // NAPALM's confirm_commit checks the owner the same way: confirming
  // someone else's change would keep a config they may be about to undo.
  if (pending->user != settings_.username) {
    throw Error(Failure::invalid, "the pending confirmed commit is '" + pending->user +
                                      "''s, not yours; the device is unchanged: let them confirm "
                                      "it or wait for its revert");
  }
  say("confirming the pending commit");
  run("configure confirm");
  if (pending_commit()) {
    throw Error(Failure::uncertain,
                "'configure confirm' left the commit pending: run 'iosctl confirm' again");
  }
  return save_if(save, true);
}

RollbackResult IosDriver::rollback(const CommitOptions& options) {
  failing_lines_.clear();
  RollbackResult result;
  if (const std::optional<ios::PendingCommit> pending = pending_commit()) {
    if (pending->user != settings_.username) {
      throw Error(Failure::invalid, "a confirmed commit by '" + pending->user +
                                        "' is pending; the device is unchanged: leave it to "
                                        "them or to its revert timer");
    }
    say("reverting the pending commit now");
    const CommandOutcome outcome = driver_.send_command("configure revert now", [&] {
      dialog::CommandOptions wait;
      wait.any_prompt = true;  // the original config may have another hostname
      wait.timeout = options.replace_timeout;
      return wait;
    }());
    if (outcome.error || pending_commit()) {
      throw Error(Failure::uncertain,
                  "'configure revert now' did not finish the revert (" +
                      outcome.error.value_or("the commit is still pending") +
                      "); the device state is unknown: check it with 'iosctl status'");
    }
    result = {RollbackKind::revert_timer, pending->archive_file, false};
  } else {
    const ios::DevicePath checkpoint = checkpoint_path();
    if (!device_md5(checkpoint)) {
      throw Error(Failure::invalid, "there is no checkpoint " + checkpoint +
                                        " on the device: nothing to roll back to (iosctl commit "
                                        "takes one before each change)");
    }
    // The checkpoint was copied in quiet mode, so it holds `file prompt
    // quiet` when iosctl had added it; the mode the device has now is kept.
    refuse_config_lock();
    const std::string mode = file_prompt_mode();
    const ios::ReplaceResult replaced = replace(checkpoint, options);
    if (replaced.outcome != ios::ReplaceOutcome::applied) fail(replaced, checkpoint);
    if (mode != "file prompt quiet" && file_prompt_mode() == "file prompt quiet") {
      restore_file_prompt(mode.empty() ? "no file prompt quiet" : mode);
    }
    result = {RollbackKind::checkpoint, checkpoint.str(), false};
  }
  result.saved = save_if(options.save, true);
  return result;
}

std::vector<std::string> IosDriver::discard_config() {
  std::vector<std::string> removed;
  for (const ios::FileName& name : {settings_.files.candidate, settings_.files.merge}) {
    const ios::DevicePath path = device_path(name);
    if (!device_md5(path)) continue;
    // `/force` deletes without the file-prompt questions in any mode.
    run("delete /force " + path);
    removed.push_back(path.str());
  }
  loaded_.reset();
  return removed;
}

}  // namespace iosctl::driver
