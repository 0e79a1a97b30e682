// IosDriver::commit_config: ARCHITECTURE "The commit, step by step", steps 7-11.

#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"

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

}  // namespace

CommitResult IosDriver::commit_config(const CommitOptions& options) {
  if (!loaded_) throw Error(Failure::usage, "no candidate loaded: load one before committing");
  failing_lines_.clear();
  last_comparison_.reset();
  CommitResult result;
  result.comparison = compare_config();
  last_comparison_ = result.comparison;
  result.changed = !result.comparison.device.empty();
  if (result.changed) {
    const ios::ReplaceResult replaced = checkpoint_and_replace(options);
    if (replaced.outcome != ios::ReplaceOutcome::applied) fail(replaced);
  }
  result.prompt = driver_.dialogue().prompt();
  const bool save =
      options.save == SavePolicy::always || (options.save == SavePolicy::changed && result.changed);
  if (save) {
    // The running config has changed by now, so a refused save is not exit 3.
    const CommandOutcome saved = driver_.send_command("write memory");
    if (saved.error) {
      throw Error(Failure::uncertain, "the commit applied but 'write memory' was rejected: " +
                                          *saved.error + ": save by hand with 'write memory'");
    }
    result.saved = true;
  }
  return result;
}

ios::ReplaceResult IosDriver::checkpoint_and_replace(const CommitOptions& options) {
  // Removed only if we added it and the candidate does not ask for it, and
  // always before `write memory`, so it never reaches startup-config.
  const bool restore = ensure_file_prompt_quiet() && !has_line(loaded_->text, "file prompt quiet");
  ios::ReplaceResult replaced;
  try {
    run("copy running-config " + loaded_->file_system + "/" + std::string(kRollbackFile));
    replaced = replace(options);
  } catch (const Error&) {
    // Best effort: the first error is the one to report.
    try {
      if (restore) configure({"no file prompt quiet"});
    } catch (const Error&) {
    }
    throw;
  }
  if (restore) configure({"no file prompt quiet"});
  return replaced;
}

bool IosDriver::ensure_file_prompt_quiet() {
  // NAPALM's auto_file_prompt: without quiet mode `copy` asks for the
  // destination name (IOS_BEHAVIOR 4.3) and the checkpoint would stall.
  if (has_line(run("show running-config | include file prompt"), "file prompt quiet")) {
    return false;
  }
  configure({"file prompt quiet"});
  return true;
}

void IosDriver::configure(const std::vector<std::string>& lines) {
  const ConfigOutcome outcome = driver_.send_config(lines, {});
  if (outcome.error) {
    throw Error(Failure::invalid, "'" + lines[outcome.applied] + "' was rejected: " +
                                      outcome.error->line + ": the device is unchanged");
  }
}

ios::ReplaceResult IosDriver::replace(const CommitOptions& options) {
  std::string command = "configure replace " + loaded_->path + " force";
  if (options.auto_rollback) command += " revert trigger error";
  dialog::CommandOptions wait;
  wait.any_prompt = true;  // the candidate may change the hostname
  wait.timeout = options.replace_timeout;
  say("replacing the running config with " + loaded_->path);
  try {
    const CommandOutcome outcome = driver_.send_command(command, wait);
    ios::ReplaceResult result = ios::classify_replace(outcome.output);
    failing_lines_ = result.failing_lines;
    return result;
  } catch (const Error& e) {
    if (e.failure() != Failure::unreachable) throw;
    throw Error(Failure::uncertain, "configure replace did not finish (" + std::string(e.what()) +
                                        "): check the device; 'configure replace " +
                                        loaded_->file_system + "/" + std::string(kRollbackFile) +
                                        " force' on it restores the checkpoint");
  }
}

void IosDriver::fail(const ios::ReplaceResult& result) const {
  const std::string checkpoint = loaded_->file_system + "/" + std::string(kRollbackFile);
  const std::string next =
      "'configure replace " + checkpoint + " force' on it restores the checkpoint";
  switch (result.outcome) {
    case ios::ReplaceOutcome::invalid_file:
      throw Error(Failure::invalid, "the device refused " + loaded_->path +
                                        " as not a valid config file; the device is unchanged: "
                                        "start the candidate with 'version' and end it with 'end'");
    case ios::ReplaceOutcome::archive_off:
      throw Error(Failure::invalid,
                  "auto-rollback needs the config archive; the device is unchanged: configure "
                  "'archive' with ' path " +
                      loaded_->file_system + "archive' or use --no-auto-rollback");
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
