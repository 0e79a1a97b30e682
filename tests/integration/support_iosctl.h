#pragma once

// Test support: the built iosctl (IOSCTL_BINARY) run against an iosim device.

#include "integration/support_child_process.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace iosctl::test {

// The environment variable the tests put the lab password in.
inline constexpr const char* kPasswordVar = "IOSCTL_TEST_PASSWORD";

// Returns the global options that reach 127.0.0.1:`port` as admin (password
// from kPasswordVar, set to "secret"), learning the host key into `known_hosts`.
std::vector<std::string> login_args(std::uint16_t port, const std::filesystem::path& known_hosts,
                                    const std::string& policy = "accept-new");

// Runs iosctl with `args` to completion (60 s at most).
RunResult run_iosctl_on(const std::vector<std::string>& args);

// Returns `err` without the warning accept-new gives the first time it adds a key.
std::string without_key_warning(const std::string& err);

// Returns `a` followed by `b`.
std::vector<std::string> joined(std::vector<std::string> a, const std::vector<std::string>& b);

}  // namespace iosctl::test
