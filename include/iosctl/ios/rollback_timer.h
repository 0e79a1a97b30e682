#pragma once

#include <optional>
#include <string>
#include <string_view>

// Pure parser of `show archive config rollback timer` (IOS_BEHAVIOR.md 7.6).
namespace iosctl::ios {

// A Rollback Confirmed Change that the device will revert unless confirmed.
struct PendingCommit {
  std::string user;                 // who armed it (`User:`)
  std::optional<int> seconds_left;  // `Time remaining: M min S sec`; nullopt if not shown
  std::optional<int> minutes;       // `Timer value: N min`
  std::string archive_file;         // the config it reverts to (`Archive file:`)
};

// Returns the pending change `output` describes; nullopt when the device has
// none (`%No Rollback Confirmed Change pending`) or printed no `User:` line,
// the one field a confirm needs.
std::optional<PendingCommit> parse_rollback_timer(std::string_view output);

}  // namespace iosctl::ios
