#include "iosctl/sim/cli_errors.h"
#include "iosctl/sim/command_context.h"
#include "iosctl/sim/config_lock.h"
#include "iosctl/sim/output_filter.h"
#include "iosctl/sim/text_util.h"

#include <optional>

namespace iosctl::sim {
namespace {

// Config-mode prompts show at most 20 characters of the hostname
// (IOS_BEHAVIOR.md 1.1: `veryveryverylonghost(config)#`).
constexpr std::size_t kConfigHostnameMax = 20;

// Where the pipe of `show run | i x` starts: the first `|` that begins a word.
std::size_t pipe_at(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return i;
  }
  return std::string_view::npos;
}

const HandlerEntry* find_handler(std::string_view action) {
  for (std::span<const HandlerEntry> table :
       {session_handlers(), show_handlers(), file_handlers(), replace_handlers(), revert_handlers(),
        archive_handlers(), tcl_handlers(), config_lock_handlers()}) {
    for (const HandlerEntry& entry : table) {
      if (entry.action == action) return &entry;
    }
  }
  return nullptr;
}

bool single_word(std::string_view line) { return split_words(line).size() == 1; }

}  // namespace

std::string prompt(const DeviceCore& device, const SessionState& session) {
  const std::string host = device.hostname();
  // The Tcl shell's prompts (IOS_BEHAVIOR.md 1.1: `csr1000v(tcl)#`, `+>`
  // while a brace is open).
  if (session.tcl) return session.tcl_pending.empty() ? host + "(tcl)#" : "+>";
  if (session.frames.empty()) return host + (session.privileged ? "#" : ">");
  return host.substr(0, kConfigHostnameMax) + "(" + session.frames.back().mode + ")#";
}

Reply run_exec_line(DeviceCore& device, SessionState& session, std::string_view line,
                    std::size_t prompt_size) {
  const std::size_t pipe = pipe_at(line);
  const std::string_view command = line.substr(0, pipe);
  const Match match = device.grammar.match(session.privileged ? "priv" : "exec", command, false);
  // A lone unknown word is a host name to IOS, which tries to telnet to it
  // (IOS_BEHAVIOR.md 8: `tclsh` at `>`, `end` at `#`).
  if (match.status == MatchStatus::invalid && single_word(line)) {
    return {std::string(kUnknownHost), nullptr};
  }
  if (match.status != MatchStatus::ok) return {match_error(match, line, prompt_size), nullptr};
  std::optional<OutputFilter> filter;
  if (pipe != std::string_view::npos) {
    if (!match.command->pipe) return {invalid_input(prompt_size + pipe), nullptr};
    FilterError error;
    filter = parse_filter(line.substr(pipe + 1), pipe + 1, error);
    if (!filter) {
      return {
          error.incomplete ? std::string(kIncomplete) : invalid_input(prompt_size + error.column),
          nullptr};
    }
  }
  const HandlerEntry* entry = find_handler(match.command->action);
  if (!entry) return {"% iosim: no handler for '" + match.command->action + "'\n", nullptr};
  CommandContext context{device, session, match, command, prompt_size};
  Reply reply = entry->handler(context);
  if (filter) reply.text = apply_filter(reply.text, *filter);
  return reply;
}

}  // namespace iosctl::sim
