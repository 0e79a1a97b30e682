#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/device_commands.h"
#include "iosctl/driver/connection.h"

namespace iosctl::cli {

// Returns the connection `flags` ask for: defaults, then the connection
// options file, then each --option, then the dedicated flags (--host wins
// over a host in the options). The password comes from --password (warned
// about), --password-env, the options, or a no-echo prompt when standard
// input is a terminal. Throws Error{usage} naming the fix for bad input.
driver::Connection resolve_connection(const DeviceFlags& flags, Env& env);

}  // namespace iosctl::cli
