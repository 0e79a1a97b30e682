#pragma once

#include "iosctl/sim/grammar.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace iosctl::sim {

// The options after `configure replace URL`, in any order (IOS_BEHAVIOR.md
// 7): `force`, `list`, `ignorecase`, `nolock`, `time N`, `revert trigger
// error`, `revert trigger timer N`, `revert trigger error timer N` and
// napalm's `revert timer N`; N in 1..120.
struct ReplaceRequest {
  bool force = false;
  bool list = false;
  bool ignorecase = false;
  bool nolock = false;
  bool revert_on_error = false;
  int timer_minutes = 0;  // `time N` or a revert timer; 0: none
};

// What parsing the options came to.
struct ParsedOptions {
  ReplaceRequest request;
  MatchStatus status = MatchStatus::ok;  // not ok: cli_errors.h match_error() prints it
  std::size_t column = 0;                // invalid: where in the line no option matches
};

// Parses the options of the typed `line`, which start at index `from`.
ParsedOptions parse_replace_options(std::string_view line, std::size_t from);

}  // namespace iosctl::sim
