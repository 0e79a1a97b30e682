#pragma once

// The loaders read files, not text: targets that fuzz them write each input
// to one scratch file first.

#include <filesystem>
#include <string_view>

namespace iosctl::fuzz {

// Writes `input` to this process's scratch file named `name` (in the
// temporary folder, replaced on every call) and returns its path.
std::filesystem::path scratch_file(std::string_view name, std::string_view input);

}  // namespace iosctl::fuzz
