#pragma once

#include "iosctl/sim/device.h"
#include "iosctl/sim/flash.h"
#include "iosctl/sim/grammar.h"
#include "iosctl/sim/rollback_state.h"
#include "iosctl/sim/running_config.h"

#include <chrono>
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::sim {

// `file prompt` modes (IOS_BEHAVIOR.md 4.3); alert is the default.
enum class FilePrompt { alert, noisy, quiet };

// When and by whom something changed (`... at 09:14:02 UTC Tue Nov 3 2026 by netops`).
struct ChangeStamp {
  std::chrono::system_clock::time_point when;
  std::string user;
};

// The session holding the exclusive configuration lock.
struct ConfigLockOwner {
  int tty = 0;
  std::string user;
  std::string command;  // what took it: `configure terminal` or `configure terminal lock`
  std::chrono::system_clock::time_point since;
};

// A device's state; callers hold DeviceShared::mutex while they use it.
struct DeviceCore {
  explicit DeviceCore(DeviceSetup device_setup);

  DeviceSetup setup;
  Grammar grammar;
  std::unique_ptr<RunningConfig> running;
  std::string startup;  // as `show startup-config` prints it; empty: none saved
  Flash flash;
  std::chrono::system_clock::time_point booted;
  std::optional<ChangeStamp> changed;   // last change of the running config
  std::optional<ChangeStamp> saved;     // last `write memory`
  bool dirty = false;                   // persistent state changed since the last notice
  bool enable_secret_set_here = false;  // `enable secret` was typed on this device

  ArchiveLog archive;                          // `show archive`'s list
  std::optional<ConfigLockOwner> config_lock;  // `configuration mode exclusive`
  int next_tty = 2;                            // the next session's line (0 con, 1 aux)
  std::optional<RevertTimer> revert_timer;     // a pending Rollback Confirmed Change
  std::vector<std::regex> rejected;            // setup.faults.reject_lines, compiled

  std::chrono::system_clock::time_point now() const;
  // Returns how long `minutes` of simulated time last on the device clock
  // (DeviceSetup::time_scale).
  std::chrono::system_clock::duration simulated(std::chrono::minutes minutes) const;
  // True when fault `reject_lines` makes config line `line` fail.
  bool rejects(std::string_view line) const;
  // The `hostname` line's name, `Router` without one.
  std::string hostname() const;
  FilePrompt file_prompt() const;
  // `16.12` on IOS-XE, `15.7` on IOS: the running config's `version` line.
  std::string version() const;
  // Records a running-config change by `user`.
  void config_changed(std::string_view user);
  // Replaces the running config with `text` (restore, startup at boot).
  void load_running(std::string_view text);

  // The running config as written to a file: `!`, the change comment, `!`,
  // then `version` through `end`, banner delimiters as ETX.
  std::string config_file_text() const;
  // The running config from `version` through `end`, delimiters shown as `^C`.
  std::string running_text() const;
  // All of `show running-config`'s output, header to the blank line after `end`.
  std::string show_running() const;
  // What `write memory` stores as the startup config.
  std::string startup_text_now() const;
};

// A device's lock, its state, and whom to tell about changes.
struct DeviceShared {
  explicit DeviceShared(DeviceSetup setup) : core(std::move(setup)) {}
  std::mutex mutex;
  DeviceCore core;
  std::function<void()> on_change;
};

// Returns `t` as IOS stamps it: `09:14:02 UTC Tue Nov 3 2026`.
std::string ios_time(std::chrono::system_clock::time_point t);
// Returns `text` with each ETX shown as `^C`, as `show running-config` does.
std::string show_etx(std::string_view text);

}  // namespace iosctl::sim
