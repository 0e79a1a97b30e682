#pragma once

#include "iosctl/sim/device_core.h"

#include <string_view>

namespace iosctl::sim {

// True when the device has an enable secret or password to check: a line in
// its running config or the lab's DeviceSetup::enable_secret.
bool has_enable_secret(const DeviceCore& device);

// True when `typed` is the enable secret: the running config's `enable
// secret` (type 0 or 9) or `enable password` (type 0); for a hash iosim did
// not make itself, also DeviceSetup::enable_secret, which the lab author knows.
bool enable_secret_matches(const DeviceCore& device, std::string_view typed);

}  // namespace iosctl::sim
