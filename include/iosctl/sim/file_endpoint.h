#pragma once

#include "iosctl/sim/device_core.h"

#include <optional>
#include <string>
#include <string_view>

namespace iosctl::sim {

// What a file argument (`flash:x`, `running-config`, `null:`) names.
struct FileEndpoint {
  enum class Kind { running, startup, flash, null, unknown };
  Kind kind = Kind::unknown;
  std::string typed;  // as typed, for messages
  std::string fs;     // flash: the file-system prefix as typed, no colon
  std::string name;   // flash: the file name (may be empty: the file system itself)

  // The name IOS offers in `Destination filename [...]?`.
  std::string default_name() const;
};

// Returns what `typed` names on `device`. `system:running-config`,
// `system:/running-config` and `running-config` are the running config;
// `nvram:startup-config` and `startup-config` the startup config.
FileEndpoint resolve_endpoint(const DeviceCore& device, std::string_view typed);

// Returns the bytes `source` holds, or nullopt when it names no file.
std::optional<std::string> endpoint_bytes(const DeviceCore& device, const FileEndpoint& source);

// `%Error opening <typed> (No such file or directory)` and its newline.
std::string no_such_file(std::string_view typed);

// Returns the lowercase hex MD5 of `bytes`.
std::string md5_hex(std::string_view bytes);

}  // namespace iosctl::sim
