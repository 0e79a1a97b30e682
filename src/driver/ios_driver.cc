#include "iosctl/driver/ios_driver.h"

#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"
#include "iosctl/error.h"
#include "iosctl/ios/archive_diff.h"
#include "iosctl/ios/file_system.h"

#include <openssl/evp.h>

#include <array>
#include <utility>

namespace iosctl::driver {
namespace {

bool is_error(const config::Diagnostic& d) { return d.severity == config::Severity::error; }

}  // namespace

config::Repair checked_candidate(std::string_view text, std::string_view source_name,
                                 config::CandidateKind kind) {
  // ARCHITECTURE step 1: line endings, the final newline, certificate `quit`
  // lines and `^C` banner delimiters are repaired silently rather than
  // refused, since configure replace would otherwise mis-apply them.
  config::Repair repair = config::repair_candidate(text);
  for (const config::Diagnostic& d : config::check_candidate(repair.text, kind)) {
    if (is_error(d)) throw Error(Failure::invalid, config::format_diagnostic(source_name, d));
  }
  return repair;
}

std::string md5_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_md5(), nullptr) != 1) {
    throw Error(Failure::internal, "computing the candidate's MD5 digest failed (OpenSSL)");
  }
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
}

IosDriver::IosDriver(GenericDriver& driver, FileTransfer& transfer, DriverSettings settings,
                     std::function<void(std::string_view)> note)
    : driver_(driver),
      transfer_(transfer),
      settings_(std::move(settings)),
      note_(std::move(note)) {}

const LoadedCandidate& IosDriver::load_replace_candidate(std::string_view text,
                                                         std::string_view source_name) {
  return load(text, config::CandidateKind::replace, source_name);
}

const LoadedCandidate& IosDriver::load_merge_candidate(std::string_view text,
                                                       std::string_view source_name) {
  return load(text, config::CandidateKind::merge, source_name);
}

const LoadedCandidate& IosDriver::load(std::string_view text, config::CandidateKind kind,
                                       std::string_view source_name) {
  config::Repair repair = checked_candidate(text, source_name, kind);
  const std::string fs = discover_file_system(repair.text.size());
  LoadedCandidate c{kind,
                    std::move(repair.text),
                    std::move(repair.repaired),
                    fs,
                    device_path(kind == config::CandidateKind::merge ? settings_.files.merge
                                                                     : settings_.files.candidate),
                    false};
  if (settings_.scp_transfer) check_scp_server();
  const std::string local = md5_hex(c.text);
  // Like netmiko's FileTransfer, an identical file already on flash is not
  // copied again: the MD5 over the stored bytes proves it is the same.
  if (device_md5(c.path) == local) {
    say(c.path + " already holds the candidate (MD5 " + local + "), not copied again");
  } else {
    say("copying the candidate to " + c.path + " (" + std::to_string(c.text.size()) + " bytes)");
    transfer_.push(c.text, c.path);
    const std::optional<std::string> stored = device_md5(c.path);
    if (stored != local) {
      throw Error(Failure::invalid, c.path + " has MD5 " + stored.value_or("(none)") +
                                        " after the copy, the candidate has " + local +
                                        ": check free space on " + c.file_system +
                                        " and run again");
    }
    c.transferred = true;
  }
  loaded_ = std::move(c);
  return *loaded_;
}

std::string IosDriver::run(const std::string& command) {
  const CommandOutcome outcome = driver_.send_command(command);
  if (outcome.error) {
    throw Error(Failure::invalid, "'" + command + "' was rejected: " + *outcome.error);
  }
  return outcome.output;
}

const std::string& IosDriver::file_system() {
  if (!file_system_) discover_file_system(0);
  return file_system_->str();
}

ios::DevicePath IosDriver::device_path(const ios::FileName& name) {
  file_system();
  return ios::DevicePath(*file_system_, name);
}

std::string IosDriver::discover_file_system(std::size_t needed) {
  const std::optional<ios::FileSystem>& given = settings_.file_system;
  const std::string command = given ? "dir " + given->str() : std::string("dir");
  const CommandOutcome outcome = driver_.send_command(command);
  const std::optional<ios::DirListing> listing =
      outcome.error ? std::nullopt : ios::parse_dir(outcome.output);
  if (!listing) {
    if (given) {
      throw Error(Failure::invalid, "'" + command + "' did not list a file system: check " +
                                        "--dest-file-system (e.g. flash: or bootflash:)");
    }
    throw Error(Failure::invalid,
                "'dir' did not name a file system: give one with --dest-file-system");
  }
  // A name read from the device goes into later commands too: it must pass
  // the same rule as --dest-file-system.
  const std::optional<ios::FileSystem> found =
      given ? given : ios::FileSystem::from(listing->file_system);
  if (!found) {
    throw Error(Failure::invalid, "'dir' named the file system '" +
                                      ios::shown_value(listing->file_system) +
                                      "', which iosctl cannot use: give one with "
                                      "--dest-file-system (e.g. flash: or bootflash:)");
  }
  const std::string& fs = found->str();
  if (listing->free && *listing->free < needed) {
    throw Error(Failure::invalid, fs + " has " + std::to_string(*listing->free) +
                                      " bytes free but the candidate needs " +
                                      std::to_string(needed) + ": delete files from " + fs +
                                      " first");
  }
  file_system_ = found;
  return fs;
}

void IosDriver::check_scp_server() {
  // NAPALM checks the same line before it tries a transfer: without it the
  // device has no SCP server and the copy would fail obscurely.
  const std::string out = run("show running-config | include ip scp server enable");
  if (out.find("ip scp server enable") == std::string::npos) {
    throw Error(Failure::invalid,
                "SCP is not enabled on the device: configure 'ip scp server enable' (or use "
                "--inline-transfer) and run again");
  }
}

std::optional<std::string> IosDriver::device_md5(const ios::DevicePath& path) {
  const CommandOutcome outcome = driver_.send_command("verify /md5 " + path);
  if (outcome.error) return std::nullopt;  // a missing file: `%Error opening ...`
  return ios::parse_verify_md5(outcome.output);
}

Comparison IosDriver::compare_config() {
  if (!loaded_) throw Error(Failure::usage, "no candidate loaded: load one before comparing");
  Comparison result;
  if (loaded_->kind == config::CandidateKind::merge) {
    compare_merge(result);
  } else {
    result.device = ios::normalize_archive_diff(
        run("show archive config differences system:running-config " + loaded_->path));
  }
  result.running = driver_.get_config(ConfigSource::running, false);
  result.local = config::diff_configs(config::normalize(config::parse_config(result.running)),
                                      config::normalize(config::parse_config(loaded_->text)));
  if (loaded_->kind == config::CandidateKind::merge) {
    // A merge only adds lines; what the candidate lacks stays as it is.
    result.local.removed.clear();
    result.local.reordered.clear();
  }
  return result;
}

void IosDriver::compare_merge(Comparison& result) {
  // NAPALM's merge compare, with its two fallbacks (IOS_BEHAVIOR 6.4).
  const CommandOutcome outcome = driver_.send_command("show archive config incremental-diffs " +
                                                      loaded_->path + " ignorecase");
  const ios::IncrementalDiff diff =
      ios::parse_incremental_diff(outcome.error ? "% Invalid input detected" : outcome.output);
  switch (diff.kind) {
    case ios::IncrementalDiff::Kind::lines:
      result.device = diff.lines;
      return;
    case ios::IncrementalDiff::Kind::missing_end:
      throw Error(Failure::invalid, "the device cannot diff " + loaded_->path +
                                        " ('received error code 5'): end the merge file with a "
                                        "line 'end'");
    case ios::IncrementalDiff::Kind::unsupported:
      result.device = run("more " + loaded_->path);
      result.device_shows_file = true;
      return;
  }
}

ConfigState config_state(std::string_view running, std::string_view before,
                         std::string_view candidate, config::CandidateKind kind) {
  const auto tree = [](std::string_view text) {
    return config::normalize(config::parse_config(text));
  };
  const config::Config now = tree(running);
  const config::ConfigDiff to_candidate = config::diff_configs(now, tree(candidate));
  // A merge only adds: it is in place when nothing of it is missing.
  const bool on_candidate =
      kind == config::CandidateKind::merge ? to_candidate.added.empty() : to_candidate.empty();
  if (config::diff_configs(now, tree(before)).empty()) return ConfigState::original;
  return on_candidate ? ConfigState::candidate : ConfigState::neither;
}

void IosDriver::say(const std::string& line) const {
  if (note_) note_(line);
}

}  // namespace iosctl::driver
