#include "iosctl/sim/revert_timer.h"

#include "iosctl/sim/config_replace.h"

#include <utility>

namespace iosctl::sim {

void arm_revert_timer(DeviceCore& device, std::string_view user, int minutes,
                      std::string backup_file, std::string backup_text) {
  RevertTimer timer;
  timer.backup_file = std::move(backup_file);
  timer.backup_text = std::move(backup_text);
  timer.user = std::string(user);
  timer.minutes = minutes;
  timer.configured = device.now();
  timer.deadline = timer.configured + device.simulated(std::chrono::minutes(minutes));
  device.revert_timer = std::move(timer);
}

// The revert is a replace back to the backup (IOS logs `Start rolling to:
// <file>`, napalm-ios #121), so a changed hostname comes back with it.
std::string revert_now(DeviceCore& device) {
  if (!device.revert_timer) return "";
  const RevertTimer timer = std::move(*device.revert_timer);
  device.revert_timer.reset();
  const ReplaceOutcome outcome = replace_running(device, timer.user, timer.backup_text, {});
  return outcome.status == ReplaceOutcome::Status::done ? "" : outcome.text;
}

void fire_due_timers(DeviceCore& device) {
  if (device.revert_timer && device.now() >= device.revert_timer->deadline) revert_now(device);
}

// No capture of this command's layout exists (IOS_BEHAVIOR.md 11); this one
// gives napalm's regexes (`Time configured.*?: `, `Timer type: `, `Timer
// value: `, `User: `) their values, and `Timer value: N min` is what
// napalm's own device tests look for.
std::string show_rollback_timer(const DeviceCore& device) {
  if (!device.revert_timer) return std::string(kNoRevertPending);
  const RevertTimer& t = *device.revert_timer;
  const auto left = std::max(t.deadline - device.now(), std::chrono::system_clock::duration(0));
  const double scale = device.setup.time_scale > 0 ? device.setup.time_scale : 1.0;
  const long seconds = static_cast<long>(
      std::chrono::duration_cast<std::chrono::duration<double>>(left).count() * scale + 0.5);
  return "Time configured(or reset): " + ios_time(t.configured) +
         "\nTimer type: absolute\nTimer value: " + std::to_string(t.minutes) +
         " min\nTime remaining: " + std::to_string(seconds / 60) + " min " +
         std::to_string(seconds % 60) + " sec\nArchive file: " + t.backup_file +
         "\nUser: " + t.user + "\n";
}

}  // namespace iosctl::sim
