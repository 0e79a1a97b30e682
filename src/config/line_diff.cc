#include "iosctl/config/line_diff.h"

#include <dtl/dtl.hpp>

#include <algorithm>

namespace iosctl::config {
namespace {

// Writes the script in order. Lines between the matched pairs it is given
// are removals and additions, emitted where they stand so that each change
// stays together.
class ScriptBuilder {
 public:
  explicit ScriptBuilder(std::size_t size_hint) { script_.reserve(size_hint); }

  void removed_until(int a_end) {
    for (; a_ < a_end; ++a_) script_.push_back({EditKind::removed, a_, b_});
  }
  void added_until(int b_end) {
    for (; b_ < b_end; ++b_) script_.push_back({EditKind::added, a_, b_});
  }
  void common(int a, int b) {
    removed_until(a);
    added_until(b);
    script_.push_back({EditKind::common, a_++, b_++});
  }
  std::vector<Edit> finish(int a_size, int b_size) {
    removed_until(a_size);
    added_until(b_size);
    return std::move(script_);
  }

 private:
  std::vector<Edit> script_;
  int a_ = 0;
  int b_ = 0;
};

struct Pair {
  int a;
  int b;
};

// Returns the longest run of `pairs` (in `a` order) whose `b` also rises:
// patience sorting, O(n log n).
std::vector<Pair> longest_rising(const std::vector<Pair>& pairs) {
  std::vector<int> tails;  // index into pairs of the smallest tail per run length
  std::vector<int> before(pairs.size(), -1);
  for (int i = 0; i < static_cast<int>(pairs.size()); ++i) {
    auto at =
        std::lower_bound(tails.begin(), tails.end(), pairs[static_cast<std::size_t>(i)].b,
                         [&](int t, int b) { return pairs[static_cast<std::size_t>(t)].b < b; });
    if (at != tails.begin()) before[static_cast<std::size_t>(i)] = *(at - 1);
    if (at == tails.end()) {
      tails.push_back(i);
    } else {
      *at = i;
    }
  }
  std::vector<Pair> run;
  for (int i = tails.empty() ? -1 : tails.back(); i >= 0; i = before[static_cast<std::size_t>(i)]) {
    run.push_back(pairs[static_cast<std::size_t>(i)]);
  }
  std::reverse(run.begin(), run.end());
  return run;
}

class LineDiffer {
 public:
  LineDiffer(const std::vector<int>& a, const std::vector<int>& b)
      : a_(a), b_(b), script_(a.size() + b.size()) {
    int ids = 0;
    for (int id : a) ids = std::max(ids, id + 1);
    for (int id : b) ids = std::max(ids, id + 1);
    in_a_.assign(static_cast<std::size_t>(ids), 0);
    in_b_.assign(static_cast<std::size_t>(ids), 0);
    for (int id : a) ++in_a_[static_cast<std::size_t>(id)];
    for (int id : b) ++in_b_[static_cast<std::size_t>(id)];
  }

  // Lines that occur once in each file and keep their order anchor the diff
  // (patience diff); only the stretches between anchors need an edit-script
  // search, and on a config with 1 % changed lines those are a few lines each.
  std::vector<Edit> run() {
    Pair previous{-1, -1};
    for (const Pair& anchor : anchors()) {
      segment(previous.a + 1, anchor.a, previous.b + 1, anchor.b);
      script_.common(anchor.a, anchor.b);
      previous = anchor;
    }
    segment(previous.a + 1, static_cast<int>(a_.size()), previous.b + 1,
            static_cast<int>(b_.size()));
    return script_.finish(static_cast<int>(a_.size()), static_cast<int>(b_.size()));
  }

 private:
  bool unique_in_both(int id) const {
    return in_a_[static_cast<std::size_t>(id)] == 1 && in_b_[static_cast<std::size_t>(id)] == 1;
  }

  std::vector<Pair> anchors() const {
    std::vector<int> b_position(in_b_.size(), -1);
    for (int j = 0; j < static_cast<int>(b_.size()); ++j) {
      if (unique_in_both(b_[static_cast<std::size_t>(j)])) {
        b_position[static_cast<std::size_t>(b_[static_cast<std::size_t>(j)])] = j;
      }
    }
    std::vector<Pair> candidates;
    for (int i = 0; i < static_cast<int>(a_.size()); ++i) {
      const int id = a_[static_cast<std::size_t>(i)];
      if (unique_in_both(id)) candidates.push_back({i, b_position[static_cast<std::size_t>(id)]});
    }
    return longest_rising(candidates);
  }

  // Diffs a_[a_begin, a_end) against b_[b_begin, b_end).
  void segment(int a_begin, int a_end, int b_begin, int b_end) {
    // Most stretches between anchors are equal lines (a repeated ` no
    // shutdown`): match them without a search.
    while (a_begin < a_end && b_begin < b_end && at(a_, a_begin) == at(b_, b_begin)) {
      script_.common(a_begin++, b_begin++);
    }
    int suffix = 0;
    while (a_begin < a_end - suffix && b_begin < b_end - suffix &&
           at(a_, a_end - suffix - 1) == at(b_, b_end - suffix - 1)) {
      ++suffix;
    }
    search(a_begin, a_end - suffix, b_begin, b_end - suffix);
    for (int k = suffix; k > 0; --k) script_.common(a_end - k, b_end - k);
  }

  static int at(const std::vector<int>& seq, int i) { return seq[static_cast<std::size_t>(i)]; }

  void search(int a_begin, int a_end, int b_begin, int b_end) {
    if (a_begin == a_end || b_begin == b_end) return;  // the builder fills in the rest
    std::vector<int> a_kept, b_kept, a_ids, b_ids;
    for (int i = a_begin; i < a_end; ++i) {
      const int id = a_[static_cast<std::size_t>(i)];
      if (in_b_[static_cast<std::size_t>(id)] == 0) continue;
      a_kept.push_back(i);
      a_ids.push_back(id);
    }
    for (int j = b_begin; j < b_end; ++j) {
      const int id = b_[static_cast<std::size_t>(j)];
      if (in_a_[static_cast<std::size_t>(id)] == 0) continue;
      b_kept.push_back(j);
      b_ids.push_back(id);
    }
    if (a_ids.empty() || b_ids.empty()) return;
    // Lines that occur nowhere in the other file cannot match and are left
    // out of dtl's search, as GNU diff does.
    dtl::Diff<int> dtl_diff(a_ids, b_ids);
    dtl_diff.compose();
    for (const auto& [id, info] : dtl_diff.getSes().getSequence()) {
      if (info.type != dtl::SES_COMMON) continue;
      // dtl numbers positions from 1.
      script_.common(a_kept[static_cast<std::size_t>(info.beforeIdx - 1)],
                     b_kept[static_cast<std::size_t>(info.afterIdx - 1)]);
    }
  }

  const std::vector<int>& a_;
  const std::vector<int>& b_;
  std::vector<int> in_a_;  // occurrences per line id
  std::vector<int> in_b_;
  ScriptBuilder script_;
};

}  // namespace

std::vector<Edit> diff_lines(const std::vector<int>& a, const std::vector<int>& b) {
  return LineDiffer(a, b).run();
}

}  // namespace iosctl::config
