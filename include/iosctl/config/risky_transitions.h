#pragma once

#include "iosctl/config/config_tree.h"

#include <string>
#include <vector>

// Changes that `configure replace` is known to fail on, found offline so that
// a commit can warn before it touches the device.
namespace iosctl::config {

// Which configuration a flagged line was found in.
enum class ConfigSide { running, candidate };

// One risky transition: where it is, the line concerned and what to do.
struct RiskyTransition {
  std::vector<std::string> path;            // the line's parents, outermost first:
                                            // {"interface GigabitEthernet1"}
  std::string line;                         // the line concerned, without indentation
  ConfigSide side = ConfigSide::candidate;  // the configuration `line` is in
  int line_number = 0;                      // 1-based line of `line` in that configuration
  std::string explanation;  // one line: why the replace fails and what to do instead
};

// Returns the risky transitions from `running` to `candidate` (parse_config
// results, normalised or not), interface by interface in the candidate's order,
// then misplaced `exit-*` lines in the candidate's order. Empty when none.
std::vector<RiskyTransition> find_risky_transitions(const Config& running, const Config& candidate);

}  // namespace iosctl::config
