#pragma once

#include "iosctl/config/diagnostic.h"
#include "iosctl/config/display.h"

#include <string>
#include <string_view>
#include <vector>

namespace iosctl::config {

// One line of a configuration in canonical form: `depth` spaces then `text`
// for a configuration line; a banner, certificate or macro body line is
// `text` as written (depth -1).
struct CanonicalLine {
  int depth = 0;
  std::string_view text;
};

// A configuration as the unified diff compares it: normalised (no trivia,
// no volatile lines), in canonical form. Views point into the source text.
struct CanonicalText {
  std::vector<CanonicalLine> lines;
  std::vector<Diagnostic> problems;  // structural problems met on the way
};

// Returns the canonical lines of configuration `text`, which must outlive them.
CanonicalText canonical_lines(std::string_view text);

struct UnifiedLabels {
  std::string running;    // the `---` file name
  std::string candidate;  // the `+++` file name
};

// Returns a unified diff (`---`/`+++` headers, `@@` hunks with three lines of
// context, as `diff -u` writes them) of two canonical configurations, or ""
// when they are equal. Hunk line numbers count canonical lines.
std::string format_unified(const CanonicalText& running, const CanonicalText& candidate,
                           const UnifiedLabels& labels, const DisplayOptions& options);

}  // namespace iosctl::config
