#include "iosctl/ios/rollback_timer.h"

#include <regex>
#include <string>

namespace iosctl::ios {
namespace {

// The value after `label` on its line, trimmed; nullopt when no line has it.
// No capture of this command's layout is public (IOS_BEHAVIOR.md 11), so the
// labels are the ones NAPALM's own regexes look for, matched anywhere.
std::optional<std::string> field(const std::string& text, const std::string& label) {
  const std::regex line("(^|\\n)\\s*" + label + "\\s*:\\s*([^\\r\\n]*)", std::regex::icase);
  std::smatch m;
  if (!std::regex_search(text, m, line)) return std::nullopt;
  std::string value = m[2];
  while (!value.empty() && value.back() == ' ') value.pop_back();
  return value;
}

std::optional<int> leading_number(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  std::smatch m;
  if (!std::regex_search(*value, m, std::regex("^(\\d{1,6})"))) return std::nullopt;
  return std::stoi(m[1]);
}

std::optional<int> seconds(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  std::smatch m;
  if (!std::regex_search(*value, m, std::regex("(\\d{1,6}) min(?:\\s+(\\d{1,2}) sec)?"))) {
    return std::nullopt;
  }
  return std::stoi(m[1]) * 60 + (m[2].matched ? std::stoi(m[2]) : 0);
}

}  // namespace

std::optional<PendingCommit> parse_rollback_timer(std::string_view output) {
  const std::string text(output);
  if (text.find("No Rollback Confirmed Change pending") != std::string::npos) return std::nullopt;
  std::optional<std::string> user = field(text, "User");
  if (!user || user->empty()) return std::nullopt;
  PendingCommit pending;
  pending.user = *user;
  pending.seconds_left = seconds(field(text, "Time remaining"));
  pending.minutes = leading_number(field(text, "Timer value"));
  pending.archive_file = field(text, "Archive file").value_or("");
  return pending;
}

}  // namespace iosctl::ios
