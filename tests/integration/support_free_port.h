#pragma once

// Test support: a TCP port on 127.0.0.1 nobody listens on.

#include <cstdint>

namespace iosctl::test {

// Returns a port the kernel just handed out on 127.0.0.1 and released; free
// unless another program grabs it in between.
std::uint16_t free_port();

}  // namespace iosctl::test
