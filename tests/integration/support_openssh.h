#pragma once

// Test support: OpenSSH's scp client pointed at iosim.

#include "integration/support_child_process.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace iosctl::test {

// Runs `scp -O` (the legacy SCP protocol IOS speaks) against 127.0.0.1:`port`
// with `key`, no host key checks, no user config and no prompts; `extra`
// goes before the two paths (e.g. "-p"). Remote paths are "user@127.0.0.1:PATH".
RunResult run_scp(std::uint16_t port, const std::filesystem::path& key, const std::string& from,
                  const std::string& to, const std::vector<std::string>& extra = {"-O"});

// Returns `size` bytes that exercise byte-exact transfer: every byte value,
// CR LF and bare CR, NUL and ETX, in a non-repeating order.
std::string binary_payload(std::size_t size);

}  // namespace iosctl::test
