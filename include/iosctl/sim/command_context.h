#pragma once

#include "iosctl/sim/device_core.h"
#include "iosctl/sim/grammar.h"
#include "iosctl/sim/tcl_shell.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iosctl::sim {

struct Reply;

// A question a command asks before it goes on (`Password: `,
// `Destination filename [startup-config]? `, `[confirm]`).
struct Question {
  enum class Input {
    line,    // a line, echoed
    secret,  // a line, not echoed
    key,     // one key, no Enter needed (`[confirm]`); Enter answers ""
  };
  std::string prompt;
  Input input = Input::line;
  // Called with the device locked; returns what happens next.
  std::function<Reply(std::string_view answer)> answer;
};

// What a command prints (LF line endings) and whether it then asks something.
struct Reply {
  Reply() = default;
  Reply(std::string printed, std::shared_ptr<Question> asked = nullptr, bool rejected = false)
      : text(std::move(printed)), question(std::move(asked)), failed(rejected) {}

  std::string text;
  std::shared_ptr<Question> question;  // null: the command is done
  bool failed = false;                 // the line was rejected (an error was printed)
};

// One level of configuration mode: its prompt name and the config line it
// edits, by the texts from the top (empty for global configuration).
struct Frame {
  std::string mode;
  std::vector<std::string> path;
};

// What one CLI session knows about itself.
struct SessionState {
  std::string user;
  int tty = 0;  // the line number, as `show configuration lock` names it
  bool privileged = false;
  std::vector<Frame> frames;  // empty: EXEC
  unsigned length = 24;       // `terminal length`
  unsigned width = 80;        // `terminal width`
  bool closed = false;
  std::vector<std::string> history;
  int privilege_at_login = 1;
  bool tcl = false;             // in `tclsh` (prompt `host(tcl)#`)
  std::string tcl_pending;      // a Tcl command still open at a brace (prompt `+>`)
  TclState tcl_state;           // the tclsh's variables and open channels
  bool drop_requested = false;  // fault drop_during_replace: cut the connection
};

// Everything a command handler works with.
struct CommandContext {
  DeviceCore& device;
  SessionState& session;
  const Match& match;
  std::string_view line;    // the command as typed (pipe filter removed)
  std::size_t prompt_size;  // the prompt's length, for carets of nested commands
};

using Handler = Reply (*)(CommandContext&);

// A handler and the grammar action (`act=`) that names it.
struct HandlerEntry {
  std::string_view action;
  Handler handler;
};

// Handlers by area; exec_commands.cc dispatches over all of them.
std::span<const HandlerEntry> session_handlers();
std::span<const HandlerEntry> show_handlers();
std::span<const HandlerEntry> file_handlers();
std::span<const HandlerEntry> replace_handlers();
std::span<const HandlerEntry> revert_handlers();
std::span<const HandlerEntry> archive_handlers();
std::span<const HandlerEntry> tcl_handlers();

// Returns the prompt for `session` on `device`: `r1>`, `r1#`, `r1(config-if)#`.
std::string prompt(const DeviceCore& device, const SessionState& session);

// Runs an EXEC `line` (pipe filters included) and returns its reply.
Reply run_exec_line(DeviceCore& device, SessionState& session, std::string_view line,
                    std::size_t prompt_size);
// Runs a line typed in `tclsh` (tcl_shell.cc) and returns its reply.
Reply run_tcl_line(DeviceCore& device, SessionState& session, std::string_view line,
                   std::size_t prompt_size);
// Runs a configuration-mode `line` and returns its reply.
Reply run_config_line(DeviceCore& device, SessionState& session, std::string_view line,
                      std::size_t prompt_size);
// Applies configuration `text` line by line from global configuration mode,
// as `copy FILE running-config` does, for `user`. Returns what the rejected
// lines printed, each after the line itself.
std::string merge_config(DeviceCore& device, std::string_view user, std::string_view text);

}  // namespace iosctl::sim
