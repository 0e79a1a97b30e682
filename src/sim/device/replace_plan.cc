#include "iosctl/sim/replace_plan.h"

#include "iosctl/config/order.h"
#include "iosctl/sim/config_edit.h"
#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace iosctl::sim {
namespace {

using config::Node;
using Path = std::vector<std::string>;

// IOS prints ` exit-address-family` after each address-family block; it
// leaves the block rather than configuring anything, and the
// `address-family` command adds and removes it (config_actions.cc).
constexpr std::string_view kExitAf = "exit-address-family";

// IOS removes a line by typing its `no` form, and a `no X` line by typing X;
// a banner goes with `no banner KIND`, whatever its text.
std::string removal_line(const Node& node) {
  if (node.text.starts_with("no ")) return node.text.substr(3);
  if (node.kind == config::NodeKind::banner) {
    const std::vector<std::string> words = line_words(node.text);
    return "no " + words[0] + (words.size() > 1 ? " " + words[1] : "");
  }
  return "no " + node.text;
}

ReplaceCommand command_for(const Path& path, const Node& node, bool removal) {
  ReplaceCommand c{path, removal ? removal_line(node) : node.text, node.text, node.body, removal};
  return c;
}

// What names the line a new one overwrites (config_edit.h key_words).
struct LineKey {
  std::vector<std::string> words;
  bool replaces = false;  // a keyed line: a new one takes its place
  bool keep_no = false;   // adding it drops a `no` form of it
  bool secondary = false;
};

class Planner {
 public:
  Planner(const IndexedConfig& running, const IndexedConfig& candidate, bool ignorecase,
          const Grammar& grammar)
      : running_(running), candidate_(candidate), ignorecase_(ignorecase), grammar_(grammar) {}

  std::vector<ReplaceCommand> run(const config::ConfigDiff& diff) {
    for (const config::Change& c : diff.added) add_.insert(c.line);
    for (const config::Reordering& r : diff.reordered) {
      for (const std::string& text : r.lines) moved_.insert(key(r.path, text));
    }
    Path path;
    mark_tails(candidate_.config().children, false, path);
    std::vector<ReplaceCommand> out = removals(diff);
    const std::vector<ReplaceCommand> adds = additions();
    std::erase_if(out, [&](const ReplaceCommand& r) { return !r.moved && superseded(r, adds); });
    out.insert(out.end(), adds.begin(), adds.end());
    return out;
  }

 private:
  std::string key(const Path& path, const std::string& text) const {
    std::string k;
    for (const std::string& p : path) (k += p) += '\n';
    k += text;
    return ignorecase_ ? lower(k) : k;
  }

  // In an ordered list, everything from the first new or moved entry on is
  // typed again in the candidate's order: a new entry goes last (IOS
  // numbers it after the others), so those after it must follow it.
  void mark_tails(const std::vector<Node>& children, bool ordered, Path& path) {
    std::map<std::string, std::vector<const Node*>> lists;
    for (const Node& child : children) {
      const std::optional<std::string> name =
          ordered ? std::optional<std::string>("") : config::order_dependent_list(child.text);
      if (name) lists[*name].push_back(&child);
    }
    for (const auto& [name, members] : lists) {
      const auto first = std::find_if(members.begin(), members.end(), [&](const Node* n) {
        return add_.count(n->line) || moved_.count(key(path, n->text));
      });
      for (auto it = first; it != members.end(); ++it) {
        if (!add_.count((*it)->line)) {
          ReplaceCommand removal = command_for(path, **it, true);
          removal.moved = true;
          moves_.push_back(std::move(removal));
        }
        mark_subtree(**it);
      }
    }
    for (const Node& child : children) {
      path.push_back(child.text);
      mark_tails(child.children, config::is_order_dependent_block(child.text), path);
      path.pop_back();
    }
  }

  void mark_subtree(const Node& node) {
    add_.insert(node.line);
    for (const Node& child : node.children) mark_subtree(child);
  }

  // Lines the running config has and the candidate lacks, each once: a
  // block's removal takes its lines with it.
  std::vector<ReplaceCommand> removals(const config::ConfigDiff& diff) const {
    std::vector<ReplaceCommand> out;
    std::set<Path> gone;
    for (const config::Change& c : diff.removed) {
      const IndexedConfig::Entry* entry = running_.at(c.line);
      if (!entry || entry->node->text == kExitAf) continue;
      Path prefix;
      bool inside = false;
      for (const std::string& p : entry->path) {
        prefix.push_back(p);
        inside = inside || gone.count(prefix);
      }
      if (inside) continue;
      prefix.push_back(entry->node->text);
      gone.insert(prefix);
      out.push_back(command_for(entry->path, *entry->node, true));
    }
    out.insert(out.end(), moves_.begin(), moves_.end());
    return out;
  }

  std::vector<ReplaceCommand> additions() const {
    std::vector<ReplaceCommand> out;
    Path path;
    collect(candidate_.config().children, path, out);
    return out;
  }

  void collect(const std::vector<Node>& nodes, Path& path, std::vector<ReplaceCommand>& out) const {
    for (const Node& node : nodes) {
      if (add_.count(node.line) && node.text != kExitAf)
        out.push_back(command_for(path, node, false));
      path.push_back(node.text);
      collect(node.children, path, out);
      path.pop_back();
    }
  }

  // IOS leaves out of its configlet the removal of a line that an added one
  // overwrites (`hostname`, `logging buffered`, a banner); so do we, also
  // because typing it first would take more than that line (`no ip address
  // A M` drops the secondaries too).
  bool superseded(const ReplaceCommand& removal, const std::vector<ReplaceCommand>& adds) {
    const std::string mode = mode_after(removal.path);
    const std::vector<std::string> words = line_words(removal.text);
    const std::optional<LineKey> gone =
        removal.text.starts_with("no ") ? std::nullopt : line_key(mode, removal.text);
    for (const ReplaceCommand& add : adds) {
      if (add.path != removal.path) continue;
      const std::optional<LineKey> k = line_key(mode, add.text);
      if (!k) continue;
      if (!gone && k->keep_no && words.size() > k->words.size() && words[0] == "no" &&
          std::equal(k->words.begin(), k->words.end(), words.begin() + 1)) {
        return true;
      }
      if (gone && gone->replaces && k->replaces && gone->words == k->words &&
          gone->secondary == k->secondary) {
        return true;
      }
    }
    return false;
  }

  std::optional<LineKey> line_key(const std::string& mode, std::string_view text) const {
    if (mode.empty()) return std::nullopt;
    const Match m = grammar_.match(mode, text, true);
    if (m.status != MatchStatus::ok || m.negated) return std::nullopt;
    return LineKey{key_words(m.words, *m.command),
                   m.command->key != 0 && m.command->submode.empty(), m.command->keep_no,
                   text.ends_with(" secondary")};
  }

  // The mode typing `path` from global configuration leads to; empty when a
  // line of it enters no mode.
  std::string mode_after(const Path& path) {
    const auto cached = modes_.find(path);
    if (cached != modes_.end()) return cached->second;
    std::string mode = "config";
    for (const std::string& text : path) {
      const Match m = grammar_.match(mode, text, true);
      if (m.status != MatchStatus::ok || m.command->submode.empty()) {
        mode.clear();
        break;
      }
      mode = submode_for(*m.command, m.words);
    }
    modes_[path] = mode;
    return mode;
  }

  const IndexedConfig& running_;
  const IndexedConfig& candidate_;
  bool ignorecase_;
  const Grammar& grammar_;
  std::set<int> add_;            // candidate lines to add
  std::set<std::string> moved_;  // path and text of re-ordered lines (diff.reordered)
  std::vector<ReplaceCommand> moves_;
  std::map<Path, std::string> modes_;
};

}  // namespace

std::vector<ReplaceCommand> plan_replace(const IndexedConfig& running,
                                         const IndexedConfig& candidate, bool ignorecase,
                                         const Grammar& grammar) {
  return Planner(running, candidate, ignorecase, grammar)
      .run(diff_indexed(running, candidate, ignorecase));
}

}  // namespace iosctl::sim
