#include "iosctl/config/hostname.h"

namespace iosctl::config {

std::optional<std::string> hostname_of(std::string_view text) {
  static constexpr std::string_view kKeyword = "hostname ";
  std::optional<std::string> name;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    // Top level only: ` hostname` inside a block (a DHCP pool, say) is not the device's.
    if (line.starts_with(kKeyword) && line.size() > kKeyword.size()) {
      name = std::string(line.substr(kKeyword.size()));
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return name;
}

}  // namespace iosctl::config
