#include "iosctl/dialog/device_error.h"

#include "iosctl/config/redact.h"

namespace iosctl::dialog {
namespace {

bool is_error_line(const PlatformProfile& profile, std::string_view line) {
  const std::size_t text = line.find_first_not_of(' ');
  if (text == std::string_view::npos) return false;
  const std::string_view trimmed = line.substr(text);
  for (const std::string& prefix : profile.error_prefixes) {
    if (trimmed.starts_with(prefix)) return true;
  }
  for (const std::string& fragment : profile.error_fragments) {
    if (line.find(fragment) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> find_device_error(const PlatformProfile& profile,
                                             std::string_view output) {
  std::size_t start = 0;
  while (start < output.size()) {
    std::size_t end = output.find('\n', start);
    if (end == std::string_view::npos) end = output.size();
    const std::string_view line = output.substr(start, end - start);
    // The error line may quote the command (`Failed to apply command ...`).
    if (is_error_line(profile, line)) {
      return config::redact_line(line.substr(line.find_first_not_of(' ')));
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace iosctl::dialog
