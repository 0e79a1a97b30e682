#pragma once

#include "iosctl/config/check.h"
#include "iosctl/config/diagnostic.h"
#include "iosctl/config/diff.h"
#include "iosctl/driver/file_transfer.h"
#include "iosctl/driver/generic_driver.h"
#include "iosctl/ios/device_args.h"
#include "iosctl/ios/incremental_diff.h"
#include "iosctl/ios/merge_result.h"
#include "iosctl/ios/replace_result.h"
#include "iosctl/ios/rollback_timer.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::driver {

// The files IosDriver keeps on the device, named as NAPALM names them.
struct DeviceFiles {
  ios::FileName candidate{"candidate_config.txt", "candidate"};  // a replace's candidate
  ios::FileName merge{"merge_config.txt", "merge"};              // a merge's lines
  ios::FileName rollback{"rollback_config.txt", "rollback"};     // the checkpoint before a commit
};

// How IosDriver works with one device.
struct DriverSettings {
  std::optional<ios::FileSystem> file_system;  // `flash:`; nullopt: discovered with `dir`
  DeviceFiles files;
  // NAPALM's auto_file_prompt: add `file prompt quiet` for the file
  // operations; false: the device must already have it.
  bool auto_file_prompt = true;
  std::string username;      // the login user: a pending commit of another user is refused
  bool scp_transfer = true;  // false: files go through tclsh; `ip scp server enable` not needed
  // Receives warnings about the change before it is made (known risky
  // transitions); may be empty.
  std::function<void(std::string_view)> warn;
};

// A candidate stored on the device.
struct LoadedCandidate {
  config::CandidateKind kind = config::CandidateKind::replace;
  std::string text;                          // the bytes stored, after automatic repairs
  std::vector<config::Diagnostic> repaired;  // what was repaired on the way
  std::string file_system;                   // `bootflash:`
  ios::DevicePath path;                      // `bootflash:/candidate_config.txt`
  bool transferred = false;                  // false: the device already had these bytes
};

// What compare_config found, from both points of view.
struct Comparison {
  std::string device;        // the device's diff, normalised; empty: no change
  config::ConfigDiff local;  // iosctl's diff of the normalised running config and candidate
  std::string running;       // the running config the local diff read
  // A merge on a device without incremental-diffs: `device` is the merge
  // file itself (NAPALM's fallback), not a diff.
  bool device_shows_file = false;
};

// When a commit, confirm or rollback saves the running config (`write memory`).
enum class SavePolicy { always, never, changed };

// How commit_config changes the device.
struct CommitOptions {
  bool auto_rollback = true;              // restore the original config on any failing line
  SavePolicy save = SavePolicy::changed;  // save after a successful commit
  std::chrono::milliseconds replace_timeout{std::chrono::minutes(10)};  // replace or merge copy
  int confirm_minutes = 0;  // > 0: the device reverts unless confirmed within this many minutes
};

// What a successful commit_config did.
struct CommitResult {
  Comparison comparison;         // the differences that were committed
  bool changed = false;          // false: nothing to commit, the device was not touched
  bool saved = false;            // `write memory` ran
  bool pending_confirm = false;  // the device's revert timer runs until confirm_commit
  std::string prompt;            // the prompt after the change (the hostname may have changed)
};

// How rollback restored the device.
enum class RollbackKind { revert_timer, checkpoint };

// What a successful rollback did.
struct RollbackResult {
  RollbackKind kind = RollbackKind::checkpoint;
  std::string source;  // the archive file or checkpoint the device went back to
  bool saved = false;
};

// NAPALM's ios driver operations on an open GenericDriver: load, compare,
// commit (replace or merge, optionally confirmed), confirm, rollback, discard.
class IosDriver {
 public:
  // Works on `driver`, copying files with `transfer` (both must outlive
  // this); `note` receives progress lines (may be empty).
  IosDriver(GenericDriver& driver, FileTransfer& transfer, DriverSettings settings = {},
            std::function<void(std::string_view)> note = {});

  // Checks `text` offline (repairing what is repairable), then checks the
  // device's prerequisites and stores it as the replace candidate (or the
  // merge file) unless the same bytes are already there. Throws
  // Error{invalid} naming the fix before anything is sent when the text has
  // an error, and before any transfer when a prerequisite is missing.
  const LoadedCandidate& load_replace_candidate(std::string_view text,
                                                std::string_view source_name = "candidate");
  const LoadedCandidate& load_merge_candidate(std::string_view text,
                                              std::string_view source_name = "candidate");
  // Compares the running config with the loaded candidate. Throws
  // Error{usage} if none was loaded, Error{invalid} if the device refuses.
  Comparison compare_config();
  // Commits the loaded candidate after a checkpoint (`<fs>/rollback_config.txt`),
  // then saves per `options` (never while a revert timer runs). Returns
  // changed=false without touching the device when there is no difference.
  // Throws Error{invalid} when refused before any change (a pending
  // confirmed commit included), Error{reverted} when the original config
  // was restored, Error{uncertain} when the device is partly changed or its
  // state is unknown (replace_interrupted() then tells whether the
  // connection was lost mid-change).
  CommitResult commit_config(const CommitOptions& options);
  // The device's pending confirmed commit, if any.
  std::optional<ios::PendingCommit> pending_commit();
  // Confirms this user's pending commit, then saves per `save`; returns
  // whether it saved. Throws Error{invalid} when nothing is pending or the
  // pending commit is another user's.
  bool confirm_commit(SavePolicy save);
  // Undoes the last commit: a pending confirmed commit by `configure revert
  // now`, else by replacing with the checkpoint. Throws as commit_config;
  // Error{invalid} when there is no checkpoint.
  RollbackResult rollback(const CommitOptions& options);
  // Deletes the candidate and merge files from the device; returns the
  // paths that were there.
  std::vector<std::string> discard_config();

  // The lines the last change failed to apply.
  const std::vector<std::string>& failing_lines() const { return failing_lines_; }
  // The last commit_config's comparison; nullopt if it failed before comparing.
  const std::optional<Comparison>& last_comparison() const { return last_comparison_; }
  // True when the last commit lost the connection (or timed out) mid-change.
  bool replace_interrupted() const { return interrupted_; }
  // The loaded candidate; nullopt before a load.
  const std::optional<LoadedCandidate>& loaded() const { return loaded_; }
  // The file system holding iosctl's files (discovered on first use).
  const std::string& file_system();
  // True when `path` (`bootflash:/rollback_config.txt`) exists on the device.
  bool file_exists(const ios::DevicePath& path) { return device_md5(path).has_value(); }
  // `name` on the file system holding iosctl's files.
  ios::DevicePath device_path(const ios::FileName& name);

 private:
  const LoadedCandidate& load(std::string_view text, config::CandidateKind kind,
                              std::string_view source_name);
  void compare_merge(Comparison& result);
  std::string run(const std::string& command);
  std::string discover_file_system(std::size_t needed);
  void check_scp_server();
  std::optional<std::string> device_md5(const ios::DevicePath& path);
  void configure(const std::vector<std::string>& lines);
  // File prompts (ARCHITECTURE step 7): makes the device quiet; returns the
  // line that restores its mode ("" when nothing needs restoring).
  std::string quiet_file_prompt();
  void restore_file_prompt(const std::string& line);
  // The device's `file prompt ...` line; "" in the default (alert) mode.
  std::string file_prompt_mode();
  void refuse_pending_commit();
  // Throws Error{invalid} while another session holds the configuration lock.
  void refuse_config_lock();
  void warn_risky_transitions() const;
  void take_checkpoint();
  ios::ReplaceResult replace(const ios::DevicePath& path, const CommitOptions& options);
  void merge(const CommitOptions& options);
  void arm_revert_timer(int minutes);
  [[noreturn]] void undo_failed_merge(const CommitOptions& options);
  bool save_if(SavePolicy save, bool changed);
  [[noreturn]] void fail(const ios::ReplaceResult& result, const ios::DevicePath& path);
  [[noreturn]] void interrupted(const Error& e);
  ios::DevicePath checkpoint_path();
  void say(const std::string& line) const;

  GenericDriver& driver_;
  FileTransfer& transfer_;
  DriverSettings settings_;
  std::function<void(std::string_view)> note_;
  std::optional<ios::FileSystem> file_system_;
  std::optional<LoadedCandidate> loaded_;
  std::vector<std::string> failing_lines_;
  std::optional<Comparison> last_comparison_;
  bool interrupted_ = false;
};

// Returns `text` with its automatic repairs applied, or throws
// Error{invalid} with the first error found in it, named as `source_name`.
config::Repair checked_candidate(std::string_view text, std::string_view source_name,
                                 config::CandidateKind kind = config::CandidateKind::replace);

// Returns the lowercase hex MD5 digest of `bytes`.
std::string md5_hex(std::string_view bytes);

// Which config a device is on after a change was interrupted.
enum class ConfigState { original, candidate, neither };

// Compares `running` (read after the interruption) with the config before
// the change and with the candidate (a replace's or a merge's), all normalised.
ConfigState config_state(std::string_view running, std::string_view before,
                         std::string_view candidate, config::CandidateKind kind);

}  // namespace iosctl::driver
