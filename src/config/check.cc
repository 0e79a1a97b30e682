#include "iosctl/config/check.h"

#include "iosctl/config/candidate_rules.h"
#include "iosctl/config/config_tree.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace iosctl::config {
namespace {

// A NUL byte means the file is not text at all (an image, a UTF-16 file, a
// compressed archive all hold some). Other control bytes are text: ETX
// delimits banners (IOS_BEHAVIOR.md section 9), a banner may hold ANSI
// escapes, and a stray one elsewhere is a finding about its line.
bool is_binary_byte(unsigned char c) { return c == 0; }

// Windows editors start UTF-8 files with a byte order mark; IOS would read
// it as part of the first command.
constexpr std::string_view kBom = "\xef\xbb\xbf";

Finding bom_finding() {
  return {Diagnostic{1, Severity::warning,
                     "file starts with a UTF-8 byte order mark (IOS reads it as part of the "
                     "first line)",
                     "save the file without the byte order mark", true},
          {}};
}

std::optional<Diagnostic> binary_data(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    } else if (is_binary_byte(c)) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02x", c);
      return Diagnostic{line, Severity::error,
                        "file holds binary data (byte " + std::string(byte) + " in column " +
                            std::to_string(i - line_start + 1) + "), not configuration text",
                        "give the plain-text configuration file, in ASCII or UTF-8"};
    }
  }
  return std::nullopt;
}

std::optional<Diagnostic> no_configuration(std::string_view text) {
  const char* fix = "put the complete configuration in it, from its 'version' line to 'end'";
  if (text.empty()) return Diagnostic{1, Severity::error, "file is empty", fix};
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (!is_trivia(text.substr(start, end - start))) return std::nullopt;
    start = end + 1;
  }
  return Diagnostic{1, Severity::error,
                    "file holds no configuration, only blank lines and comments", fix};
}

// The findings of a text that is configuration, by line, errors first.
// A byte order mark is no line, so `text` is read without it.
std::vector<Finding> sorted_findings(std::string_view text,
                                     CandidateKind kind = CandidateKind::replace) {
  const bool bom = text.starts_with(kBom);
  if (bom) text.remove_prefix(kBom.size());
  std::vector<Finding> findings = find_candidate_problems(text, kind);
  if (bom) findings.push_back(bom_finding());
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    const Diagnostic& x = a.diagnostic;
    const Diagnostic& y = b.diagnostic;
    if (x.line != y.line) return x.line < y.line;
    return x.severity == Severity::error && y.severity == Severity::warning;
  });
  return findings;
}

// The edits of the repairable findings, by line.
std::vector<LineEdit> repair_edits(const std::vector<Finding>& findings) {
  std::vector<LineEdit> edits;
  for (const Finding& f : findings) {
    if (!f.diagnostic.repairable) continue;
    edits.insert(edits.end(), f.edits.begin(), f.edits.end());
  }
  std::stable_sort(edits.begin(), edits.end(),
                   [](const LineEdit& a, const LineEdit& b) { return a.line < b.line; });
  return edits;
}

// Writes every line with LF, which is the CR LF and final-newline repair,
// and applies `edits` (the last edit of a line wins); every other byte is
// left as it was.
std::string apply_edits(std::string_view text, const std::vector<LineEdit>& edits) {
  std::string out;
  out.reserve(text.size() + 1);
  auto edit = edits.begin();
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    const LineEdit* last = nullptr;
    for (; edit != edits.end() && edit->line == number; ++edit) last = &*edit;
    if (last && !last->text) continue;
    out += last ? std::string_view(*last->text) : without_line_end(line);
    out += '\n';
  }
  return out;
}

}  // namespace

std::optional<Diagnostic> not_configuration_text(std::string_view text) {
  if (auto binary = binary_data(text)) return binary;
  return no_configuration(text.starts_with(kBom) ? text.substr(kBom.size()) : text);
}

std::vector<Diagnostic> check_candidate(std::string_view text, CandidateKind kind) {
  if (auto unusable = not_configuration_text(text)) return {std::move(*unusable)};
  std::vector<Diagnostic> out;
  for (Finding& f : sorted_findings(text, kind)) out.push_back(std::move(f.diagnostic));
  return out;
}

Repair repair_candidate(std::string_view text) {
  if (not_configuration_text(text)) return {std::string(text), {}};
  const std::vector<Finding> findings = sorted_findings(text);
  const std::string_view lines = text.starts_with(kBom) ? text.substr(kBom.size()) : text;
  Repair repair{apply_edits(lines, repair_edits(findings)), {}};
  for (const Finding& f : findings) {
    if (f.diagnostic.repairable) repair.repaired.push_back(f.diagnostic);
  }
  return repair;
}

}  // namespace iosctl::config
