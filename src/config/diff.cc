#include "iosctl/config/diff.h"

#include "iosctl/config/order.h"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace iosctl::config {
namespace {

using Path = std::vector<std::string>;

// Children of one parent on both sides, paired by comparison key. Equal keys
// pair up in order, so duplicated lines are matched one for one.
struct Matching {
  std::vector<int> running_of;  // per candidate child: its running partner or -1
  std::vector<bool> running_matched;
};

Matching match_children(const std::vector<Node>& running, const std::vector<Node>& candidate) {
  std::unordered_map<std::string, std::vector<int>> unmatched;
  for (int i = static_cast<int>(running.size()) - 1; i >= 0; --i) {
    unmatched[comparison_key(running[static_cast<std::size_t>(i)])].push_back(i);
  }
  Matching m{std::vector<int>(candidate.size(), -1), std::vector<bool>(running.size(), false)};
  for (std::size_t j = 0; j < candidate.size(); ++j) {
    auto it = unmatched.find(comparison_key(candidate[j]));
    if (it == unmatched.end() || it->second.empty()) continue;
    m.running_of[j] = it->second.back();
    m.running_matched[static_cast<std::size_t>(it->second.back())] = true;
    it->second.pop_back();
  }
  return m;
}

void add_subtree(std::vector<Change>& out, Sign sign, const Node& node, Path& path) {
  out.push_back({sign, path, node.text, node.kind, node.body, node.line});
  path.push_back(node.text);
  for (const Node& child : node.children) add_subtree(out, sign, child, path);
  path.pop_back();
}

// The lines, in candidate order, that left the longest run which kept its
// order: the fewest lines whose moving explains the new order.
std::vector<int> moved_lines(const std::vector<int>& running_positions_in_candidate_order) {
  std::vector<int> in_running_order = running_positions_in_candidate_order;
  std::sort(in_running_order.begin(), in_running_order.end());
  dtl::Diff<int> lcs(in_running_order, running_positions_in_candidate_order);
  lcs.compose();
  std::vector<int> moved;
  for (const auto& [position, info] : lcs.getSes().getSequence()) {
    if (info.type == dtl::SES_ADD) moved.push_back(position);
  }
  return moved;
}

class Differ {
 public:
  ConfigDiff run(const Config& running, const Config& candidate) {
    Path path;
    compare(running.children, candidate.children, path, false);
    // Removals were found level by level; source line order is the running
    // config's document order.
    std::stable_sort(diff_.removed.begin(), diff_.removed.end(),
                     [](const Change& a, const Change& b) { return a.line < b.line; });
    std::stable_sort(diff_.added.begin(), diff_.added.end(),
                     [](const Change& a, const Change& b) { return a.line < b.line; });
    std::stable_sort(diff_.reordered.begin(), diff_.reordered.end(),
                     [](const Reordering& a, const Reordering& b) { return a.line < b.line; });
    return std::move(diff_);
  }

 private:
  void compare(const std::vector<Node>& running, const std::vector<Node>& candidate, Path& path,
               bool ordered) {
    const Matching m = match_children(running, candidate);
    for (std::size_t j = 0; j < candidate.size(); ++j) {
      if (m.running_of[j] < 0) add_subtree(diff_.added, Sign::added, candidate[j], path);
    }
    for (std::size_t i = 0; i < running.size(); ++i) {
      if (!m.running_matched[i]) add_subtree(diff_.removed, Sign::removed, running[i], path);
    }
    for (std::size_t j = 0; j < candidate.size(); ++j) {
      if (m.running_of[j] < 0) continue;
      const Node& pair = running[static_cast<std::size_t>(m.running_of[j])];
      path.push_back(candidate[j].text);
      compare(pair.children, candidate[j].children, path,
              is_order_dependent_block(candidate[j].text));
      path.pop_back();
    }
    find_reorderings(candidate, m, path, ordered);
  }

  // Within an order-dependent block all children form one list; at any
  // level, top-level style lists (`access-list 101 ...`) are grouped by name.
  void find_reorderings(const std::vector<Node>& candidate, const Matching& m, const Path& path,
                        bool ordered) {
    std::map<std::string, std::vector<int>> lists;  // list name -> candidate indexes
    for (std::size_t j = 0; j < candidate.size(); ++j) {
      if (m.running_of[j] < 0) continue;
      auto name =
          ordered ? std::optional<std::string>("") : order_dependent_list(candidate[j].text);
      if (name) lists[*name].push_back(static_cast<int>(j));
    }
    for (const auto& [name, members] : lists) {
      std::vector<int> positions;
      for (int j : members) positions.push_back(m.running_of[static_cast<std::size_t>(j)]);
      if (std::is_sorted(positions.begin(), positions.end())) continue;
      std::vector<int> moved = moved_lines(positions);
      std::sort(moved.begin(), moved.end());
      Reordering r{path, {}, 0};
      for (int j : members) {
        if (!std::binary_search(moved.begin(), moved.end(),
                                m.running_of[static_cast<std::size_t>(j)])) {
          continue;
        }
        const Node& node = candidate[static_cast<std::size_t>(j)];
        if (r.lines.empty()) r.line = node.line;
        r.lines.push_back(node.text);
      }
      diff_.reordered.push_back(std::move(r));
    }
  }

  ConfigDiff diff_;
};

}  // namespace

ConfigDiff diff_configs(const Config& running, const Config& candidate) {
  return Differ().run(running, candidate);
}

}  // namespace iosctl::config
