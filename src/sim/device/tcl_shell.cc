#include "iosctl/sim/command_context.h"
#include "iosctl/sim/flash.h"
#include "iosctl/sim/text_util.h"

#include <array>
#include <optional>
#include <regex>
#include <string>
#include <utility>

namespace iosctl::sim {
namespace {

// True when `text` closes every brace it opens (a backslash escapes the next
// character), as Tcl decides whether a command is complete.
bool complete(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '{') {
      ++depth;
    } else if (text[i] == '}' && depth > 0) {
      --depth;
    }
  }
  return depth == 0;
}

// Returns where the brace opened at `open` closes, or npos.
std::size_t matching_brace(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '{') {
      ++depth;
    } else if (text[i] == '}' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// `puts [open "flash:NAME" w+] {...}`: netmiko's and scrapli_cfg's inline
// transfer (IOS_BEHAVIOR.md 5). The braces keep their content verbatim;
// `puts` adds a newline, which netmiko's MD5 check expects (4.5).
Reply write_file(DeviceCore& device, std::string_view command, const std::smatch& head) {
  const std::string url = head[1];
  const bool append = head[2].str().front() == 'a';
  const std::size_t open = static_cast<std::size_t>(head.position(0) + head.length(0)) - 1;
  const std::size_t close = matching_brace(command, open);
  if (close == std::string_view::npos || !trim_view(command.substr(close + 1)).empty()) {
    return {"extra characters after close-brace\n", nullptr, true};
  }
  const std::optional<FsPath> path = split_path(url);
  if (!path || !device.flash.owns(path->fs) || path->name.empty()) {
    return {"couldn't open \"" + url + "\": no such file or directory\n", nullptr, true};
  }
  std::string bytes(command.substr(open + 1, close - open - 1));
  bytes += '\n';
  const FlashFile* old = device.flash.get(path->name);
  if (append && old) bytes = old->bytes + bytes;
  if (!device.flash.put(path->name, std::move(bytes), device.now())) {
    return {"error writing \"" + url + "\": no space left on device\n", nullptr, true};
  }
  device.dirty = true;
  return {};
}

Reply run_command(DeviceCore& device, SessionState& session, const std::string& command,
                  std::size_t prompt_size) {
  const std::string_view trimmed = trim_view(command);
  if (trimmed.empty()) return {};
  if (trimmed == "tclquit" || trimmed == "exit") {
    session.tcl = false;
    return {};
  }
  const std::regex puts_open(R"re(^\s*puts\s+\[\s*open\s+"([^"]+)"\s+(w\+?|a\+?)\s*\]\s+\{)re");
  std::smatch head;
  if (std::regex_search(command, head, puts_open)) return write_file(device, command, head);
  // IOS's tclsh hands a line Tcl does not know to the EXEC CLI.
  const std::string_view unpiped = trimmed.substr(0, trimmed.find(" |"));
  if (device.grammar.match("priv", unpiped, false).status == MatchStatus::ok) {
    return run_exec_line(device, session, trimmed, prompt_size);
  }
  return {"invalid command name \"" + std::string(split_words(trimmed).front()) + "\"\n", nullptr,
          true};
}

Reply tclsh(CommandContext& c) {
  c.session.tcl = true;
  c.session.tcl_pending.clear();
  return {};
}

constexpr std::array kHandlers = {
    HandlerEntry{"tclsh", tclsh},
};

}  // namespace

Reply run_tcl_line(DeviceCore& device, SessionState& session, std::string_view line,
                   std::size_t prompt_size) {
  if (session.tcl_pending.empty() && trim_view(line).empty()) return {};
  if (!session.tcl_pending.empty()) session.tcl_pending += '\n';
  session.tcl_pending += line;
  if (!complete(session.tcl_pending)) return {};
  const std::string command = std::move(session.tcl_pending);
  session.tcl_pending.clear();
  return run_command(device, session, command, prompt_size);
}

std::span<const HandlerEntry> tcl_handlers() { return kHandlers; }

}  // namespace iosctl::sim
