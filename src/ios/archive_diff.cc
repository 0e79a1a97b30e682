#include "iosctl/ios/archive_diff.h"

#include <array>

namespace iosctl::ios {
namespace {

// The lines NAPALM's compare_config drops from the device's diff: the header
// (with or without the `!` of IOS 12.4), the no-change marker, and two lines
// that change on their own or that the driver itself adds around a replace.
constexpr std::array<std::string_view, 4> kDropped = {
    "Contextual Config Diffs", "No changes were found", "ntp clock-period", "file prompt quiet"};

bool dropped(std::string_view line) {
  for (std::string_view marker : kDropped) {
    if (line.find(marker) != std::string_view::npos) return true;
  }
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

std::string normalize_archive_diff(std::string_view output) {
  std::string kept;
  while (!output.empty()) {
    const std::size_t end = output.find('\n');
    std::string_view line = output.substr(0, end);
    output.remove_prefix(end == std::string_view::npos ? output.size() : end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (dropped(line)) continue;
    kept.append(line);
    kept.push_back('\n');
  }
  return kept;
}

}  // namespace iosctl::ios
