#pragma once

#include "iosctl/sim/device_core.h"

#include <string>
#include <string_view>

namespace iosctl::sim {

// Arms a Rollback Confirmed Change for `user` (IOS_BEHAVIOR.md 7.6): unless
// confirmed within `minutes` of simulated time, the device restores
// `backup_file`, whose bytes are `backup_text`.
void arm_revert_timer(DeviceCore& device, std::string_view user, int minutes,
                      std::string backup_file, std::string backup_text);

// Restores the pending change's backup at once and forgets the change.
// Returns what the replace printed when it did not come back cleanly, else "".
std::string revert_now(DeviceCore& device);

// Restores the backup when the revert timer has run out at device.now().
void fire_due_timers(DeviceCore& device);

// `show archive config rollback timer`; see revert_timer.cc for the layout.
std::string show_rollback_timer(const DeviceCore& device);

// What IOS says when there is no change to confirm or revert (seen on a
// real box for `show archive config rollback timer`).
inline constexpr std::string_view kNoRevertPending = "%No Rollback Confirmed Change pending\n";

// What a second confirmed change while one is pending gets; our wording.
inline constexpr std::string_view kRevertPending =
    "%Rollback Confirmed Change already pending: enter \"configure confirm\" or \"configure "
    "revert now\" first\n";

}  // namespace iosctl::sim
