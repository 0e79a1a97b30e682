#pragma once

#include "iosctl/sim/grammar.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace iosctl::sim {

// `% Incomplete command.` and the empty line after it (IOS_BEHAVIOR.md 8).
inline constexpr std::string_view kIncomplete = "% Incomplete command.\n\n";

// What IOS prints for a single unknown word in EXEC, which it takes for a
// host to telnet to (CSR1000v 16.12 with DNS lookup off).
inline constexpr std::string_view kUnknownHost =
    "% Bad IP address or host name% Unknown command or computer name, or unable to find "
    "computer address\n";

// Returns the caret line under `column` of the screen (prompt included), the
// invalid-input message and an empty line.
std::string invalid_input(std::size_t column);
// Returns `% Ambiguous command:  "typed"` (two spaces) and its newline.
std::string ambiguous_command(std::string_view typed);
// Returns the error text for a failed `match` of `line` typed after a
// prompt of `prompt_size` characters.
std::string match_error(const Match& match, std::string_view line, std::size_t prompt_size);

}  // namespace iosctl::sim
