#pragma once

#include "iosctl/sim/command_context.h"
#include "iosctl/sim/device_core.h"

#include <optional>
#include <span>
#include <string>

// The exclusive configuration lock (`configuration mode exclusive`,
// `configure terminal lock`, `show configuration lock`): one session holds
// it while it is in configuration mode, and every other session's attempt to
// change the running config is refused until it leaves.
namespace iosctl::sim {

// The refusal another session sees while `session` does not hold the lock
// and someone else does; nullopt when `session` may change the config.
std::optional<std::string> refused_by_config_lock(const DeviceCore& device,
                                                  const SessionState& session);

// Takes the lock for `session` when it enters configuration mode: always
// for `configure terminal lock`, else only when the running config has
// `configuration mode exclusive auto`. Returns the line IOS prints on
// taking it, or "".
std::string take_config_lock(DeviceCore& device, const SessionState& session, bool asked);

// Frees the lock when `session` holds it and is back in EXEC or gone.
void release_config_lock(DeviceCore& device, const SessionState& session, bool session_gone);

// `configure terminal` (and `... lock` when `asked`): refused while another
// session holds the lock, else enters configuration mode, taking the lock
// when asked or when the device locks automatically.
Reply enter_configuration_mode(CommandContext& c, bool asked);

// Handlers of `configure terminal lock` and `show configuration lock`.
std::span<const HandlerEntry> config_lock_handlers();

}  // namespace iosctl::sim
