#pragma once

#include "iosctl/sim/cli_session.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::sim {

enum class Platform { ios, iosxe };

class Grammar;

// Faults a device can be told to show (lab `faults`, iosim(1) FAULTS).
struct DeviceFaults {
  // Config lines (as typed, trimmed) matching one of these ECMAScript regexes
  // (a pattern that is no valid regex is a plain substring) always fail to
  // apply: in configuration mode, `copy FILE running-config` and replace.
  std::vector<std::string> reject_lines;
  bool flash_full = false;  // flash shows 0 bytes free and every write fails
  // Every `configure replace` with changes applies part of them, then the
  // session asks its server to drop the connection (CliSession::drop_requested).
  bool drop_during_replace = false;
};

// What a device starts from (one lab-file entry, less the transport settings).
struct DeviceSetup {
  std::string name;
  std::string hostname;  // empty: taken from the config's `hostname` line
  Platform platform = Platform::iosxe;
  std::string enable_secret;   // empty: no enable secret configured
  std::string running_config;  // configuration text
  std::string startup_config;
  std::string flash_name = "bootflash";   // `flash` or `bootflash`
  std::uint64_t flash_size = 8ull << 30;  // bytes
  // The device's clock (uptime, `dir` dates, `Last configuration change`);
  // empty: the system clock. Tests pass a fixed one.
  std::function<std::chrono::system_clock::time_point()> clock;
  // Simulated seconds per second of `clock` for revert timers: 60 makes a
  // `configure replace ... time 2` revert after 2 seconds. <= 0 counts as 1.
  double time_scale = 1.0;
  DeviceFaults faults;
  // The compiled command grammar (command_grammar_text()), shared read-only
  // by many devices; empty: the device compiles its own.
  std::shared_ptr<const Grammar> grammar;
};

// Everything about a device that persists (iosim --state-dir).
struct DeviceState {
  std::string running_config;
  std::string startup_config;
  std::map<std::string, std::string> files;  // flash file name -> bytes
};

// A simulated IOS / IOS-XE device: running and startup config, flash, and the
// command interpreter. Thread-safe: every public member locks the device, so
// the sessions of one device may run on different threads.
class Device {
 public:
  explicit Device(DeviceSetup setup);
  ~Device();
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  // Opens a CLI for `username` logged in at `privilege` (1 lands at `host>`,
  // 15 at `host#`).
  std::unique_ptr<CliSession> open_cli(std::string_view username, int privilege);

  std::string hostname() const;
  // The running configuration as `show running-config` prints it below its
  // header, from `version` (or the first line) through `end`.
  std::string running_config() const;
  std::string startup_config() const;

  // True when the running config has `ip scp server enable`.
  bool scp_enabled() const;
  // Returns the bytes of the flash file `path` names (`flash:/x`, `flash:x`,
  // `bootflash:/x`, ...), or nullopt when there is none.
  std::optional<std::string> read_file(std::string_view path) const;
  // Stores `bytes` at `path`. Returns an IOS error text (e.g. for a full
  // flash or an unknown file system) or nullopt on success.
  std::optional<std::string> write_file(std::string_view path, std::string bytes);

  // Fires what is due at the clock's now: a Rollback Confirmed Change whose
  // revert timer ran out restores its backup. Sessions also do this before
  // every input; the server calls it periodically so an idle device reverts.
  void tick();

  DeviceState state() const;
  // Puts back `state` exactly, running config included (a snapshot taken
  // with state()).
  void restore(const DeviceState& state);
  // Starts from `saved` as a reload would (iosim(1) RESTART): flash as saved,
  // the running config booted from the saved startup-config, and nothing that
  // lives only in memory: no revert timer, no config lock, no unsaved change.
  // Returns true when the running config in `saved` differed from what booted,
  // i.e. unsaved changes were lost.
  bool boot(const DeviceState& saved);
  // `on_change` is called (with the device unlocked) after every change to
  // the persistent state, so iosim --state-dir can save it.
  void set_on_change(std::function<void()> on_change);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iosctl::sim
