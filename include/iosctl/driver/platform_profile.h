#pragma once

#include "iosctl/dialog/profile.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::driver {

// Returns the profile of device type `name`: cisco_ios, cisco_xe, cisco_nxos,
// cisco_xr, arista_eos, juniper_junos or nokia_sros (MD-CLI); nullopt if unknown.
std::optional<dialog::PlatformProfile> find_platform_profile(std::string_view name);

// Returns the profile of device type `name`; throws Error{Failure::usage}
// listing the known device types if there is none.
dialog::PlatformProfile platform_profile(std::string_view name);

// Returns the device types that have a profile, in the order listed above.
std::vector<std::string> platform_names();

}  // namespace iosctl::driver
