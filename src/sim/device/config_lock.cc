#include "iosctl/sim/config_lock.h"

#include <array>
#include <chrono>

namespace iosctl::sim {
namespace {

// IOS shows process ids, not lines; a fixed offset keeps them distinct from
// the TTY numbers without pretending to be a real process table.
constexpr int kPidBase = 100;

bool exclusive_auto(const DeviceCore& device) {
  const std::string mode = device.running->value("configuration");
  return mode == "mode exclusive" || mode == "mode exclusive auto";
}

bool holds(const DeviceCore& device, const SessionState& session) {
  return device.config_lock && device.config_lock->tty == session.tty;
}

// The field layout of `show configuration lock` (Cisco's configuration
// locking guide): a label column, then ` : value`.
std::string field(std::string_view label, const std::string& value) {
  std::string line(label);
  line.resize(18, ' ');
  return line + ": " + value + "\n";
}

Reply show_configuration_lock(CommandContext& c) {
  std::string out = "\nParser Configure Lock\n---------------------\n";
  if (!c.device.config_lock) {
    return {out + field("Owner PID", "-1") + field("User", "unknown") + field("TTY", "-1") +
                field("Type", "NO LOCK") + field("State", "FREE") + field("Class", "unknown") +
                field("Count", "0") + field("Pending Requests", "0") +
                field("User debug info", "") + "\n",
            nullptr};
  }
  const ConfigLockOwner& owner = *c.device.config_lock;
  const auto held = std::chrono::duration_cast<std::chrono::seconds>(c.device.now() - owner.since);
  return {out + field("Owner PID", std::to_string(kPidBase + owner.tty)) +
              field("User", owner.user) + field("TTY", std::to_string(owner.tty)) +
              field("Type", "EXCLUSIVE") + field("State", "LOCKED") + field("Class", "EXPOSED") +
              field("Count", "1") + field("Pending Requests", "0") +
              field("User debug info", owner.command) +
              field("Lock active time (in Sec)", std::to_string(held.count())) + "\n",
          nullptr};
}

Reply configure_lock(CommandContext& c) { return enter_configuration_mode(c, true); }

constexpr std::array kHandlers = {
    HandlerEntry{"show-configuration-lock", show_configuration_lock},
    HandlerEntry{"configure-lock", configure_lock},
};

}  // namespace

// The refusal's wording is the one seen on a vty while another session held
// the lock (`... by user 'unknown' process '88' from terminal '0'. Please
// try later.`); iosim names the login user. What `configure replace` prints
// when locked was not found, so it prints the same line.
std::optional<std::string> refused_by_config_lock(const DeviceCore& device,
                                                  const SessionState& session) {
  if (!device.config_lock || holds(device, session)) return std::nullopt;
  const ConfigLockOwner& owner = *device.config_lock;
  return "Configuration mode locked exclusively by user '" + owner.user + "' process '" +
         std::to_string(kPidBase + owner.tty) + "' from terminal '" + std::to_string(owner.tty) +
         "'. Please try later.\n";
}

std::string take_config_lock(DeviceCore& device, const SessionState& session, bool asked) {
  if (!asked && !exclusive_auto(device)) return "";
  device.config_lock =
      ConfigLockOwner{session.tty, session.user,
                      asked ? "configure terminal lock" : "configure terminal", device.now()};
  return "Configuration mode locked exclusively. The lock will be cleared once you exit out of "
         "configuration mode using end/exit\n";
}

void release_config_lock(DeviceCore& device, const SessionState& session, bool session_gone) {
  if (holds(device, session) && (session_gone || session.frames.empty())) {
    device.config_lock.reset();
  }
}

Reply enter_configuration_mode(CommandContext& c, bool asked) {
  if (std::optional<std::string> refused = refused_by_config_lock(c.device, c.session)) {
    return {*refused, nullptr, true};
  }
  std::string out = take_config_lock(c.device, c.session, asked);
  c.session.frames.push_back({"config", {}});
  return {out + "Enter configuration commands, one per line.  End with CNTL/Z.\n", nullptr};
}

std::span<const HandlerEntry> config_lock_handlers() { return kHandlers; }

}  // namespace iosctl::sim
