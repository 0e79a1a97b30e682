#pragma once

#include "iosctl/config/config_tree.h"

#include <string>
#include <vector>

namespace iosctl::config {

enum class Sign { added, removed };

// One line that is in one configuration and not the other.
struct Change {
  Sign sign = Sign::added;
  std::vector<std::string> path;  // the texts of its parents, outermost first
  std::string text;               // the line without indentation
  NodeKind kind = NodeKind::command;
  std::vector<std::string> body;  // banner/certificate/macro lines, as written
  int line = 0;                   // source line number, in the candidate for additions
                                  // and in the running config for removals
};

// An order-dependent block (ACL, prefix-list, route-map, policy-map,
// class-map) whose lines, all still present, now come in another order.
struct Reordering {
  std::vector<std::string> path;   // the block's parents (empty at top level)
  std::vector<std::string> lines;  // the block's lines in the candidate's order
  int line = 0;                    // candidate line number of the first of them
};

// How a candidate differs from a running configuration. Additions come in
// the candidate's order, removals in the running config's order; a block
// that is wholly new or gone is listed with every line in it.
struct ConfigDiff {
  std::vector<Change> added;
  std::vector<Change> removed;
  std::vector<Reordering> reordered;

  bool empty() const { return added.empty() && removed.empty() && reordered.empty(); }
};

// Returns the differences from `running` to `candidate`, both normalised
// (normalize.h). Lines are matched by comparison_key within each parent, as
// IOS's `show archive config differences` matches them.
ConfigDiff diff_configs(const Config& running, const Config& candidate);

}  // namespace iosctl::config
