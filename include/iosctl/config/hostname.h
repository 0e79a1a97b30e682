#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iosctl::config {

// The name a config's top-level `hostname NAME` line gives; nullopt without
// one. The last such line wins, as it does when IOS applies the file.
std::optional<std::string> hostname_of(std::string_view config_text);

}  // namespace iosctl::config
