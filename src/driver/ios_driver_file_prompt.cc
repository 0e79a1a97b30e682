// IosDriver and the `file prompt` mode (ARCHITECTURE step 7): quiet for the
// file operations, then back to the device's own mode, or said why not.

#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"

namespace iosctl::driver {
namespace {

constexpr std::string_view kQuiet = "file prompt quiet";

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
  for (std::string_view mode :
       {kQuiet, std::string_view("file prompt noisy"), std::string_view("file prompt alert")}) {
    if (has_line(output, mode)) return std::string(mode);
  }
  return "";
}

}  // namespace

std::string IosDriver::quiet_file_prompt() {
  // NAPALM's auto_file_prompt: without quiet mode `copy` asks for the
  // destination name (IOS_BEHAVIOR 4.3) and the checkpoint would stall.
  // The mode read when the journal was written is the device's own: this
  // run holds the device since.
  const std::string mode = file_prompt_before_ ? *file_prompt_before_ : file_prompt_mode();
  file_prompt_before_.reset();
  if (mode == kQuiet) return "";
  if (!settings_.auto_file_prompt) {
    throw Error(Failure::invalid,
                "the device lacks 'file prompt quiet' and --no-auto-file-prompt forbids adding "
                "it; the device is unchanged: configure 'file prompt quiet' or drop "
                "--no-auto-file-prompt");
  }
  // Owed from here until restored: every exit on the way says so if it fails.
  quiet_left_ = mode.empty() ? "no file prompt quiet" : mode;
  configure({std::string(kQuiet)});
  return quiet_left_;
}

std::string IosDriver::file_prompt_mode() {
  return file_prompt_line(run("show running-config | include file prompt"));
}

bool IosDriver::candidate_sets_quiet() const { return loaded_ && has_line(loaded_->text, kQuiet); }

bool IosDriver::restore_file_prompt(const std::string& line) {
  if (line.empty()) return true;
  try {
    configure({line});
    quiet_left_.clear();
    return true;
  } catch (const Error& e) {
    quiet_left_why_ = e.what();
    say("could not restore the file prompt mode ('" + line + "'): " + e.what());
    return false;
  }
}

void IosDriver::keep_quiet() { quiet_left_.clear(); }

Error IosDriver::with_leftovers(const Error& e) const {
  if (quiet_left_.empty()) return e;
  std::string why = quiet_left_why_.empty() ? "" : " (" + quiet_left_why_ + ")";
  return Error(e.failure(), std::string(e.what()) +
                                "; 'file prompt quiet' that iosctl added stays in the running "
                                "config" +
                                why + ": the next iosctl run on the device removes it, or type '" +
                                quiet_left_ + "' in configuration mode");
}

void IosDriver::configure(const std::vector<std::string>& lines) {
  const ConfigOutcome outcome = driver_.send_config(lines, {});
  if (outcome.error) {
    throw Error(Failure::invalid, "'" + lines[outcome.applied] + "' was rejected: " +
                                      outcome.error->line + ": the device is unchanged");
  }
}

}  // namespace iosctl::driver
