#include "iosctl/sim/running_config.h"

#include "iosctl/config/order.h"
#include "iosctl/config/parse.h"
#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <utility>

namespace iosctl::sim {
namespace {

constexpr char kEtx = '\x03';

std::string first_word(std::string_view text) {
  const std::size_t space = text.find(' ');
  return std::string(text.substr(0, space));
}

// `show running-config` and startup-config headers: what a config saved
// from the screen starts with (IOS_BEHAVIOR.md 3.1, 3.2), not configuration.
bool is_header_line(std::string_view text) {
  return text.starts_with("Building configuration") ||
         text.starts_with("Current configuration :") ||
         (text.starts_with("Using ") && text.find(" out of ") != std::string_view::npos);
}

// A saved running config shows the banner delimiter as `^C`; IOS keeps the
// ETX byte itself (IOS_BEHAVIOR.md 9), and so do we.
std::string with_etx(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '^' && i + 1 < s.size() && s[i + 1] == 'C') {
      out += kEtx;
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::unique_ptr<ConfigLine> convert(config::Node& node) {
  auto line = std::make_unique<ConfigLine>();
  line->kind = node.kind;
  line->indent = node.indent;
  line->raw = config::source_line(node);
  line->text = std::move(node.text);
  line->body = std::move(node.body);
  line->leading = std::move(node.leading);
  if (line->kind == config::NodeKind::banner) {
    line->raw = with_etx(line->raw);
    line->text = with_etx(line->text);
    for (std::string& b : line->body) b = with_etx(b);
  }
  return line;
}

void render_lines(std::string& out, const ConfigLine& parent) {
  for (const auto& line : parent.children) {
    for (const std::string& l : line->leading) (out += l) += '\n';
    (out += line->raw) += '\n';
    for (const std::string& l : line->body) (out += l) += '\n';
    render_lines(out, *line);
  }
}

bool words_start_with(std::string_view text, const std::vector<std::string>& prefix) {
  const std::vector<std::string_view> words = split_words(text);
  if (words.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (words[i] != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> line_words(std::string_view text) {
  std::vector<std::string> words;
  for (std::string_view w : split_words(text)) words.emplace_back(w);
  return words;
}

RunningConfig::RunningConfig(std::string_view text, std::string_view version) {
  config::Config parsed = config::parse_config(text);
  std::vector<config::Node>& top = parsed.children;
  std::size_t first = 0;
  while (first < top.size() && is_header_line(top[first].text)) ++first;
  std::vector<std::string> tail = std::move(parsed.trailing);
  std::size_t last = top.size();
  if (last > first && top[last - 1].text == "end") {
    tail = std::move(top[last - 1].leading);  // what follows `end` is not configuration
    --last;
  }
  if (first < last) top[first].leading.clear();  // the `! Last configuration change` lines
  const bool has_version = first < last && top[first].text.starts_with("version ");
  if (!has_version) {
    // Every IOS running config names its version; scrapli_cfg drops all
    // before the first `version` line (IOS_BEHAVIOR.md 3.2).
    insert(root_, "version " + std::string(version), false);
  }
  for (std::size_t i = first; i < last; ++i) {
    auto line = convert(top[i]);
    ConfigLine& added = *line;
    adopt(root_, root_.children.end(), std::move(line));
    std::vector<std::pair<ConfigLine*, config::Node*>> stack{{&added, &top[i]}};
    while (!stack.empty()) {
      auto [into, from] = stack.back();
      stack.pop_back();
      for (config::Node& child : from->children) {
        auto c = convert(child);
        ConfigLine& ref = *c;
        adopt(*into, into->children.end(), std::move(c));
        stack.emplace_back(&ref, &child);
      }
    }
  }
  trailing_ = std::move(tail);
}

ConfigLine* RunningConfig::find(ConfigLine& parent, std::string_view text) {
  const auto it = parent.by_text.find(std::string(text));
  return it == parent.by_text.end() ? nullptr : it->second->get();
}

const ConfigLine* RunningConfig::find(const ConfigLine& parent, std::string_view text) const {
  const auto it = parent.by_text.find(std::string(text));
  return it == parent.by_text.end() ? nullptr : it->second->get();
}

std::vector<ConfigLine*> RunningConfig::find_prefix(ConfigLine& parent,
                                                    const std::vector<std::string>& prefix) {
  std::vector<ConfigLine*> found;
  if (prefix.empty()) return found;
  auto [from, to] = parent.by_word.equal_range(prefix.front());
  for (auto it = from; it != to; ++it) {
    if (words_start_with((*it->second)->text, prefix)) found.push_back(it->second->get());
  }
  return found;
}

ConfigLine& RunningConfig::insert(ConfigLine& parent, std::string_view text, bool block) {
  ConfigLines::iterator where = parent.children.end();
  const auto last = parent.last_of_word.find(first_word(text));
  if (config::is_order_dependent_block(parent.text)) {
    // A new ACL entry, class or match goes last, where IOS numbers it: in
    // these blocks position is meaning (config/order.h).
  } else if (last != parent.last_of_word.end()) {
    where = std::next(last->second);
  } else if (&parent != &root_) {
    // Plain sub-mode lines come before nested blocks (`address-family`),
    // as IOS prints them.
    for (auto it = parent.children.begin(); it != parent.children.end(); ++it) {
      if (!(*it)->children.empty()) {
        where = it;
        break;
      }
    }
  }
  ConfigLine* before = where == parent.children.end() ? nullptr : where->get();
  ConfigLine& added = insert_before(parent, before, text);
  if (block && &parent == &root_) added.leading = {"!"};
  return added;
}

ConfigLine& RunningConfig::insert_before(ConfigLine& parent, ConfigLine* before,
                                         std::string_view text) {
  auto line = std::make_unique<ConfigLine>();
  line->indent = parent.indent + 1;
  line->text = std::string(text);
  line->raw = std::string(static_cast<std::size_t>(line->indent), ' ') + line->text;
  ConfigLines::iterator where = parent.children.end();
  if (before) {
    auto [from, to] = parent.by_word.equal_range(first_word(before->text));
    for (auto it = from; it != to; ++it) {
      if (it->second->get() == before) where = it->second;
    }
  }
  ConfigLine& added = *line;
  adopt(parent, where, std::move(line));
  return added;
}

void RunningConfig::set_text(ConfigLine& line, std::string_view text) {
  ConfigLine& parent = *line.parent;
  const std::string old_word = first_word(line.text);
  const std::string new_word = first_word(text);
  // Re-indexed like a removal and an insertion in the same place.
  auto [from, to] = parent.by_word.equal_range(old_word);
  for (auto it = from; it != to; ++it) {
    if (it->second->get() != &line) continue;
    const ConfigLines::iterator self = it->second;
    unindex(parent, self);
    parent.by_word.emplace(new_word, self);
    parent.by_text.try_emplace(std::string(text), self);
    parent.last_of_word.try_emplace(new_word, self);
    break;
  }
  line.text = std::string(text);
  line.raw = std::string(static_cast<std::size_t>(std::max(line.indent, 0)), ' ') + line.text;
}

void RunningConfig::adopt(ConfigLine& parent, ConfigLines::iterator where,
                          std::unique_ptr<ConfigLine> line) {
  line->parent = &parent;
  const std::string word = first_word(line->text);
  const bool at_end = where == parent.children.end();
  const auto it = parent.children.insert(where, std::move(line));
  parent.by_word.emplace(word, it);
  parent.by_text.try_emplace((*it)->text, it);
  const auto last = parent.last_of_word.find(word);
  // Right after the group's last line, or at the end: the new line is last.
  if (last == parent.last_of_word.end() || at_end || std::next(last->second) == it) {
    parent.last_of_word[word] = it;
  }
}

void RunningConfig::unindex(ConfigLine& parent, ConfigLines::iterator it) {
  const std::string word = first_word((*it)->text);
  auto [from, to] = parent.by_word.equal_range(word);
  std::size_t remaining = 0;
  const auto text = parent.by_text.find((*it)->text);
  const bool indexed_text = text != parent.by_text.end() && text->second == it;
  if (indexed_text) parent.by_text.erase(text);
  for (auto b = from; b != to;) {
    if (b->second == it) {
      b = parent.by_word.erase(b);
      continue;
    }
    ++remaining;
    // A twin line with the same text takes over the text index.
    if (indexed_text && (*b->second)->text == (*it)->text) {
      parent.by_text.try_emplace((*it)->text, b->second);
    }
    ++b;
  }
  const auto last = parent.last_of_word.find(word);
  if (last == parent.last_of_word.end() || last->second != it) return;
  if (remaining == 0) {
    parent.last_of_word.erase(last);
    return;
  }
  auto prev = it;
  while (prev != parent.children.begin()) {
    --prev;
    if (first_word((*prev)->text) == word) {
      last->second = prev;
      return;
    }
  }
  parent.last_of_word.erase(last);
}

ConfigLine* RunningConfig::remove(ConfigLine& line) {
  ConfigLine& parent = *line.parent;
  auto [from, to] = parent.by_word.equal_range(first_word(line.text));
  for (auto it = from; it != to; ++it) {
    if (it->second->get() != &line) continue;
    const ConfigLines::iterator target = it->second;
    unindex(parent, target);
    const auto next = parent.children.erase(target);
    return next == parent.children.end() ? nullptr : next->get();
  }
  return nullptr;
}

std::string RunningConfig::render() const {
  std::string out;
  render_lines(out, root_);
  for (const std::string& l : trailing_) (out += l) += '\n';
  out += "end\n";
  return out;
}

std::string RunningConfig::value(std::string_view word) const {
  const auto it = root_.by_word.find(std::string(word));
  if (it == root_.by_word.end()) return "";
  const std::string& text = (*it->second)->text;
  return std::string(trim_view(std::string_view(text).substr(word.size())));
}

}  // namespace iosctl::sim
