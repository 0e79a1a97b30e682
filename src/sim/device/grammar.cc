#include "iosctl/sim/grammar.h"

#include "iosctl/sim/text_util.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace iosctl::sim {
namespace {

// Modes the `@mode any-config` lines are not added to.
constexpr std::string_view kExecModes[] = {"exec", "priv"};

struct Pending {
  std::vector<std::string> modes;
  std::string line;
  int number = 0;
};

[[noreturn]] void bad_line(int number, std::string_view line, std::string_view why) {
  throw std::invalid_argument("grammar line " + std::to_string(number) + ": " + std::string(why) +
                              ": " + std::string(line));
}

// One position of a grammar line: `<word>`, `<1-65535>`, `a|b|c`, `keyword`.
std::vector<GrammarNode> alternatives(std::string_view token) {
  GrammarNode node;
  if (token.size() > 2 && token.front() == '<' && token.back() == '>') {
    const std::string_view label = token.substr(1, token.size() - 2);
    node.text = std::string(label);
    const std::size_t dash = label.find('-');
    if (label == "word")
      node.kind = TokenKind::word;
    else if (label == "ip")
      node.kind = TokenKind::ipv4;
    else if (label == "ifname")
      node.kind = TokenKind::ifname;
    else if (label == "url")
      node.kind = TokenKind::url;
    else if (label == "line")
      node.kind = TokenKind::rest;
    else if (dash != std::string_view::npos && is_number(label.substr(0, dash)) &&
             is_number(label.substr(dash + 1))) {
      node.kind = TokenKind::number;
      node.low = std::stoll(std::string(label.substr(0, dash)));
      node.high = std::stoll(std::string(label.substr(dash + 1)));
    } else {
      return {};
    }
    std::vector<GrammarNode> one;
    one.push_back(std::move(node));
    return one;
  }
  std::vector<GrammarNode> keywords;
  for (std::string_view word : split(token, '|')) {
    if (word.empty()) return {};
    GrammarNode kw;
    kw.text = std::string(word);
    keywords.push_back(std::move(kw));
  }
  return keywords;
}

bool same_position(const GrammarNode& a, const GrammarNode& b) {
  return a.kind == b.kind && a.text == b.text && a.low == b.low && a.high == b.high;
}

GrammarNode& child_like(GrammarNode& parent, const GrammarNode& like) {
  for (auto& child : parent.children) {
    if (same_position(*child, like)) return *child;
  }
  auto node = std::make_unique<GrammarNode>();
  node->kind = like.kind;
  node->text = like.text;
  node->low = like.low;
  node->high = like.high;
  parent.children.push_back(std::move(node));
  return *parent.children.back();
}

CommandSpec parse_attributes(std::string_view attrs, int number, std::string_view line) {
  CommandSpec spec;
  for (std::string_view attr : split_words(attrs)) {
    const std::size_t eq = attr.find('=');
    const std::string_view name = attr.substr(0, eq);
    const std::string value(eq == std::string_view::npos ? "" : attr.substr(eq + 1));
    if (name == "act")
      spec.action = value;
    else if (name == "mode")
      spec.submode = value;
    else if (name == "key" && is_number(value))
      spec.key = std::stoi(value);
    else if (name == "pipe")
      spec.pipe = true;
    else if (name == "noonly")
      spec.no_only = true;
    else if (name == "keepno")
      spec.keep_no = true;
    else if (name == "defon")
      spec.default_on = true;
    else
      bad_line(number, line, "unknown attribute '" + std::string(attr) + "'");
  }
  return spec;
}

// Adds every path `tokens[i..]` spells (alternatives multiply) below `node`.
void add_paths(GrammarNode& node, const std::vector<std::vector<GrammarNode>>& tokens,
               std::size_t i, const CommandSpec& spec, int number, std::string_view line) {
  if (i == tokens.size()) {
    if (node.command) bad_line(number, line, "command defined twice");
    node.command = std::make_unique<CommandSpec>(spec);
    return;
  }
  for (const GrammarNode& alt : tokens[i]) {
    GrammarNode& child = child_like(node, alt);
    const int depth = static_cast<int>(i) + 1;
    if (spec.key == depth && depth < static_cast<int>(tokens.size()) && !child.no_command) {
      child.no_command = std::make_unique<CommandSpec>(spec);
    }
    add_paths(child, tokens, i + 1, spec, number, line);
  }
}

void add_line(GrammarNode& root, std::string_view line, int number) {
  const std::size_t semi = line.find(';');
  const std::string_view pattern = line.substr(0, semi);
  const CommandSpec spec = parse_attributes(
      semi == std::string_view::npos ? std::string_view{} : line.substr(semi + 1), number, line);
  std::vector<std::vector<GrammarNode>> tokens;
  for (std::string_view token : split_words(pattern)) {
    tokens.push_back(alternatives(token));
    if (tokens.back().empty()) bad_line(number, line, "bad token '" + std::string(token) + "'");
  }
  if (tokens.empty()) bad_line(number, line, "no command words");
  add_paths(root, tokens, 0, spec, number, line);
}

std::vector<Pending> read_sections(std::string_view text) {
  std::vector<Pending> pending;
  std::vector<std::string> modes;
  int number = 0;
  for (std::string_view raw : split(text, '\n')) {
    ++number;
    const std::string_view line = trim_view(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("@mode ")) {
      modes.clear();
      for (std::string_view m : split_words(line.substr(6))) modes.emplace_back(m);
      continue;
    }
    if (modes.empty()) bad_line(number, line, "command before any @mode");
    pending.push_back({modes, std::string(line), number});
  }
  return pending;
}

bool is_exec_mode(std::string_view mode) {
  for (std::string_view m : kExecModes) {
    if (m == mode) return true;
  }
  return false;
}

}  // namespace

Grammar::Grammar(std::string_view text) {
  const std::vector<Pending> pending = read_sections(text);
  for (const Pending& p : pending) {
    for (const std::string& mode : p.modes) {
      if (mode != "any-config" && !modes_.count(mode)) {
        modes_.emplace(mode, std::make_shared<GrammarNode>());
      }
    }
  }
  for (const Pending& p : pending) {
    for (const std::string& mode : p.modes) {
      if (mode != "any-config") {
        add_line(*modes_.at(mode), p.line, p.number);
        continue;
      }
      for (auto& [name, root] : modes_) {
        if (!is_exec_mode(name)) add_line(*root, p.line, p.number);
      }
    }
  }
}

bool Grammar::has_mode(std::string_view mode) const { return modes_.find(mode) != modes_.end(); }

}  // namespace iosctl::sim
