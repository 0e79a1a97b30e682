#include "iosctl/sim/indexed_config.h"

#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"
#include "iosctl/sim/text_util.h"

#include <utility>

namespace iosctl::sim {
namespace {

void index(const std::vector<config::Node>& nodes, std::vector<std::string>& path,
           std::map<int, IndexedConfig::Entry>& out) {
  for (const config::Node& node : nodes) {
    out[node.line] = {path, &node};
    path.push_back(node.text);
    index(node.children, path, out);
    path.pop_back();
  }
}

void lower_all(std::vector<config::Node>& nodes) {
  for (config::Node& node : nodes) {
    node.text = lower(node.text);
    for (std::string& line : node.body) line = lower(line);
    lower_all(node.children);
  }
}

config::Config lowered(const config::Config& config) {
  config::Config copy = config;
  lower_all(copy.children);
  return copy;
}

}  // namespace

IndexedConfig::IndexedConfig(std::string_view text)
    : config_(config::normalize(config::parse_config(text))) {
  std::vector<std::string> path;
  index(config_.children, path, by_line_);
}

const IndexedConfig::Entry* IndexedConfig::at(int line) const {
  const auto it = by_line_.find(line);
  return it == by_line_.end() ? nullptr : &it->second;
}

config::ConfigDiff diff_indexed(const IndexedConfig& a, const IndexedConfig& b, bool ignorecase) {
  if (!ignorecase) return config::diff_configs(a.config(), b.config());
  return config::diff_configs(lowered(a.config()), lowered(b.config()));
}

}  // namespace iosctl::sim
