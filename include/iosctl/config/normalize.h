#pragma once

#include "iosctl/config/config_tree.h"

#include <string_view>

namespace iosctl::config {

// True for the lines `show running-config` / `show startup-config` print
// above the configuration (`Building configuration...`, `Current
// configuration : N bytes`, `Using N out of M bytes`, ...).
bool is_show_header_line(std::string_view text);

// True for a top-level line that IOS writes by itself and that changes
// without anyone configuring it: the `show running-config` header lines and
// `ntp clock-period N`.
bool is_volatile_line(std::string_view text);

// Returns `config` without volatile lines and without trivia: what two
// configurations are compared by.
Config normalize(Config config);

}  // namespace iosctl::config
