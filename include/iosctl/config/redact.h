#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iosctl::config {

// What a masked secret is replaced with.
inline constexpr std::string_view kRedacted = "<redacted>";

// Returns `line` (one configuration line, without any diff marker) with every
// secret in it (passwords, enable secrets, SNMP communities, key strings,
// pre-shared keys, IPsec keys, URL passwords; docs/secrets.md lists them)
// replaced by kRedacted, keeping the encryption type digit, the other words
// and all spacing. Keywords are matched as show running-config writes them (in
// full, lower case). A line with no secret, or one already redacted, is
// returned unchanged.
std::string redact_secrets(std::string_view line);

// Returns the secrets redact_secrets masks in `line`, in order (each one the
// text of one redacted stretch); empty when there is none.
std::vector<std::string> secrets_in_line(std::string_view line);

// The one mask for every line that leaves iosctl: returns `line` (a config
// line, a diff line whose `+`/`-` sign sits between indentation and text, a
// device line after its prompt `r1(config)#...`, or IOS's `Failed to apply
// command ...`) with the secrets of its command masked as redact_secrets does.
std::string redact_line(std::string_view line);

// Returns `text` with redact_line applied to each of its LF-separated lines.
std::string redact_text(std::string_view text);

}  // namespace iosctl::config
