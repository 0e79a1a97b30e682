#pragma once

#include "iosctl/sim/command_context.h"

namespace iosctl::sim {

// `copy SRC DST` with the dialogs of the device's `file prompt` mode
// (IOS_BEHAVIOR.md 4.3): running-config to startup-config or a flash file,
// a file or startup-config merged into running-config, `null:` to a file.
Reply copy_command(CommandContext& c);

// `write memory`: saves the running config as the startup config, never asking.
Reply write_memory(CommandContext& c);

}  // namespace iosctl::sim
