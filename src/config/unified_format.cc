#include "iosctl/config/unified_format.h"

#include "iosctl/config/line_diff.h"
#include "iosctl/config/normalize.h"
#include "iosctl/config/scan.h"
#include "iosctl/config/text.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace iosctl::config {
namespace {

// Lines are diffed as small integers: equal lines share one number, so the
// edit-script search compares ints instead of strings. Open addressing keeps
// a 200,000-line config from costing one allocation per line.
class LineTable {
 public:
  explicit LineTable(std::size_t expected) {
    std::size_t size = 16;
    while (size < 2 * expected) size *= 2;
    slots_.assign(size, -1);
  }

  std::vector<int> intern(const std::vector<CanonicalLine>& lines) {
    std::vector<int> ids;
    ids.reserve(lines.size());
    for (const CanonicalLine& line : lines) ids.push_back(id_of(line));
    return ids;
  }

  const CanonicalLine& line(int id) const { return lines_[static_cast<std::size_t>(id)]; }

 private:
  int id_of(const CanonicalLine& line) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = (std::hash<std::string_view>{}(line.text) ^
                        static_cast<std::size_t>(line.depth + 1) * 0x9e3779b97f4a7c15ull) &
                       mask;
    while (slots_[slot] >= 0) {
      const CanonicalLine& known = lines_[static_cast<std::size_t>(slots_[slot])];
      if (known.depth == line.depth && known.text == line.text) return slots_[slot];
      slot = (slot + 1) & mask;
    }
    slots_[slot] = static_cast<int>(lines_.size());
    lines_.push_back(line);
    return slots_[slot];
  }

  std::vector<int> slots_;  // id per slot, -1 when free
  std::vector<CanonicalLine> lines_;
};

constexpr int kContext = 3;  // lines of context around a change, as `diff -u`

// `diff -u` leaves out the count when it is 1, and names the line before an
// empty range.
std::string range(int start, int count) {
  std::string out = std::to_string(count == 0 ? start - 1 : start);
  if (count != 1) {
    out += ',';
    out += std::to_string(count);
  }
  return out;
}

// Groups an edit script into hunks: changes closer than twice the context
// share a hunk, as in `diff -u`. dtl composes hunks only for a script of its
// own, and line_diff's script is stitched from a reduced search.
class UnifiedWriter {
 public:
  UnifiedWriter(const std::vector<Edit>& script, const std::vector<int>& a,
                const std::vector<int>& b, const LineTable& table, const DisplayOptions& options)
      : script_(script), a_(a), b_(b), table_(table), options_(options) {}

  std::string write(const UnifiedLabels& labels) {
    colored(color_header(options_), "--- ", labels.running);
    colored(color_header(options_), "+++ ", labels.candidate);
    const int n = static_cast<int>(script_.size());
    int floor = 0;
    for (int change = next_change(0); change < n; change = next_change(floor)) {
      const int start = std::max(change - kContext, floor);
      floor = hunk_end(change);
      hunk(start, floor);
    }
    return std::move(out_);
  }

 private:
  int next_change(int from) const {
    const int n = static_cast<int>(script_.size());
    while (from < n && at(from).kind == EditKind::common) ++from;
    return from;
  }

  // Returns one past the hunk's last line: the context after the last change
  // that has no other change within twice the context.
  int hunk_end(int change) const {
    const int n = static_cast<int>(script_.size());
    int end = change;
    while (true) {
      while (end < n && at(end).kind != EditKind::common) ++end;
      const int next = next_change(end);
      if (next >= n || next - end > 2 * kContext) return std::min(end + kContext, n);
      end = next;
    }
  }

  void hunk(int start, int end) {
    int a_count = 0;
    int b_count = 0;
    for (int i = start; i < end; ++i) {
      if (at(i).kind != EditKind::added) ++a_count;
      if (at(i).kind != EditKind::removed) ++b_count;
    }
    std::string header = range(at(start).a + 1, a_count);
    header += " +";
    header += range(at(start).b + 1, b_count);
    header += " @@";
    colored(color_header(options_), "@@ -", header);
    for (int i = start; i < end; ++i) line(at(i));
  }

  void line(const Edit& e) {
    switch (e.kind) {
      case EditKind::added:
        return colored(color_added(options_), "+", text(b_, e.b));
      case EditKind::removed:
        return colored(color_removed(options_), "-", text(a_, e.a));
      case EditKind::common:
        out_ += ' ';
        out_ += text(a_, e.a);
        out_ += '\n';
    }
  }

  std::string text(const std::vector<int>& seq, int index) const {
    const CanonicalLine& line = table_.line(seq[static_cast<std::size_t>(index)]);
    std::string shown(static_cast<std::size_t>(std::max(line.depth, 0)), ' ');
    shown += displayed_line(line.text, options_);
    return shown;
  }

  const Edit& at(int i) const { return script_[static_cast<std::size_t>(i)]; }

  void colored(std::string_view color, std::string_view prefix, std::string_view line) {
    out_ += color;
    out_ += prefix;
    out_ += line;
    out_ += color.empty() ? "" : color_reset(options_);
    out_ += '\n';
  }

  const std::vector<Edit>& script_;
  const std::vector<int>& a_;
  const std::vector<int>& b_;
  const LineTable& table_;
  const DisplayOptions& options_;
  std::string out_;
};

}  // namespace

CanonicalText canonical_lines(std::string_view text) {
  CanonicalText out;
  out.lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  ConfigScanner scanner(text);
  ScannedLine line;
  while (scanner.next(line)) {
    if (line.role == LineRole::body) {
      out.lines.push_back({-1, trim_right(line.raw)});
    } else if (line.role == LineRole::node && !(line.depth == 0 && is_volatile_line(line.text))) {
      out.lines.push_back({line.depth, line.text});
    }
  }
  out.problems = scanner.problems();
  return out;
}

std::string format_unified(const CanonicalText& running, const CanonicalText& candidate,
                           const UnifiedLabels& labels, const DisplayOptions& options) {
  LineTable table(running.lines.size() + candidate.lines.size());
  const std::vector<int> a = table.intern(running.lines);
  const std::vector<int> b = table.intern(candidate.lines);
  const std::vector<Edit> script = diff_lines(a, b);
  const bool equal = std::all_of(script.begin(), script.end(),
                                 [](const Edit& e) { return e.kind == EditKind::common; });
  if (equal) return "";
  return UnifiedWriter(script, a, b, table, options).write(labels);
}

}  // namespace iosctl::config
