#pragma once

#include "iosctl/config/diff.h"
#include "iosctl/config/display.h"

#include <string>

namespace iosctl::config {

// Returns `diff` as one JSON document: {"changes": [{"sign", "path", "line",
// "source_line", "body"?}], "reordered": [{"path", "lines", "source_line"}],
// "summary": {"added", "removed", "reordered"}}. Secrets masked per `options`.
std::string format_json(const ConfigDiff& diff, const DisplayOptions& options);

}  // namespace iosctl::config
