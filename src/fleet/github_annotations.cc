#include "iosctl/config/text.h"
#include "iosctl/exit_status.h"
#include "iosctl/fleet/reports.h"

namespace iosctl::fleet {
namespace {

// GitHub's workflow commands end at a newline and decode %XX in the message
// (actions/toolkit, core/src/command.ts: escapeData); a property value also
// ends at `,` and its name at `:`, so those are escaped there too.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

// The lines of `errors` (all, or only the warnings) joined by LF, without
// blank lines, the final newline or the `iosctl: error: ` / `iosctl:
// warning: ` prefix (the annotation's title names iosctl already).
std::string joined_lines(std::string_view errors, bool warnings_only) {
  std::string text;
  for (std::string_view line : config::split_lines(errors)) {
    if (config::trim(line).empty()) continue;
    if (warnings_only && !is_warning_line(line)) continue;
    text += (text.empty() ? "" : "\n") + std::string(message_of(line));
  }
  return text;
}

std::string annotation(std::string_view level, const std::string& command, const std::string& host,
                       std::string_view message) {
  return "::" + std::string(level) + " title=" + escape_property("iosctl " + command + " " + host) +
         "::" + escape_data(message) + "\n";
}

}  // namespace

std::string github_annotations(const RunSummary& run) {
  std::string out;
  for (const HostResult& result : run.results) {
    const bool passed = result.exit_code == kExitOk || result.exit_code == kExitDifferences;
    if (passed) {
      const std::string warnings = joined_lines(result.errors, true);
      if (!warnings.empty()) out += annotation("warning", run.command, result.host, warnings);
      continue;
    }
    std::string message = joined_lines(result.errors, false);
    if (result.exit_code == kExitInterrupted) {
      // A host that never started did not fail; an error for each would bury
      // the failure that stopped the run (GitHub shows ten per step).
      if (message.empty()) message = "not started: the run stopped before this host";
      out += annotation("warning", run.command, result.host, message);
      continue;
    }
    if (message.empty()) {
      message = result.outcome + " (exit " + std::to_string(result.exit_code) + ")";
    }
    out += annotation("error", run.command, result.host, message);
  }
  return out;
}

}  // namespace iosctl::fleet
