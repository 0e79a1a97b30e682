#pragma once

#include <optional>
#include <string_view>

namespace iosctl::util {

// Returns the truth `text` names: true, yes, on / false, no, off in any case
// (YAML 1.1's boolean words without the one-letter y/n), else nullopt. Every
// file and option iosctl and iosim read parses its booleans with this.
std::optional<bool> parse_bool(std::string_view text);

}  // namespace iosctl::util
