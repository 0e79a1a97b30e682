#pragma once

#include <string>
#include <string_view>

namespace iosctl::config {

// What a masked secret is replaced with.
inline constexpr std::string_view kRedacted = "<redacted>";

// Returns `line` (one configuration line, without any diff marker) with every
// secret in it (passwords, enable secrets, SNMP communities, key strings,
// pre-shared keys, URL passwords) replaced by kRedacted, keeping the encryption
// type digit, the other words and all spacing. Keywords are matched as show
// running-config writes them (in full, lower case). A line with no secret, or
// one already redacted, is returned unchanged.
std::string redact_secrets(std::string_view line);

// Returns `line` of a device's output with its secrets masked: a config line,
// or a diff line whose `+`/`-` sign sits between indentation and text
// (` +enable secret ...`, as `show archive config differences` prints it).
std::string redact_output_line(std::string_view line);

}  // namespace iosctl::config
