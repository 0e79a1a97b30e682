#pragma once

#include "iosctl/sim/command_context.h"
#include "iosctl/sim/grammar.h"
#include "iosctl/sim/running_config.h"

#include <span>
#include <string>
#include <vector>

namespace iosctl::sim {

// Returns the config line the session's innermost mode edits (the root in
// global configuration), re-creating it if another session removed it.
ConfigLine& context_line(DeviceCore& device, const SessionState& session);

// Returns the first `spec.key` of `words` (all when 0), `<line>` values split
// into single words: what names the line a new one replaces.
std::vector<std::string> key_words(const std::vector<std::string>& words, const CommandSpec& spec);

// Stores the line `words` spell under `parent` as `spec` says: replaces the
// line with the same first `key` words, drops a `no X` it overrides, re-uses
// an identical line. Returns the line, or nullptr when nothing is shown for
// it (`defon` commands).
ConfigLine* add_line(RunningConfig& running, ConfigLine& parent,
                     const std::vector<std::string>& words, const CommandSpec& spec);

// Applies `no` + `words` under `parent`: removes the lines (and blocks) whose
// first `key` words match, and keeps `no X` when `spec` says IOS shows it.
void negate_line(RunningConfig& running, ConfigLine& parent, const std::vector<std::string>& words,
                 const CommandSpec& spec);

// Stores or negates the matched line `words`, enters its sub-mode, and
// records the change: what a config command without a special handler does.
Reply store_line(CommandContext& c, const std::vector<std::string>& words);

// Returns the mode a block command enters: `interface X.N` enters
// `config-subif` where `interface X` enters `config-if`.
std::string submode_for(const CommandSpec& spec, const std::vector<std::string>& words);

// `banner KIND <d>TEXT<d>`: stores a one-line banner, or asks for the text
// lines until the delimiter (`Enter TEXT message.  End with the character '^'.`).
Reply banner_command(CommandContext& c);

// Config commands with their own handler (`act=` in config modes).
std::span<const HandlerEntry> config_handlers();

}  // namespace iosctl::sim
