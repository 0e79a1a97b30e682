#include "iosctl/ios/file_system.h"

#include <algorithm>
#include <charconv>
#include <regex>
#include <string>
#include <vector>

namespace iosctl::ios {
namespace {

std::optional<std::uint64_t> to_number(const std::string& digits) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// The name of one entry line (`   12  -rw-   2210  Nov 24 2020 09:13:47 +00:00  name`):
// an inode, a permission field such as `-rw-` or `drwx`, a size; the name is
// the last field, since the date's shape differs between IOS and IOS-XE.
// Split by hand rather than by a regex: a listing can be long.
std::optional<std::string> entry_name(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t at = 0; at < line.size();) {
    const std::size_t start = line.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(line.find_first_of(" \t", start), line.size());
    fields.push_back(line.substr(start, end - start));
    at = end;
  }
  const auto digits = [](std::string_view f) {
    return !f.empty() && f.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const auto permissions = [](std::string_view f) {
    return f.size() == 4 && (f[0] == '-' || f[0] == 'd') &&
           f.substr(1).find_first_not_of("-rwx") == std::string_view::npos;
  };
  if (fields.size() < 5 || !digits(fields[0]) || !permissions(fields[1]) || !digits(fields[2])) {
    return std::nullopt;
  }
  return std::string(fields.back());
}

std::vector<std::string> entry_names(std::string_view output) {
  std::vector<std::string> names;
  while (!output.empty()) {
    const std::size_t end = output.find('\n');
    std::string_view line = output.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (std::optional<std::string> name = entry_name(line)) names.push_back(std::move(*name));
    if (end == std::string_view::npos) break;
    output.remove_prefix(end + 1);
  }
  return names;
}

}  // namespace

std::optional<DirListing> parse_dir(std::string_view output) {
  const std::string text(output);
  // The header names the file system before its root slash, on IOS and
  // IOS-XE alike (`Directory of bootflash:/`, `Directory of flash:/x`);
  // netmiko's file-system discovery keys on the same line.
  static const std::regex header(R"(Directory of (\S+?:)/)");
  std::smatch m;
  if (!std::regex_search(text, m, header)) return std::nullopt;
  DirListing listing;
  listing.file_system = m[1].str();
  // The totals line closes every listing, even an empty one.
  static const std::regex totals(R"((\d+) bytes total \((\d+) bytes free\))");
  if (std::regex_search(text, m, totals)) {
    listing.total = to_number(m[1].str());
    listing.free = to_number(m[2].str());
  }
  listing.files = entry_names(output);
  return listing;
}

bool is_missing_file(std::string_view output) {
  // `dir` and `verify /md5` word a missing file the same way; IOS-XE prints
  // `%Error opening <path> (No such file or directory)`.
  return output.find("%Error opening") != std::string_view::npos ||
         output.find("No such file or directory") != std::string_view::npos;
}

std::optional<std::string> parse_verify_md5(std::string_view output) {
  const std::string text(output);
  // Progress dots and `Done!` come first; the digest line names the path as
  // typed, in parentheses.
  static const std::regex digest(R"(verify /md5 \([^)]*\) = ([0-9a-fA-F]{32}))");
  std::smatch m;
  if (!std::regex_search(text, m, digest)) return std::nullopt;
  std::string hex = m[1].str();
  for (char& c : hex) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  }
  return hex;
}

}  // namespace iosctl::ios
