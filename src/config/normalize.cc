#include "iosctl/config/normalize.h"

#include <algorithm>

namespace iosctl::config {
namespace {

void drop_trivia(std::vector<Node>& nodes) {
  for (Node& node : nodes) {
    node.leading.clear();
    drop_trivia(node.children);
  }
}

}  // namespace

// Every `show running-config` starts with the first two; classic IOS starts
// `show startup-config` with `Using N out of M bytes`, compressed ones with
// `Uncompressed configuration from N bytes to M bytes` (IOS_BEHAVIOR.md 3.2).
bool is_show_header_line(std::string_view text) {
  if (text == "Building configuration..." || text.starts_with("Uncompressed configuration from ")) {
    return true;
  }
  if (text.starts_with("Current configuration :") && text.ends_with(" bytes")) return true;
  return text.starts_with("Using ") && text.ends_with(" bytes") &&
         text.find(" out of ") != std::string_view::npos;
}

// `ntp clock-period` is rewritten by IOS as the clock drifts (section 9).
bool is_volatile_line(std::string_view text) {
  return is_show_header_line(text) || text.starts_with("ntp clock-period ");
}

Config normalize(Config config) {
  std::erase_if(config.children, [](const Node& n) { return is_volatile_line(n.text); });
  drop_trivia(config.children);
  config.trailing.clear();
  return config;
}

}  // namespace iosctl::config
