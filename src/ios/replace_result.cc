#include "iosctl/ios/replace_result.h"

#include "iosctl/ios/config_lock.h"

#include <sstream>

namespace iosctl::ios {
namespace {

bool has(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// IOS_BEHAVIOR 7.3/7.4: a failed line shows up either as
// `Failed to apply command <line>` (the line keeps its own indentation) or
// inside the `********` block after `The following commands are failed to apply`.
std::vector<std::string> failing_lines(std::string_view output) {
  static constexpr std::string_view kFailed = "Failed to apply command ";
  std::vector<std::string> lines;
  std::istringstream in{std::string(output)};
  std::string raw;
  int block = 0;  // 1: after the heading, 2: inside the starred block
  while (std::getline(in, raw)) {
    const std::string_view line = without_cr(raw);
    if (line.rfind(kFailed, 0) == 0) {
      lines.emplace_back(line.substr(kFailed.size()));
    } else if (has(line, "commands are failed to apply")) {
      block = 1;
    } else if (block > 0 && line.rfind("********", 0) == 0) {
      block = block == 1 ? 2 : 0;
    } else if (block == 2 && !line.empty()) {
      lines.emplace_back(line);
    }
  }
  return lines;
}

}  // namespace

ReplaceResult classify_replace(std::string_view output) {
  ReplaceResult result;
  if (has(output, "%Please turn config archive on")) {
    result.outcome = ReplaceOutcome::archive_off;
  } else if (refused_by_lock(output)) {
    result.outcome = ReplaceOutcome::locked;
  } else if (has(output, "is not a valid config file")) {
    result.outcome = ReplaceOutcome::invalid_file;
  } else if (has(output, "original configuration has been successfully restored")) {
    result.outcome = ReplaceOutcome::reverted;
  } else if (has(output, "Rollback aborted")) {
    result.outcome = ReplaceOutcome::aborted;
  } else if (has(output, "Rollback Done") && !has(output, "Failed to apply command")) {
    result.outcome = ReplaceOutcome::applied;
  }
  result.failing_lines = failing_lines(output);
  return result;
}

}  // namespace iosctl::ios
