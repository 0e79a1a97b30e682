#pragma once

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

}  // namespace iosctl::cli
