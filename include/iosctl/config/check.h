#pragma once

#include "iosctl/config/diagnostic.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::config {

// The largest candidate file iosctl accepts.
inline constexpr std::size_t kMaxCandidateBytes = 64u * 1024u * 1024u;

// Returns the finding that makes `text` unusable as configuration at all
// (empty, or binary data: a NUL byte), or nullopt. check_candidate reports it too; a
// plain diff refuses such input with it.
std::optional<Diagnostic> not_configuration_text(std::string_view text);

// What a candidate is for: a whole configuration for `configure replace`, or
// lines to merge (`copy FS:/merge_config.txt running-config`), which need no
// `version` line but still end with `end`.
enum class CandidateKind { replace, merge };

// Returns every problem in a candidate configuration, `text` being the file's
// bytes as read, sorted by line, errors first (only the not_configuration_text
// finding if there is one). Errors are what `configure replace` would reject or
// mis-apply; warnings what iosctl repairs by itself or what merely looks wrong.
std::vector<Diagnostic> check_candidate(std::string_view text,
                                        CandidateKind kind = CandidateKind::replace);

struct Repair {
  std::string text;                  // the repaired file
  std::vector<Diagnostic> repaired;  // the findings it fixed
};

// Returns `text` with every repairable finding fixed (a UTF-8 byte order
// mark, line endings, final newline, certificate `quit` lines, `^C` banner
// delimiters, a leftover running-config header), and those findings. Leaves everything else byte
// for byte; text that is not configuration comes back unchanged.
Repair repair_candidate(std::string_view text);

}  // namespace iosctl::config
