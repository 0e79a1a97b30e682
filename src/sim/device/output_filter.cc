#include "iosctl/sim/output_filter.h"

#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <regex>
#include <vector>

namespace iosctl::sim {
namespace {

struct FilterWord {
  std::string_view word;
  FilterKind kind;
};

// The pipe keywords iosim filters with. IOS also has `append`, `redirect`
// and `tee` (they write files; not simulated) and `format`; every keyword
// here still has a unique first letter, so `| i` and `| e` resolve as on IOS.
constexpr FilterWord kFilterWords[] = {
    {"begin", FilterKind::begin},     {"count", FilterKind::count},
    {"exclude", FilterKind::exclude}, {"include", FilterKind::include},
    {"section", FilterKind::section},
};

std::optional<std::regex> compile(const std::string& pattern) {
  try {
    return std::regex(pattern, std::regex::ECMAScript | std::regex::optimize);
  } catch (const std::regex_error&) {
    return std::nullopt;
  }
}

bool indented(std::string_view line) {
  return !line.empty() && (line[0] == ' ' || line[0] == '\t');
}

// `| section X`: each top-level line with the indented lines below it; a
// section whose header matches is kept whole, otherwise only its header
// and the matching lines below it are kept.
std::string section(const std::vector<std::string_view>& lines, const std::regex& re) {
  std::string out;
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t end = i + 1;
    while (end < lines.size() && indented(lines[end])) ++end;
    const bool header = std::regex_search(lines[i].begin(), lines[i].end(), re);
    std::string children;
    for (std::size_t j = i + 1; j < end; ++j) {
      if (header || std::regex_search(lines[j].begin(), lines[j].end(), re)) {
        (children += lines[j]) += '\n';
      }
    }
    if (header || !children.empty()) ((out += lines[i]) += '\n') += children;
    i = end;
  }
  return out;
}

}  // namespace

std::optional<OutputFilter> parse_filter(std::string_view text, std::size_t offset,
                                         FilterError& error) {
  const std::vector<std::string_view> words = split_words(text);
  if (words.empty()) {
    error = {true, 0};
    return std::nullopt;
  }
  const std::string_view typed = words.front();
  const std::size_t start = offset + static_cast<std::size_t>(typed.data() - text.data());
  const FilterWord* found = nullptr;
  std::size_t best = 0;
  for (const FilterWord& f : kFilterWords) {
    best = std::max(best, common_prefix(typed, f.word));
    if (!found && iprefix(typed, f.word)) found = &f;
  }
  if (!found) {
    error = {false, start + best};
    return std::nullopt;
  }
  const std::string_view rest =
      trim_view(text.substr(static_cast<std::size_t>(typed.data() - text.data()) + typed.size()));
  if (rest.empty()) {
    error = {true, 0};
    return std::nullopt;
  }
  return OutputFilter{found->kind, std::string(rest)};
}

std::string apply_filter(std::string_view output, const OutputFilter& filter) {
  std::vector<std::string_view> lines = split(output, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  const std::optional<std::regex> re = compile(filter.pattern);
  if (!re) return "";
  if (filter.kind == FilterKind::section) return section(lines, *re);
  std::string out;
  std::size_t count = 0;
  bool begun = false;
  for (std::string_view line : lines) {
    const bool hit = std::regex_search(line.begin(), line.end(), *re);
    bool keep = false;
    switch (filter.kind) {
      case FilterKind::include:
        keep = hit;
        break;
      case FilterKind::exclude:
        keep = !hit;
        break;
      case FilterKind::begin:
        keep = begun = begun || hit;
        break;
      case FilterKind::count:
        count += hit ? 1 : 0;
        break;
      case FilterKind::section:
        break;
    }
    if (keep) (out += line) += '\n';
  }
  if (filter.kind == FilterKind::count) {
    return "Number of lines which match regexp = " + std::to_string(count) + "\n";
  }
  return out;
}

}  // namespace iosctl::sim
