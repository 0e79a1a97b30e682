#pragma once

#include "iosctl/config/config_tree.h"
#include "iosctl/config/diff.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::sim {

// A configuration parsed and normalised (config/normalize.h) as IOS compares
// it, each node findable by its source line, so a diff computed on another
// spelling of it (lower case, for `ignorecase`) leads back to the original.
class IndexedConfig {
 public:
  // A node and the texts of its parents, outermost first.
  struct Entry {
    std::vector<std::string> path;
    const config::Node* node = nullptr;
  };

  explicit IndexedConfig(std::string_view text);
  IndexedConfig(const IndexedConfig&) = delete;
  IndexedConfig& operator=(const IndexedConfig&) = delete;

  const config::Config& config() const { return config_; }
  // Returns the node that starts at source line `line`, or nullptr.
  const Entry* at(int line) const;

 private:
  config::Config config_;
  std::map<int, Entry> by_line_;
};

// Returns the differences from `a` to `b` (config::diff_configs); with
// `ignorecase`, lines that differ only in letter case are equal, and the
// changes then carry lower-case texts (their `line` finds the original).
config::ConfigDiff diff_indexed(const IndexedConfig& a, const IndexedConfig& b, bool ignorecase);

}  // namespace iosctl::sim
