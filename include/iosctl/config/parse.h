#pragma once

#include "iosctl/config/config_tree.h"

#include <string_view>

namespace iosctl::config {

// Parses IOS configuration text into a tree by indentation: a line indented
// deeper than the line above it is that line's child, whatever the depth of
// the jump (IOS nests `    conform-action` under `  police`). CR before LF is
// dropped. Never throws: problems such as an unterminated banner are
// recorded in Config::problems.
Config parse_config(std::string_view text);

}  // namespace iosctl::config
