#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::sim {

// One piece of a Tcl word before substitution.
struct TclPart {
  enum class Kind {
    text,      // bytes, backslash sequences already replaced
    variable,  // `$name` or `${name}`: the variable's name
    script,    // `[...]`: the script between the brackets
  };
  Kind kind = Kind::text;
  std::string value;
};

// One word of a Tcl command: its parts, joined after substitution.
struct TclWord {
  std::vector<TclPart> parts;
  std::string source;  // as typed (braces and quotes included)
};

// One command of a script, as Tcl 8.3's parser splits it.
struct TclCommand {
  std::vector<TclWord> words;
  std::string source;  // the command as typed, without its terminator
};

// What parse_tcl_command found at one position of a script.
struct TclParse {
  std::optional<TclCommand> command;  // nullopt: the script ends here (or `error`)
  std::string error;                  // Tcl's message for a syntax error; empty: none
  bool incomplete = false;            // the error is that the text ended inside {}, "" or []
  std::size_t next = 0;               // where the next command starts
};

// Parses the command of `script` that starts at or after `pos` (blank lines,
// `;` and comments skipped). `nested`: `script` is inside `[...]`, so `]`
// ends it. Never throws; syntax errors come back in TclParse::error.
TclParse parse_tcl_command(std::string_view script, std::size_t pos, bool nested = false);

// True unless `script` ends inside braces, quotes or brackets, or after a
// backslash-newline: then interactive tclsh asks for more (`+>`).
bool tcl_command_complete(std::string_view script);

// Replaces the backslash sequence starting at `text[pos]` (a `\`) and moves
// `pos` past it. Returns the bytes it stands for, in Tcl 8.3's rules.
std::string tcl_backslash(std::string_view text, std::size_t& pos);

}  // namespace iosctl::sim
