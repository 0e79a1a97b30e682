#pragma once

#include "iosctl/config/diff.h"
#include "iosctl/config/display.h"

#include <nlohmann/json.hpp>

#include <string>

namespace iosctl::config {

// Returns `diff` as one JSON document: {"changes": [{"sign", "path", "line",
// "source_line", "body"?}], "reordered": [{"path", "lines", "source_line"}],
// "summary": {"added", "removed", "reordered"}}. Secrets masked per `options`.
// Written by json_text, so it never fails on bytes that are not UTF-8.
std::string format_json(const ConfigDiff& diff, const DisplayOptions& options);

// The document format_json writes, to embed in another one.
nlohmann::json diff_json(const ConfigDiff& diff, const DisplayOptions& options);

}  // namespace iosctl::config
