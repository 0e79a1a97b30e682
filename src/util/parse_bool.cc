#include "iosctl/util/parse_bool.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace iosctl::util {
namespace {

bool same_word(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == y;
         });
}

}  // namespace

std::optional<bool> parse_bool(std::string_view text) {
  // 1 and 0 are numbers in YAML, and y/n are easy to write by accident: refused.
  constexpr std::array<std::string_view, 3> kTrue = {"true", "yes", "on"};
  constexpr std::array<std::string_view, 3> kFalse = {"false", "no", "off"};
  for (std::string_view word : kTrue) {
    if (same_word(text, word)) return true;
  }
  for (std::string_view word : kFalse) {
    if (same_word(text, word)) return false;
  }
  return std::nullopt;
}

}  // namespace iosctl::util
