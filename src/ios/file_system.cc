#include "iosctl/ios/file_system.h"

#include <charconv>
#include <regex>
#include <string>

namespace iosctl::ios {
namespace {

std::optional<std::uint64_t> to_number(const std::string& digits) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
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
