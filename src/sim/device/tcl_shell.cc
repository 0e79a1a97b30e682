// IOS's `tclsh`: a small, honest subset of Tcl 8.3 (the version IOS ships):
// `set`, `open`, `puts`, `close` with Tcl's quoting and substitution
// (tcl_words.cc) and Tcl's error texts, lines Tcl does not know handed to
// the EXEC CLI, and `tclquit`.

#include "iosctl/sim/tcl_shell.h"

#include "iosctl/sim/command_context.h"
#include "iosctl/sim/flash.h"
#include "iosctl/sim/tcl_words.h"
#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace iosctl::sim {
namespace {

// `puts [open "flash:NAME" w+] {...}`: netmiko's and scrapli_cfg's inline
// transfer (IOS_BEHAVIOR.md 5). They never close the channel; IOS writes the
// file when tclsh ends (netmiko's comment). iosim writes it at once, which
// no client can tell apart once it has left tclsh. The braces keep their
// content; `puts` adds a newline, which netmiko's MD5 check expects (4.5).
std::optional<Reply> write_through(DeviceCore& device, const std::string& command) {
  const std::regex head(R"re(^\s*puts\s+\[\s*open\s+"([^"]+)"\s+(w\+?|a\+?)\s*\]\s+\{)re");
  std::smatch match;
  if (!std::regex_search(command, match, head)) return std::nullopt;
  const TclParse parse = parse_tcl_command(command, 0);
  if (!parse.error.empty()) return Reply(parse.error + "\n", nullptr, true);
  if (!parse.command || parse.command->words.size() != 3) return std::nullopt;
  if (!trim_view(std::string_view(command).substr(parse.next)).empty()) return std::nullopt;
  const TclWord& content = parse.command->words[2];
  if (!content.source.starts_with('{')) return std::nullopt;
  const std::string url = match[1];
  const std::optional<FsPath> path = split_path(url);
  if (!path || !device.flash.owns(path->fs) || path->name.empty()) {
    return Reply("couldn't open \"" + url + "\": no such file or directory\n", nullptr, true);
  }
  std::string bytes = content.parts.front().value + "\n";
  const FlashFile* old = device.flash.get(path->name);
  if (match[2].str().front() == 'a' && old) bytes = old->bytes + bytes;
  if (!device.flash.put(path->name, std::move(bytes), device.now())) {
    return Reply("error writing \"" + url + "\": no space left on device\n", nullptr, true);
  }
  device.dirty = true;
  return Reply();
}

TclValue tcl_error(std::string message) { return {std::move(message), true}; }

// Evaluates the commands of one complete line typed into tclsh.
class Interp {
 public:
  Interp(DeviceCore& device, SessionState& session, std::size_t prompt_size)
      : device_(device), session_(session), prompt_size_(prompt_size) {}

  // Interactive tclsh prints what `puts` sent to stdout, then the script's
  // result or its error.
  Reply run(const std::string& script) {
    const TclValue value = eval(script);
    if (exec_reply_) return std::move(*exec_reply_);
    if (value.error) return Reply(printed_ + value.text + "\n", nullptr, true);
    return Reply(value.text.empty() ? printed_ : printed_ + value.text + "\n");
  }

 private:
  bool stopped() const { return exec_reply_.has_value() || !session_.tcl; }

  TclValue eval(std::string_view script) {
    TclValue result;
    std::size_t pos = 0;
    while (!stopped()) {
      const TclParse parse = parse_tcl_command(script, pos);
      if (!parse.error.empty()) return tcl_error(parse.error);
      if (!parse.command) break;
      result = eval_command(*parse.command);
      if (result.error) return result;
      pos = parse.next;
    }
    return result;
  }

  TclValue eval_word(const TclWord& word) {
    TclValue value;
    for (const TclPart& part : word.parts) {
      if (part.kind == TclPart::Kind::text) {
        value.text += part.value;
        continue;
      }
      if (part.kind == TclPart::Kind::variable) {
        const auto found = session_.tcl_state.variables.find(part.value);
        if (found == session_.tcl_state.variables.end()) {
          return tcl_error("can't read \"" + part.value + "\": no such variable");
        }
        value.text += found->second;
        continue;
      }
      const TclValue nested = eval(part.value);
      if (nested.error || stopped()) return nested;
      value.text += nested.text;
    }
    return value;
  }

  TclValue eval_command(const TclCommand& command) {
    std::vector<std::string> args;
    for (const TclWord& word : command.words) {
      TclValue value = eval_word(word);
      if (value.error || stopped()) return value;
      args.push_back(std::move(value.text));
      // IOS's tclsh hands a command Tcl does not know to the EXEC CLI, as
      // typed, so the rest of its words are not substituted.
      if (args.size() == 1 && !is_tcl_command(args[0])) return unknown(command, args[0]);
    }
    return call(args);
  }

  static bool is_tcl_command(const std::string& name) {
    constexpr std::array<std::string_view, 6> kCommands = {"set",   "open",    "puts",
                                                           "close", "tclquit", "exit"};
    return std::find(kCommands.begin(), kCommands.end(), name) != kCommands.end();
  }

  TclValue call(const std::vector<std::string>& args) {
    const std::string& name = args[0];
    if (name == "set") return set(args);
    if (name == "open") return tcl_open(device_, session_.tcl_state, args);
    if (name == "puts") return tcl_puts(session_.tcl_state, args, printed_);
    if (name == "close") return tcl_close(device_, session_.tcl_state, args);
    tcl_reset(device_, session_.tcl_state);  // tclquit, exit
    session_.tcl = false;
    return {};
  }

  TclValue set(const std::vector<std::string>& args) {
    std::map<std::string, std::string>& variables = session_.tcl_state.variables;
    if (args.size() == 3) return {variables[args[1]] = args[2]};
    if (args.size() != 2) return tcl_error("wrong # args: should be \"set varName ?newValue?\"");
    const auto found = variables.find(args[1]);
    if (found != variables.end()) return {found->second};
    return tcl_error("can't read \"" + args[1] + "\": no such variable");
  }

  TclValue unknown(const TclCommand& command, const std::string& name) {
    const std::string unpiped = command.source.substr(0, command.source.find(" |"));
    if (device_.grammar.match("priv", unpiped, false).status != MatchStatus::ok) {
      return tcl_error("invalid command name \"" + name + "\"");
    }
    Reply reply = run_exec_line(device_, session_, command.source, prompt_size_);
    if (!reply.question && !reply.failed) {
      printed_ += reply.text;
      return {};
    }
    // A question (or a rejected line) ends the script here, as typed.
    reply.text = std::exchange(printed_, {}) + reply.text;
    exec_reply_ = std::move(reply);
    return {};
  }

  DeviceCore& device_;
  SessionState& session_;
  std::size_t prompt_size_;
  std::string printed_;              // what `puts` sent to stdout, and EXEC output
  std::optional<Reply> exec_reply_;  // an EXEC command's question or error: the script ends
};

Reply tclsh(CommandContext& c) {
  c.session.tcl = true;
  c.session.tcl_pending.clear();
  c.session.tcl_state = TclState{};
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
  if (!tcl_command_complete(session.tcl_pending)) return {};
  const std::string command = std::move(session.tcl_pending);
  session.tcl_pending.clear();
  if (std::optional<Reply> written = write_through(device, command)) return std::move(*written);
  return Interp(device, session, prompt_size).run(command);
}

std::span<const HandlerEntry> tcl_handlers() { return kHandlers; }

}  // namespace iosctl::sim
