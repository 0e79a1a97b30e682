#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iosctl::cli {

// Shows `prompt` on the terminal and reads one line from standard input
// with echo off (termios); nullopt when standard input is not a terminal.
std::optional<std::string> read_secret_from_tty(std::string_view prompt);

}  // namespace iosctl::cli
