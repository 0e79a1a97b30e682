#pragma once

#include <chrono>
#include <string>
#include <vector>

// What a device remembers about its configuration archive and a pending
// Rollback Confirmed Change (IOS_BEHAVIOR.md 6, 7.6). Plain data; the
// behaviour is in archive.h and revert_timer.h.
namespace iosctl::sim {

// The archive copies saved so far, oldest first, and the next copy's number.
struct ArchiveLog {
  std::vector<std::string> files;  // full names: `bootflash:archive-Mar-11-14-27-51.000-0`
  int next = 0;                    // IOS keeps counting across saves (6.1)
};

// A Rollback Confirmed Change waiting for `configure confirm`.
struct RevertTimer {
  std::string backup_file;  // the archive copy it restores
  std::string backup_text;  // that copy's bytes, so a deleted file still reverts
  std::string user;         // who armed it (`User:` in `show archive config rollback timer`)
  int minutes = 0;          // the timer value as typed
  std::chrono::system_clock::time_point configured;  // when armed or last reset
  std::chrono::system_clock::time_point deadline;    // when it fires, on the device clock
};

}  // namespace iosctl::sim
