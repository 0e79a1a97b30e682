#include "iosctl/ios/merge_result.h"

#include "iosctl/config/text.h"

#include <array>
#include <cctype>
#include <optional>

namespace iosctl::ios {
namespace {

// The rejections IOS_BEHAVIOR 8 lists, as unicon matches them: `%`, optional
// spaces, then the words in either case (`% Invalid input`, `%Invalid
// command`). `error` covers netmiko's `%Error:` and `% Error`. Other `%`
// lines are notices a command prints while it is applied (7.3 quotes `%
// Topology ... is currently being deconfigured.`), not failures.
constexpr std::array<std::string_view, 9> kErrorWords = {
    "invalid input",    "invalid command",   "incomplete command",
    "incomplete input", "ambiguous command", "ambiguous input",
    "unknown command",  "bad ip address",    "error"};

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::tolower(c) != prefix[i]) return false;
  }
  return true;
}

bool is_command_error(std::string_view line) {
  // scrapli 2 also fails on this one, which AAA prints without a `%`.
  if (line.starts_with("Command authorization failed")) return true;
  if (!line.starts_with('%')) return false;
  const std::string_view rest = config::trim_left(line.substr(1));
  for (std::string_view word : kErrorWords) {
    if (starts_with_nocase(rest, word)) return true;
  }
  return false;
}

// The line under a rejected command that points at the bad character.
bool is_caret_line(std::string_view line) {
  return line.find('^') != std::string_view::npos &&
         line.find_first_not_of(" ^") == std::string_view::npos;
}

// netmiko's COMMON_ISSUES shows `5587 bytes copied in 1.316 secs (...)`.
// The whole line's shape, not the phrase: a merged line that IOS echoes
// (a description, say) may hold the phrase too.
bool is_bytes_copied(std::string_view line) {
  const std::size_t digits = line.find_first_not_of("0123456789");
  return digits > 0 && digits != std::string_view::npos &&
         line.substr(digits).starts_with(" bytes copied in ");
}

// The copy dialogue's questions (IOS_BEHAVIOR 4.3) may stay in the output
// when the file prompt mode is not quiet; they are not echoed commands.
bool is_copy_question(std::string_view line) {
  return line.starts_with("Destination filename [") || line.starts_with("Source filename [");
}

}  // namespace

// iosim (and IOS loading a file into the running config) prints each
// rejected command, then the caret line, then the message, so the last
// plain line before a message is the command it is about.
MergeResult classify_merge(std::string_view output) {
  MergeResult result;
  // The last line that may be an echoed command; a plain string, as GCC 12
  // at -O2 misreads an optional<string_view> here as maybe uninitialised.
  std::string pending;
  std::string first;  // the first non-blank line, for unrecognised
  std::string open_error;
  bool copied = false;
  for (std::string_view raw : config::split_lines(output)) {
    const std::string_view line = config::trim(raw);
    if (line.empty() || is_caret_line(line) || is_copy_question(line)) continue;
    if (first.empty()) first = line;
    if (is_bytes_copied(line)) {
      copied = true;
      pending.clear();
    } else if (!copied && pending.empty() && result.failing_lines.empty() &&
               line.starts_with("%Error opening")) {
      open_error = line;  // the source file: nothing was read (IOS_BEHAVIOR 8)
    } else if (is_command_error(line)) {
      result.failing_lines.push_back({pending, std::string(line)});
      pending.clear();
    } else {
      pending = line;
    }
  }
  if (!open_error.empty() && !copied && result.failing_lines.empty()) {
    result.outcome = MergeOutcome::no_such_file;
    result.message = open_error;
  } else if (!result.failing_lines.empty()) {
    result.outcome = MergeOutcome::failed;
  } else if (copied) {
    result.outcome = MergeOutcome::applied;
  } else {
    result.message = first;
  }
  return result;
}

}  // namespace iosctl::ios
