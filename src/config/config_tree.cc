#include "iosctl/config/config_tree.h"

#include "iosctl/config/text.h"

namespace iosctl::config {
namespace {

constexpr char kEtx = '\x03';

// `show running-config` shows the ETX banner delimiter as `^C`, so a
// candidate file (ETX) and a saved running config (`^C`) compare equal.
void append_displayed(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == kEtx) {
      out += "^C";
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string comparison_key(const Node& node) {
  if (node.kind == NodeKind::command) return node.text;
  std::string key;
  append_displayed(key, node.text);
  for (const std::string& line : node.body) {
    key += '\n';
    // Certificate hex lines carry a trailing space and `quit` a TAB; IOS
    // ignores both, and so does the comparison.
    append_displayed(key, node.kind == NodeKind::certificate ? trim(line) : trim_right(line));
  }
  return key;
}

std::string source_line(const Node& node) {
  if (!node.raw.empty()) return node.raw;
  return std::string(static_cast<std::size_t>(node.indent), ' ') + node.text;
}

bool is_trivia(std::string_view line) {
  const std::string_view text = trim_left_ws(line);
  return trim_right(text).empty() || text.front() == '!';
}

}  // namespace iosctl::config
