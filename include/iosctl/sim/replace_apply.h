#pragma once

#include "iosctl/sim/device_core.h"
#include "iosctl/sim/replace_plan.h"

#include <string_view>

namespace iosctl::sim {

// How typing one replace command went.
enum class Applied {
  ok,
  skipped,  // a removal whose line an earlier command already took away
  failed,   // the device rejected the line (or a parent of it)
};

// Types `command` into `device` for `user` the way a replace does, through
// the device's own grammar: from global configuration mode its parent lines,
// then its line, then a banner's body lines; a `[confirm]` (`no username X`)
// is answered with Enter, as IOS asks nothing inside a replace.
Applied apply_command(DeviceCore& device, std::string_view user, const ReplaceCommand& command);

}  // namespace iosctl::sim
