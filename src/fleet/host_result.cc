#include "iosctl/fleet/host_result.h"

#include "iosctl/config/text.h"
#include "iosctl/exit_status.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace iosctl::fleet {
namespace {

// Mildest first; the index is the severity. A run's exit code reports the
// state it leaves behind: a device in an unknown state outranks one that
// never started, and a restored device outranks one never reached.
// An overlapped run changed nothing itself but met another change, so it
// outranks a plain refusal; a change left unsaved outranks a restored one.
constexpr std::array<int, 11> kSeverityOrder = {
    kExitOk,          kExitDifferences, kExitError,     kExitRejected,
    kExitUnreachable, kExitOverlapped,  kExitReverted,  kExitNotSaved,
    kExitInterrupted, kExitTerminated,  kExitUncertain,
};

constexpr std::array<std::string_view, 13> kOutcomeOrder = {
    "ok",          "no_changes",  "committed",  "changes",  "error",
    "rejected",    "unreachable", "overlapped", "reverted", "not_saved",
    "interrupted", "terminated",  "uncertain",
};

constexpr std::string_view kErrorPrefix = "iosctl: error: ";
constexpr std::string_view kWarningPrefix = "iosctl: warning:";

}  // namespace

std::string outcome_for_exit(int exit_code) {
  switch (exit_code) {
    case kExitOk:
      return "ok";
    case kExitDifferences:
      return "changes";
    case kExitRejected:
      return "rejected";
    case kExitReverted:
      return "reverted";
    case kExitUncertain:
      return "uncertain";
    case kExitUnreachable:
      return "unreachable";
    case kExitNotSaved:
      return "not_saved";
    case kExitOverlapped:
      return "overlapped";
    case kExitInterrupted:
      return "interrupted";
    case kExitTerminated:
      return "terminated";
    default:
      return "error";
  }
}

int exit_severity(int exit_code) {
  const auto found = std::find(kSeverityOrder.begin(), kSeverityOrder.end(), exit_code);
  if (found == kSeverityOrder.end()) return exit_severity(kExitError);
  return static_cast<int>(found - kSeverityOrder.begin());
}

int worst_exit_code(const std::vector<HostResult>& results) {
  int worst = 0;
  for (const HostResult& result : results) worst = std::max(worst, exit_severity(result.exit_code));
  return kSeverityOrder[static_cast<std::size_t>(worst)];
}

std::vector<std::pair<std::string, int>> count_outcomes(const std::vector<HostResult>& results) {
  std::vector<std::pair<std::string, int>> counts;
  for (std::string_view outcome : kOutcomeOrder) counts.emplace_back(outcome, 0);
  for (const HostResult& result : results) {
    auto found = std::find_if(counts.begin(), counts.end(),
                              [&](const auto& count) { return count.first == result.outcome; });
    if (found == counts.end()) found = counts.insert(counts.end(), {result.outcome, 0});
    ++found->second;
  }
  std::erase_if(counts, [](const auto& count) { return count.second == 0; });
  return counts;
}

bool is_warning_line(std::string_view line) { return line.starts_with(kWarningPrefix); }

std::string_view message_of(std::string_view line) {
  if (line.starts_with(kWarningPrefix))
    return config::trim_left(line.substr(kWarningPrefix.size()));
  if (line.starts_with(kErrorPrefix)) return line.substr(kErrorPrefix.size());
  return line;
}

std::string changes_text(const HostResult& result) {
  if (!result.added && !result.removed) return "-";
  return "+" + std::to_string(result.added.value_or(0)) + " -" +
         std::to_string(result.removed.value_or(0));
}

std::string seconds_text(double seconds) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.1f", seconds);
  return text.data();
}

std::string first_error_line(std::string_view errors) {
  for (std::string_view line : config::split_lines(errors)) {
    line = config::trim_right(line);
    if (line.empty() || is_warning_line(line)) continue;
    return std::string(message_of(line));
  }
  return "";
}

std::vector<std::string> warning_lines(std::string_view errors) {
  std::vector<std::string> warnings;
  for (std::string_view line : config::split_lines(errors)) {
    if (is_warning_line(line)) warnings.emplace_back(config::trim_right(message_of(line)));
  }
  return warnings;
}

std::pair<int, int> count_diff_lines(const std::string& contextual_diff) {
  // IOS puts the sign after the indentation (` +ip address ...`) and the
  // certificate's quit line as `  -\tquit`; its own remarks, including the
  // re-ordered section's markers, start with `!` in column one.
  int added = 0;
  int removed = 0;
  for (std::string_view line : config::split_lines(contextual_diff)) {
    if (line.starts_with('!')) continue;
    line = config::trim_left_ws(line);
    if (line.starts_with('+')) ++added;
    if (line.starts_with('-')) ++removed;
  }
  return {added, removed};
}

}  // namespace iosctl::fleet
