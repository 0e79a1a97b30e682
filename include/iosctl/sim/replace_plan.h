#pragma once

#include "iosctl/sim/grammar.h"
#include "iosctl/sim/indexed_config.h"

#include <string>
#include <vector>

namespace iosctl::sim {

// One command a `configure replace` pass types in global configuration mode.
struct ReplaceCommand {
  std::vector<std::string> path;  // parent lines entered first, outermost first
  std::string line;               // what is typed: `no X` removes X, `X` removes `no X`
  std::string text;               // the configuration line it adds or removes
  std::vector<std::string> body;  // a banner's (or certificate's) lines, fed after `line`
  bool removal = false;
  bool moved = false;  // removed only to be added again at its place in an ordered list
};

// Returns what a replace pass types to turn `running` into `candidate`
// (both as IOS compares them, see diff_indexed): removals in the running
// config's order, then additions in the candidate's. Removals a later line
// overwrites are left out, as IOS leaves them out of its configlet; entries
// of an ordered list (ACL, route-map, policy-map) that would end up out of
// place are removed and added again from the first misplaced one on.
std::vector<ReplaceCommand> plan_replace(const IndexedConfig& running,
                                         const IndexedConfig& candidate, bool ignorecase,
                                         const Grammar& grammar);

}  // namespace iosctl::sim
