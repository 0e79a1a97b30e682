#pragma once

#include <string>
#include <string_view>

namespace iosctl::test {

// Returns the bytes of `fixtures/<relative>`; fails the test if it is missing.
std::string read_fixture(std::string_view relative);

// Returns the absolute path of `fixtures/<relative>`.
std::string fixture_path(std::string_view relative);

}  // namespace iosctl::test
