#include "iosctl/config/display.h"

#include "iosctl/config/redact.h"

namespace iosctl::config {

std::string displayed_line(std::string_view line, const DisplayOptions& options) {
  std::string shown = options.show_secrets ? std::string(line) : redact_secrets(line);
  for (std::size_t at = shown.find('\x03'); at != std::string::npos; at = shown.find('\x03', at)) {
    shown.replace(at, 1, "^C");
  }
  return shown;
}

std::string_view color_added(const DisplayOptions& options) {
  return options.color ? "\x1b[32m" : "";
}

std::string_view color_removed(const DisplayOptions& options) {
  return options.color ? "\x1b[31m" : "";
}

std::string_view color_header(const DisplayOptions& options) {
  return options.color ? "\x1b[36m" : "";
}

std::string_view color_reset(const DisplayOptions& options) {
  return options.color ? "\x1b[0m" : "";
}

}  // namespace iosctl::config
