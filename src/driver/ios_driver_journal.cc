// IosDriver's run journal on the device's flash (man iosctl(1), GUARANTEES):
// one run at a time writes iosctl's files, and a dead run's leftovers are
// found and repaired by the next.

#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"

#include <chrono>

namespace iosctl::driver {
namespace {

constexpr std::string_view kQuiet = "file prompt quiet";

// The line that sets `mode` (`""`: alert, the default) back.
std::string restoring_line(const std::string& mode) {
  return mode.empty() ? "no file prompt quiet" : mode;
}

std::int64_t seconds(std::chrono::milliseconds timeout) {
  return std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
}

}  // namespace

ios::DirListing IosDriver::list_files() {
  const std::string command = "dir " + file_system();
  const CommandOutcome outcome = driver_.send_command(command);
  std::optional<ios::DirListing> listing =
      outcome.error ? std::nullopt : ios::parse_dir(outcome.output);
  if (!listing) {
    throw Error(Failure::invalid, "'" + command + "' did not list the file system: run again");
  }
  listing_ = listing;
  return *listing;
}

std::vector<IosDriver::RunOnDevice> IosDriver::other_runs() {
  const ios::DirListing listing = listing_ ? *listing_ : list_files();
  listing_.reset();  // used once: the next claim step lists again
  std::vector<RunOnDevice> runs;
  for (const std::string& name : listing.files) {
    if (!is_journal_file_name(name)) continue;
    const ios::DevicePath path(*file_system_, ios::FileName(name, "journal"));
    if (journal_path_ && path == *journal_path_) continue;
    RunOnDevice other{path, std::nullopt, false};
    const CommandOutcome shown = driver_.send_command("more " + path);
    if (!shown.error) other.journal = parse_journal(shown.output);
    other.stale = other.journal && journal_is_stale(*other.journal, settings_.identity);
    runs.push_back(std::move(other));
  }
  return runs;
}

void IosDriver::claim_device(std::string_view operation) {
  if (!journaling() || journal_) return;
  file_system();
  // Two runs that list the flash at the same moment both write a journal;
  // each then sees the other's and steps back, so neither changes anything.
  // Stepping back and trying again breaks the tie in practice: the runs'
  // timings differ by their round trips.
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    for (const RunOnDevice& other : other_runs()) {
      if (!other.stale) refuse_overlap(other);
      repair_after(other);
    }
    write_own_journal(operation);
    std::optional<RunOnDevice> rival;
    for (RunOnDevice& other : other_runs()) {
      if (!other.stale) rival = std::move(other);
    }
    if (!rival) return;
    release_device();
    if (attempt == kAttempts) refuse_overlap(*rival);
  }
}

void IosDriver::write_own_journal(std::string_view operation) {
  const RunIdentity& self = settings_.identity;
  RunJournal j;
  j.run_id = self.run_id;
  j.operation = std::string(operation);
  j.phase = "prepare";
  j.user = settings_.username;
  j.machine = self.machine;
  j.pid = self.pid;
  j.started = self.now ? self.now() : 0;
  j.expires = j.started + journal_lease_seconds(0);
  file_prompt_before_ = file_prompt_mode();
  j.file_prompt = *file_prompt_before_;
  j.checkpoint = checkpoint_path().str();
  journal_path_ = device_path(ios::FileName(journal_file_name(j.run_id), "journal"));
  journal_ = j;
  say("writing the run journal " + *journal_path_);
  write_journal();
}

void IosDriver::write_journal() { transfer_.push(format_journal(*journal_), *journal_path_); }

void IosDriver::set_journal_phase(std::string_view phase,
                                  std::chrono::milliseconds replace_timeout) {
  if (!journal_) return;
  journal_->phase = std::string(phase);
  if (loaded_) journal_->candidate = loaded_->path.str();
  const std::int64_t now = settings_.identity.now ? settings_.identity.now() : 0;
  journal_->expires = now + journal_lease_seconds(seconds(replace_timeout));
  write_journal();
}

void IosDriver::refuse_overlap(const RunOnDevice& other) {
  if (!other.journal) {
    throw Error(Failure::overlapped,
                "another run's journal " + other.path +
                    " cannot be read (a copy cut short?); the device is unchanged by this "
                    "run: run again, or delete it with 'iosctl discard' if no other run is in "
                    "progress");
  }
  throw Error(Failure::overlapped,
              "another run is using the device: " + describe_run(*other.journal) +
                  "; the device is unchanged by this run: run again when it has ended (a run "
                  "that died on another machine is taken as ended when its journal " +
                  other.path + " expires)");
}

void IosDriver::repair_after(const RunOnDevice& other) {
  if (!other.journal) return;
  const RunJournal& dead = *other.journal;
  std::string repaired = "the interrupted " + describe_run(dead);
  if (dead.phase == "change") repaired += " (it may have changed the running config)";
  // Only the mode the dead run recorded is restored: a device that had
  // quiet mode before that run keeps it.
  if (dead.file_prompt != kQuiet && file_prompt_mode() == kQuiet) {
    configure({restoring_line(dead.file_prompt)});
    repaired += ": restored '" + restoring_line(dead.file_prompt) + "' (it left quiet mode)";
  }
  run("delete /force " + other.path);
  repairs_.push_back(repaired + "; removed its journal " + other.path.str());
  if (settings_.warn) settings_.warn("repaired after " + repairs_.back());
}

void IosDriver::release_device() noexcept {
  if (!journal_path_) return;
  // The journal is the record of quiet mode iosctl could not remove.
  if (quiet_left_.empty()) {
    try {
      run("delete /force " + *journal_path_);
    } catch (...) {
      // The connection is gone: the next run finds the journal stale.
    }
  }
  journal_.reset();
  journal_path_.reset();
}

}  // namespace iosctl::driver
