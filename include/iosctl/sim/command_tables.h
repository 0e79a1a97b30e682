#pragma once

#include <string>

namespace iosctl::sim {

// Returns the grammar of every mode iosim knows, EXEC and configuration, in
// the text format Grammar compiles (the format is described at its top).
std::string command_grammar_text();

// Returns the part of command_grammar_text() for the configuration
// sub-modes (`config-if`, `config-router`, ...).
std::string submode_grammar_text();

}  // namespace iosctl::sim
