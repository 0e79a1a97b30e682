#pragma once

#include <string>
#include <string_view>

namespace iosctl::config {

// How configuration text is shown to a user.
struct DisplayOptions {
  bool color = false;         // ANSI colours for added, removed and header lines
  bool show_secrets = false;  // print secrets instead of masking them
};

// Returns `line` as the user sees it: secrets masked unless asked for, and
// the ETX banner delimiter written `^C` as IOS displays it.
std::string displayed_line(std::string_view line, const DisplayOptions& options);

// ANSI colour sequences; empty when `options.color` is false.
std::string_view color_added(const DisplayOptions& options);
std::string_view color_removed(const DisplayOptions& options);
std::string_view color_header(const DisplayOptions& options);
std::string_view color_reset(const DisplayOptions& options);

}  // namespace iosctl::config
