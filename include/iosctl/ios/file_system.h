#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Pure parsers of what IOS prints for its file systems: `dir`, `verify /md5`.
namespace iosctl::ios {

// What a `dir` listing says about its file system.
struct DirListing {
  std::string file_system;             // `bootflash:` from `Directory of bootflash:/`
  std::optional<std::uint64_t> total;  // `N bytes total`
  std::optional<std::uint64_t> free;   // `(M bytes free)`
  std::vector<std::string> files;      // the entries' names, in the order listed
};

// Returns the file system and sizes of a `dir` listing; nullopt when `output`
// has no `Directory of FS:/` line (an error, or not a listing at all).
std::optional<DirListing> parse_dir(std::string_view output);

// True when `output` is IOS saying a file does not exist
// (`%Error opening flash:x (No such file or directory)`).
bool is_missing_file(std::string_view output);

// Returns the lowercase hex digest of `verify /md5 (PATH) = <hex>`; nullopt
// when `output` has no such line.
std::optional<std::string> parse_verify_md5(std::string_view output);

}  // namespace iosctl::ios
