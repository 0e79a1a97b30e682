#pragma once

// Internal to ssh/: turning SessionOptions into libssh options.

#include "iosctl/ssh/session.h"
#include "iosctl/ssh/target.h"

#include <libssh/libssh.h>

#include <filesystem>

namespace iosctl::ssh {

// Applies `options` to the fresh `session`: the ssh config first, then what
// `options` set explicitly (so that it wins), known_hosts and the
// algorithms. Returns where it leads. Throws Error{usage} for an ssh config
// that is missing or that libssh cannot parse.
ResolvedTarget configure_session(ssh_session session, const SessionOptions& options);

// Returns `path` with a leading `~` replaced by the home directory.
std::filesystem::path expand_home(const std::filesystem::path& path);

}  // namespace iosctl::ssh
