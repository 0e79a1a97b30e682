#pragma once

#include "iosctl/cli/cli.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace iosctl::cli {

// Writes `doc` and a newline to `env.out` in one piece (config::json_text:
// never fails, bytes that are not UTF-8 escaped as \udcXX) and sets
// `env.json_printed`. Every --json document goes out through here.
void print_json(Env& env, const nlohmann::json& doc);

// The --json document of an error that ended a command before it printed
// its own: {"outcome", "exit_code", "error"}, `message` without the
// `iosctl: error: ` prefix.
nlohmann::json error_json(std::string_view message, int exit_code);

}  // namespace iosctl::cli
