#include "iosctl/config/order.h"

#include <array>

namespace iosctl::config {
namespace {

// Returns the first `count` words of `line`, or nullopt if it has fewer.
std::optional<std::string> leading_words(std::string_view line, int count) {
  std::size_t end = 0;
  for (int i = 0; i < count; ++i) {
    const std::size_t start = line.find_first_not_of(' ', end);
    if (start == std::string_view::npos) return std::nullopt;
    end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
  }
  return std::string(line.substr(0, end));
}

}  // namespace

bool is_order_dependent_block(std::string_view parent) {
  // First match wins in all of these, so a re-ordering changes behaviour.
  static constexpr std::array<std::string_view, 6> kBlocks = {
      "ip access-list ", "ipv6 access-list ", "mac access-list ",
      "policy-map ",     "class-map ",        "object-group ",
  };
  for (std::string_view prefix : kBlocks) {
    if (parent.starts_with(prefix)) return true;
  }
  return false;
}

std::optional<std::string> order_dependent_list(std::string_view line) {
  // name -> how many words name the list
  static constexpr std::array<std::pair<std::string_view, int>, 5> kLists = {{
      {"access-list ", 2},
      {"ip prefix-list ", 3},
      {"ipv6 prefix-list ", 3},
      {"route-map ", 2},
      {"ip as-path access-list ", 4},
  }};
  for (const auto& [prefix, words] : kLists) {
    if (line.starts_with(prefix)) return leading_words(line, words);
  }
  return std::nullopt;
}

}  // namespace iosctl::config
