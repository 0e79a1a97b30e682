#pragma once

#include "iosctl/dialog/profile.h"

#include <optional>
#include <string>
#include <string_view>

namespace iosctl::dialog {

// A command or config line the device refused.
struct DeviceError {
  std::string line;     // what we sent, secrets redacted: "logging 0255.255.1"
  std::string message;  // the device's error line: "% Invalid input detected at '^' marker."
};

// Returns the first line of `output` (LF lines) that `profile` calls an
// error: it starts (after leading spaces) with one of its error_prefixes or
// contains one of its error_fragments. nullopt if there is none.
std::optional<std::string> find_device_error(const PlatformProfile& profile,
                                             std::string_view output);

}  // namespace iosctl::dialog
