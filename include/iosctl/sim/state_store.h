#pragma once

#include "iosctl/sim/device.h"

#include <filesystem>
#include <optional>
#include <string>

namespace iosctl::sim {

// One device's DeviceState kept in a folder (iosim --state-dir) so that it
// survives a restart: `running-config`, `startup-config` and `flash/<file>`.
class StateStore {
 public:
  explicit StateStore(std::filesystem::path dir);

  // Returns the state saved in the folder, or nullopt when none was saved.
  std::optional<DeviceState> load();
  // Writes what differs from the last load() or save(); every file is
  // replaced atomically. Returns an error text, or nullopt on success.
  std::optional<std::string> save(const DeviceState& state);

 private:
  std::filesystem::path dir_;
  DeviceState saved_;
};

// Returns flash file `name` as one safe file name (`%XX` for any byte but
// letters, digits, `.`, `_`, `-`, `+`, and for a leading `.`).
std::string encode_file_name(std::string_view name);
// Reverses encode_file_name.
std::string decode_file_name(std::string_view encoded);

}  // namespace iosctl::sim
