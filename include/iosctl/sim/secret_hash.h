#pragma once

#include <string>
#include <string_view>

namespace iosctl::sim {

// Returns `secret` hashed as an IOS type 9 secret, `$9$<salt>$<hash>`
// (scrypt N=16384 r=1 p=1 over a 14-character salt, IOS's base64 alphabet).
// The salt is derived from the secret, so equal secrets hash equally.
std::string type9_hash(std::string_view secret);

// True when `typed` is the secret `stored` holds: a `$9$` hash or, for type
// 0 (`stored` being the plain text), the text itself.
bool secret_matches(std::string_view type, std::string_view stored, std::string_view typed);

}  // namespace iosctl::sim
