#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace iosctl::dialog {

// How far into a reply the echo of a command is looked for; a reply with no
// echo in this many bytes (plus the command's length) is taken as echo-less.
inline constexpr std::size_t kEchoWindow = 4096;

// Returns the offset in `raw` (the device's bytes since `command` was sent)
// just past the line end of the command's echo; nullopt while the echo may
// still be arriving. Anything before the echo (a late prompt from an earlier
// exchange) lies before the returned offset. Tolerates the echo being
// wrapped with `\r`, ` \r` or `\n`, `\b` cursor moves, trailing spaces, and
// IOS's horizontal scrolling of long commands (a first line holding `\b`).
// Returns 0 when no echo shows up within kEchoWindow.
std::optional<std::size_t> find_echo_end(std::string_view raw, std::string_view command);

}  // namespace iosctl::dialog
