#include "iosctl/ios/config_lock.h"

#include "iosctl/config/text.h"

namespace iosctl::ios {
namespace {

// The value of a `Label : value` line whose label is `label`; nullopt for
// another line. The column of the colon varies between releases.
std::optional<std::string_view> field(std::string_view line, std::string_view label) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  if (config::trim(line.substr(0, colon)) != label) return std::nullopt;
  return config::trim(line.substr(colon + 1));
}

}  // namespace

std::optional<ConfigLockHolder> parse_config_lock(std::string_view output) {
  bool in_parser_lock = false;
  ConfigLockHolder section;  // the fields of the section being read
  for (std::string_view line : config::split_lines(output)) {
    line = config::trim(line);
    if (line.find("Lock") != std::string_view::npos && line.find(':') == std::string_view::npos) {
      // A section heading: `Parser Configure Lock` or `Config Session Lock`.
      in_parser_lock = line == "Parser Configure Lock";
      section = {};
      continue;
    }
    if (!in_parser_lock) continue;
    // IOS prints User and TTY before State in each section.
    if (auto v = field(line, "User")) section.user = std::string(*v);
    if (auto v = field(line, "TTY")) section.tty = std::string(*v);
    if (auto v = field(line, "State"); v && *v == "LOCKED") return section;
  }
  return std::nullopt;
}

bool refused_by_lock(std::string_view output) {
  return output.find("Configuration mode locked exclusively by") != std::string_view::npos ||
         output.find("Configuration mode is locked by") != std::string_view::npos;
}

}  // namespace iosctl::ios
