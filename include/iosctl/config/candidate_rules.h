#pragma once

#include "iosctl/config/check.h"
#include "iosctl/config/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The individual candidate checks behind check_candidate and
// repair_candidate (check.h); use those rather than these.
namespace iosctl::config {

// Replaces line `line` (1-based) by `text`, or drops it when `text` is nullopt.
struct LineEdit {
  int line = 0;
  std::optional<std::string> text;
};

// A finding and, when it is repairable, the line edits that repair it. CR LF
// and a missing final newline need none: a repair writes every line with LF.
struct Finding {
  Diagnostic diagnostic;
  std::vector<LineEdit> edits;
};

// Returns every finding about `text`, a file that is configuration text (see
// not_configuration_text), in no particular order. One pass over the text.
std::vector<Finding> find_candidate_problems(std::string_view text,
                                             CandidateKind kind = CandidateKind::replace);

// Returns `line` without the CRs at its end, the way a repair writes it.
std::string_view without_line_end(std::string_view line);

}  // namespace iosctl::config
