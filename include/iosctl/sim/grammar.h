#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::sim {

// What one position of a command accepts.
enum class TokenKind {
  keyword,  // a fixed word, matched by any unique prefix, case-insensitively
  word,     // any one word
  number,   // a decimal number within [low, high]
  ipv4,     // A.B.C.D
  ifname,   // an interface name, `Gi1`, `GigabitEthernet0/0/1.100`, `Loopback 0`
  url,      // a file-system path holding a colon, `flash:x`, `bootflash:/x`, `null:`
  rest,     // the rest of the line, kept as typed
};

// What accepting a command means; one per grammar line.
struct CommandSpec {
  std::string action;       // handler name; empty in config modes: store the line
  std::string submode;      // mode entered after the command, empty for none
  int key = 0;              // leading words naming the line it replaces; 0: all words
  bool pipe = false;        // output may be filtered (`| include REGEX`)
  bool no_only = false;     // valid only after `no` (`no neighbor 1.1.1.1`)
  bool keep_no = false;     // `no X` is kept as a line (IOS shows `no ip domain lookup`)
  bool default_on = false;  // `X` itself is the default and is not shown
};

// One position in a mode's command tree.
struct GrammarNode {
  TokenKind kind = TokenKind::keyword;
  std::string text;  // keyword spelling, or the parameter's label
  long long low = 0;
  long long high = 0;
  std::vector<std::unique_ptr<GrammarNode>> children;
  std::unique_ptr<CommandSpec> command;     // set when a command may end here
  std::unique_ptr<CommandSpec> no_command;  // set when `no` + the words so far is complete
};

enum class MatchStatus { ok, invalid, incomplete, ambiguous };

// The outcome of matching one typed line against a mode.
struct Match {
  MatchStatus status = MatchStatus::invalid;
  std::size_t column = 0;                // invalid: index of the first character no command matches
  const CommandSpec* command = nullptr;  // ok: the command matched
  bool negated = false;                  // the line began with `no`
  std::vector<std::string> words;   // ok: canonical words (keywords spelled out, `no` excluded)
  std::vector<std::size_t> starts;  // ok: where each of `words` starts in the line
};

// The command trees of every mode, compiled from the grammar text (see
// command_tables.cc for the format).
class Grammar {
 public:
  // Compiles `text`. Throws std::invalid_argument naming the bad line.
  explicit Grammar(std::string_view text);

  // True when `mode` has a command tree.
  bool has_mode(std::string_view mode) const;
  // Matches `line` against `mode`'s commands; `allow_no` accepts a leading
  // `no` (config modes). Unknown modes match nothing.
  Match match(std::string_view mode, std::string_view line, bool allow_no) const;

 private:
  std::map<std::string, std::shared_ptr<GrammarNode>, std::less<>> modes_;
};

// Returns the canonical interface name for `typed` (`gi0/0/1` ->
// `GigabitEthernet0/0/1`), or an empty string when it names no interface.
std::string canonical_interface(std::string_view typed);

}  // namespace iosctl::sim
