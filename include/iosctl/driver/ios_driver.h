#pragma once

#include "iosctl/config/check.h"
#include "iosctl/config/diagnostic.h"
#include "iosctl/config/diff.h"
#include "iosctl/driver/file_transfer.h"
#include "iosctl/driver/generic_driver.h"
#include "iosctl/ios/replace_result.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::driver {

// The file name the candidate is stored under, as NAPALM names it.
inline constexpr std::string_view kCandidateFile = "candidate_config.txt";

// How load_replace_candidate places the candidate.
struct ReplaceOptions {
  std::string source_name = "candidate";   // names the candidate in messages
  std::optional<std::string> file_system;  // `flash:`; nullopt: discovered with `dir`
};

// A candidate stored on the device.
struct LoadedCandidate {
  std::string text;                          // the bytes stored, after automatic repairs
  std::vector<config::Diagnostic> repaired;  // what was repaired on the way
  std::string file_system;                   // `bootflash:`
  std::string path;                          // `bootflash:/candidate_config.txt`
  bool transferred = false;                  // false: the device already had these bytes
};

// What compare_config found, from both points of view.
struct Comparison {
  std::string device;        // the device's diff, normalised; empty: no change
  config::ConfigDiff local;  // iosctl's diff of the normalised running config and candidate
  std::string running;       // the running config the local diff read
};

// The file name of the checkpoint commit_config takes before it replaces.
inline constexpr std::string_view kRollbackFile = "rollback_config.txt";

// When commit_config saves the running config (`write memory`).
enum class SavePolicy { always, never, changed };

// How commit_config replaces.
struct CommitOptions {
  bool auto_rollback = true;              // `revert trigger error`: restore on any failure
  SavePolicy save = SavePolicy::changed;  // save after a successful commit
  std::chrono::milliseconds replace_timeout{std::chrono::minutes(10)};  // for the replace
};

// What a successful commit_config did.
struct CommitResult {
  Comparison comparison;  // the differences that were committed
  bool changed = false;   // false: nothing to commit, the device was not touched
  bool saved = false;     // `write memory` ran
  std::string prompt;     // the prompt after the replace (the hostname may have changed)
};

// NAPALM-style config replace steps for IOS / IOS-XE on an open GenericDriver.
class IosDriver {
 public:
  // Works on `driver`, copying files with `transfer` (both must outlive
  // this); `note` receives progress lines (may be empty).
  IosDriver(GenericDriver& driver, FileTransfer& transfer,
            std::function<void(std::string_view)> note = {});

  // Checks `text` offline (repairing what is repairable), then checks the
  // device's prerequisites and stores the candidate unless it is already
  // there. Throws Error{invalid} naming the fix before anything is sent when
  // the candidate has an error, and before any transfer when a prerequisite
  // is missing.
  const LoadedCandidate& load_replace_candidate(std::string_view text,
                                                const ReplaceOptions& options);
  // Compares the running config with the loaded candidate. Throws
  // Error{usage} if no candidate was loaded, Error{invalid} if the device
  // refuses the diff command.
  Comparison compare_config();
  // Commits the loaded candidate by configure replace, after a checkpoint
  // (`<fs>/rollback_config.txt`), then saves per `options`. Returns
  // changed=false without touching the device when there is no difference.
  // Throws Error{invalid} when the device refused before any change,
  // Error{reverted} when it restored its original config, Error{uncertain}
  // when the replace aborted part way, printed nothing known or timed out.
  CommitResult commit_config(const CommitOptions& options);
  // The lines the last commit_config's replace failed to apply.
  const std::vector<std::string>& failing_lines() const { return failing_lines_; }
  // The last commit_config's comparison; nullopt if it failed before comparing.
  const std::optional<Comparison>& last_comparison() const { return last_comparison_; }

 private:
  // Sends `command`; throws Error{invalid} if the device rejects it.
  std::string run(const std::string& command);
  // Returns `flash:`-style file system with `needed` bytes free, or throws Error{invalid}.
  std::string discover_file_system(const ReplaceOptions& options, std::size_t needed);
  // Throws Error{invalid} naming `ip scp server enable` when it is not configured.
  void check_scp_server();
  // Returns the device's MD5 of `path`; nullopt when the file is missing.
  std::optional<std::string> device_md5(const std::string& path);
  // Adds `file prompt quiet` unless present; true when it was added.
  bool ensure_file_prompt_quiet();
  // Sends config lines `lines`; throws Error{invalid} if one is rejected.
  void configure(const std::vector<std::string>& lines);
  // File prompts, checkpoint, replace, file prompts restored; the replace's result.
  ios::ReplaceResult checkpoint_and_replace(const CommitOptions& options);
  // Runs the configure replace and returns its classified output.
  ios::ReplaceResult replace(const CommitOptions& options);
  // Throws the Error that `result` (not applied) maps to.
  [[noreturn]] void fail(const ios::ReplaceResult& result) const;
  // Passes a progress line to note_, if any.
  void say(const std::string& line) const;

  GenericDriver& driver_;
  FileTransfer& transfer_;
  std::function<void(std::string_view)> note_;
  std::optional<LoadedCandidate> loaded_;
  std::vector<std::string> failing_lines_;
  std::optional<Comparison> last_comparison_;
};

// Returns `text` with its automatic repairs applied, or throws
// Error{invalid} with the first error found in it, named as `source_name`.
config::Repair checked_candidate(std::string_view text, std::string_view source_name);

// Returns the lowercase hex MD5 digest of `bytes`.
std::string md5_hex(std::string_view bytes);

}  // namespace iosctl::driver
