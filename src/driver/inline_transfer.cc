#include "iosctl/driver/inline_transfer.h"

#include "iosctl/config/redact.h"
#include "iosctl/config/text.h"
#include "iosctl/error.h"

#include <array>
#include <regex>
#include <utility>

namespace iosctl::driver {
namespace {

// The Tcl variable that holds the channel of the file being written.
constexpr std::string_view kChannelVar = "f";
// tclsh prompts `host(tcl)#` (IOS_BEHAVIOR.md 1.1); the platform's prompt
// rules leave it out on purpose, so every wait inside tclsh names it.
constexpr std::string_view kTclPrompt = R"(\(tcl\)#\s*$)";
// Tcl answers `+>` when a command is not complete: never for our lines, but
// waiting for it turns that bug into an error instead of a timeout.
constexpr std::string_view kTclAnswer = R"((\(tcl\)#|\+>)\s*$)";

// What to do about an answer, by the text that starts (or is in) its line.
struct Fix {
  std::string_view marker;
  std::string_view fix;
};

constexpr std::string_view kNoTcl =
    "use SCP instead: configure 'ip scp server enable' and run without --inline-transfer";
constexpr std::string_view kNotPrivileged =
    "tclsh needs privileged EXEC: set the enable secret or log in with privilege 15";
constexpr std::array kFixes = {
    Fix{"couldn't open", "check the file system with --dest-file-system"},
    Fix{"error writing", "delete files from the device's file system and run again"},
    // At `host>` IOS takes `tclsh` for a host to telnet to (IOS_BEHAVIOR.md 8).
    Fix{"Translating \"tclsh\"", kNotPrivileged},
    Fix{"% Bad IP address", kNotPrivileged},
    Fix{"% Unknown command", kNotPrivileged},
};

void escape_byte(unsigned char c, std::string& out) {
  // Octal with exactly three digits, so a digit after it never joins the
  // escape; never `\x`, which Tcl 8.3 extends over every hex digit after it.
  // Control bytes never travel raw: IOS's line editor acts on them, and CR
  // or LF would end the line. `?` would show the CLI's help before Tcl saw
  // the line.
  if (c < 0x20 || c >= 0x7f || c == '?') {
    out += '\\';
    out += static_cast<char>('0' + (c >> 6));
    out += static_cast<char>('0' + ((c >> 3) & 7));
    out += static_cast<char>('0' + (c & 7));
    return;
  }
  // Inside quotes Tcl substitutes after `\`, `$` and `[` and ends the word at
  // `"`; braces and `]` are backslashed as well so that no line ever looks
  // unbalanced to anything that counts them.
  constexpr std::string_view kSpecial = "\\\"$[]{}";
  if (kSpecial.find(static_cast<char>(c)) != std::string_view::npos) out += '\\';
  out += static_cast<char>(c);
}

bool at_tcl_prompt(std::string_view line) {
  return std::regex_search(line.begin(), line.end(), std::regex(std::string(kTclPrompt)));
}

std::string trimmed(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \r\n");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \r\n") + 1 - begin));
}

// The first non-blank line of `text`, or "nothing".
std::string first_line(std::string_view text) {
  const std::string rest = trimmed(text);
  if (rest.empty()) return "nothing";
  return rest.substr(0, rest.find('\n'));
}

std::string_view fix_for(std::string_view answer) {
  for (const Fix& fix : kFixes) {
    if (answer.find(fix.marker) != std::string_view::npos) return fix.fix;
  }
  return kNoTcl;
}

}  // namespace

std::string tcl_escape(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (const char c : bytes) escape_byte(static_cast<unsigned char>(c), out);
  return out;
}

// Each command is one line typed at `host(tcl)#`. IOS reads a typed line
// into a bounded terminal line buffer, and scrolls a line longer than the
// terminal width sideways, redrawing it with `$` and backspaces (netmiko
// issue #160, dialog/echo.cc). 200 characters and a prompt fit well inside
// the `terminal width 511` the session preparation sets, so every line
// echoes back as typed; a 100 kB config still takes only ~600 lines.
std::vector<std::string> tcl_puts_lines(std::string_view bytes, std::string_view channel_var,
                                        std::size_t max_width) {
  const std::string head = "puts -nonewline $" + std::string(channel_var) + " \"";
  const std::size_t room = max_width > head.size() + 1 ? max_width - head.size() - 1 : 0;
  std::vector<std::string> lines;
  std::string body;
  const auto flush = [&] {
    if (!body.empty()) lines.push_back(head + body + "\"");
    body.clear();
  };
  std::size_t start = 0;
  while (start < bytes.size()) {
    const std::size_t newline = bytes.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? bytes.size() : newline + 1;
    const std::string_view line = bytes.substr(start, end - start);
    start = end;
    // Whole lines keep a config line (and any secret in it) in one command.
    std::string escaped = tcl_escape(line);
    if (body.size() + escaped.size() > room) flush();
    if (escaped.size() <= room) {
      body += escaped;
      continue;
    }
    for (const char c : line) {
      std::string token;
      escape_byte(static_cast<unsigned char>(c), token);
      if (!body.empty() && body.size() + token.size() > room) flush();
      body += token;
    }
  }
  flush();
  return lines;
}

InlineTransfer::InlineTransfer(GenericDriver& driver) : driver_(driver) {}

void InlineTransfer::hide_secrets(std::string_view bytes) {
  // The dialogue masks secrets of config lines it sends, but here the lines
  // go out escaped inside `puts`: each secret is masked in both forms.
  for (std::string_view line : config::split_lines(bytes)) {
    for (const std::string& secret : config::secrets_in_line(line)) {
      driver_.hide_in_log(secret);
      driver_.hide_in_log(tcl_escape(secret));
    }
  }
}

void InlineTransfer::push(std::string_view bytes, const ios::DevicePath& path) {
  const std::string& remote_path = path.str();
  hide_secrets(bytes);
  enter_tclsh(remote_path);
  const std::string channel = "$" + std::string(kChannelVar);
  const std::string open =
      "set " + std::string(kChannelVar) + " [open \"" + tcl_escape(remote_path) + "\" w]";
  run_tcl(open, open, true, remote_path);
  const std::vector<std::string> lines = tcl_puts_lines(bytes, kChannelVar);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // Named by number: the line itself may hold a secret of the config.
    const std::string shown =
        "puts (" + std::to_string(i + 1) + " of " + std::to_string(lines.size()) + ")";
    run_tcl(lines[i], shown, false, remote_path);
  }
  run_tcl("close " + channel, "close " + channel, false, remote_path);
  in_tclsh_ = false;
  driver_.send_command("tclquit");
}

void InlineTransfer::enter_tclsh(std::string_view remote_path) {
  dialog::CommandOptions options;
  options.expect = kTclPrompt;
  options.platform_answers = false;
  const CommandOutcome outcome = driver_.send_command("tclsh", options);
  const std::size_t last = outcome.output.rfind('\n');
  if (at_tcl_prompt(last == std::string::npos ? outcome.output : outcome.output.substr(last + 1))) {
    in_tclsh_ = true;
    return;
  }
  fail("tclsh", outcome.error.value_or(first_line(outcome.output)), remote_path);
}

void InlineTransfer::run_tcl(const std::string& command, std::string_view shown, bool prints_result,
                             std::string_view remote_path) {
  dialog::CommandOptions options;
  options.expect = kTclAnswer;
  options.platform_answers = false;
  std::string output;
  try {
    output = driver_.send_command(command, options).output;
  } catch (const Error& e) {
    // The dialogue's timeout message quotes the line sent and the last line
    // seen (its echo): for `puts` that is config text, secrets included.
    if (!std::string_view(e.what()).starts_with("timed out")) throw;
    throw Error(e.failure(), "inline transfer of " + std::string(remote_path) + " timed out at '" +
                                 std::string(shown) +
                                 "' waiting for the Tcl prompt; check the device and raise "
                                 "--timeout");
  }
  const std::size_t newline = output.rfind('\n');
  const std::size_t cut = newline == std::string::npos ? 0 : newline + 1;
  const std::string_view answer = std::string_view(output).substr(0, cut);
  const std::string last = trimmed(std::string_view(output).substr(cut));
  if (last == "+>") {
    // Tcl waits for the rest of a command: `tclquit` would only join it, so
    // leaving is not tried; the session is not usable for the next step.
    in_tclsh_ = false;
    fail(shown, last, remote_path);
  }
  if (!at_tcl_prompt(last)) {
    in_tclsh_ = false;  // a platform prompt ended the wait: tclsh is gone
    fail(shown, first_line(output), remote_path);
  }
  // Interactive tclsh prints a command's result: `open` prints the channel
  // name (`file0`); anything else, and any text after puts or close, is an error.
  const std::string said = trimmed(answer);
  if (said.empty() || (prints_result && said.find_first_of(" \t\n") == std::string::npos)) return;
  fail(shown, first_line(said), remote_path);
}

void InlineTransfer::fail(std::string_view step, std::string_view answer,
                          std::string_view remote_path) {
  const std::string message = "inline transfer of " + std::string(remote_path) + " failed: '" +
                              std::string(step) + "' was answered with \"" + std::string(answer) +
                              "\"; " + std::string(fix_for(answer));
  if (in_tclsh_) {
    in_tclsh_ = false;
    try {
      driver_.send_command("tclquit");
    } catch (const Error&) {
      // Leaving tclsh is a courtesy here: the failure above is what the user
      // must see, and a session stuck in tclsh fails its next command anyway.
    }
  }
  throw Error(Failure::invalid, message);
}

}  // namespace iosctl::driver
