#pragma once

// Internal to ssh/: enforcing the host key policy on a connected session.

#include "iosctl/ssh/session.h"
#include "iosctl/ssh/target.h"

#include <libssh/libssh.h>

#include <string>

namespace iosctl::ssh {

// Returns the device's host key as OpenSSH shows it: `ssh-ed25519 SHA256:...`.
std::string host_key_fingerprint(ssh_session session);

// Checks the host key of the connected `session` against `target.known_hosts`
// as `options.host_key_policy` says, adding it under accept-new; `where` is
// `host:port` for messages. Throws Error{unreachable} when the key is refused.
void check_host_key(ssh_session session, const SessionOptions& options,
                    const ResolvedTarget& target, const std::string& where);

}  // namespace iosctl::ssh
