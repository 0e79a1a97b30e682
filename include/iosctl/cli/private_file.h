#pragma once

#include <fstream>
#include <string>
#include <string_view>

namespace iosctl::cli {

// Throws Error{usage} when `path` is a symbolic link or a directory: a file
// that will hold secrets is written only where it was named.
void refuse_unsafe_private_path(std::string_view path);

// Replaces the file at `path` with `bytes`, readable by its owner only (mode
// 0600 from its creation on, written beside it and renamed, so a failure never
// leaves half a file and a link at `path` is never followed). Throws
// Error{usage} on failure, as refuse_unsafe_private_path does.
void write_private_file(std::string_view path, std::string_view bytes);

// Creates or empties the file at `path` for a log or report that grows while
// iosctl runs: mode 0600 (also when it existed), never through a symbolic
// link (open with O_NOFOLLOW). Throws Error{usage} "`option` PATH: it is a
// symbolic link ..." for a link or a directory; any other failure returns a
// stream that is not open, for the caller's own message.
std::ofstream open_private_file(const std::string& path, std::string_view option);

}  // namespace iosctl::cli
