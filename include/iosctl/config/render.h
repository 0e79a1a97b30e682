#pragma once

#include "iosctl/config/config_tree.h"

#include <string>

namespace iosctl::config {

// Returns the configuration as written: every line verbatim, trivia kept,
// LF line endings, a final newline. render(parse_config(t)) == t for a file
// with LF endings and a final newline.
std::string render(const Config& config);

// Returns the configuration as compared: no trivia, one space of indentation
// per level, no trailing whitespace (multi-line units keep their body lines).
std::string render_canonical(const Config& config);

}  // namespace iosctl::config
