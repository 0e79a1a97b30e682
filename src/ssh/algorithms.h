#pragma once

// Internal to ssh/: which algorithms a session offers, and what to say when
// the device shares none of them.

#include "iosctl/error.h"

#include <libssh/libssh.h>

#include <string>

namespace iosctl::ssh {

// Makes `session` offer the legacy algorithms old IOS needs after libssh's
// own defaults, so that a modern device still negotiates modern ones.
// Throws Error{internal} if libssh refuses the lists.
void allow_legacy_algorithms(ssh_session session);

// Returns the error for a key exchange with `where` (`127.0.0.1:2222`) that
// failed after the device's SSH greeting arrived.
Error algorithm_mismatch(ssh_session session, const std::string& where, bool legacy_allowed);

}  // namespace iosctl::ssh
