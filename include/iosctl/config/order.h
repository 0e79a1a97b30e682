#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iosctl::config {

// True when the order of `parent`'s children is part of its meaning: ACL
// entries, policy-map classes, class-map match statements.
bool is_order_dependent_block(std::string_view parent);

// For a top-level line whose position among lines of the same list matters
// (`access-list 101 ...`, `ip prefix-list NAME ...`, `route-map NAME ...`),
// returns the list's name (`access-list 101`); else nullopt.
std::optional<std::string> order_dependent_list(std::string_view line);

}  // namespace iosctl::config
