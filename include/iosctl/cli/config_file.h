#pragma once

#include <string>
#include <string_view>

namespace iosctl::cli {

// Returns the bytes of the configuration file at `path`. Throws
// Error{usage} when it cannot be read and Error{invalid} when it is larger
// than config::kMaxCandidateBytes.
std::string read_config_file(std::string_view path);

// Replaces the file at `path` with `bytes` (written beside it, then renamed,
// so a failure never leaves half a file). Throws Error{usage} on failure.
void write_config_file(std::string_view path, std::string_view bytes);

// Returns where `check --fix` writes the repaired copy of `path`:
// `r1.cfg` -> `r1.fixed.cfg`, `r1` -> `r1.fixed`.
std::string fixed_copy_path(std::string_view path);

}  // namespace iosctl::cli
