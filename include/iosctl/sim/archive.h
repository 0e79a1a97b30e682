#pragma once

#include "iosctl/sim/device_core.h"

#include <optional>
#include <string>

namespace iosctl::sim {

// The running config's `archive` block. IOS keeps archive copies only when
// it has a ` path` (IOS_BEHAVIOR.md 6.1).
struct ArchiveSettings {
  std::string path;           // ` path bootflash:archive`; `$h` is the hostname
  int maximum = 10;           // ` maximum N` (1-14); IOS's default is 10 (6.2)
  bool write_memory = false;  // ` write-memory`: `write memory` archives too
};

// Returns the archive settings, or nullopt when the archive is off.
std::optional<ArchiveSettings> archive_settings(const DeviceCore& device);

// A saved archive copy, or why there is none.
struct ArchiveWrite {
  std::string file;   // `bootflash:archive-Mar-11-14-27-51.000-0`
  std::string error;  // IOS's error line (with its newline); empty on success
};

// Saves the running config as the next archive copy on flash and lists it;
// the oldest copy goes when there are more than `maximum`.
ArchiveWrite archive_running(DeviceCore& device, const ArchiveSettings& settings);

// `show archive` (IOS_BEHAVIOR.md 6.2).
std::string show_archive(const DeviceCore& device);

// Finds the archive copies among the flash files again (after a restore).
void rebuild_archive_log(DeviceCore& device);

// What IOS says when a command needs the archive and it is off. The spec
// knows only its start (7.4); the rest of the sentence is ours.
inline constexpr std::string_view kArchiveOff =
    "%Please turn config archive on before using the rollback feature.\n";

}  // namespace iosctl::sim
