#pragma once

#include <optional>
#include <string_view>

namespace iosctl::ssh {

// What to do with the device's host key (--host-key-policy).
enum class HostKeyPolicy {
  strict,      // the key must already be in known_hosts
  accept_new,  // unknown keys are added to known_hosts; changed keys are refused
  off,         // no check at all; reported once through SessionOptions::on_warning
};

// Returns the policy named `name` (`strict`, `accept-new`, `off`), or nullopt.
std::optional<HostKeyPolicy> parse_host_key_policy(std::string_view name);

// Returns the command-line name of `policy`.
std::string_view host_key_policy_name(HostKeyPolicy policy);

}  // namespace iosctl::ssh
