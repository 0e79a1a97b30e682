#pragma once

// Internal to ssh/: the login chain agent -> key files -> password ->
// keyboard-interactive.

#include "handles.h"
#include "iosctl/ssh/session.h"
#include "iosctl/ssh/target.h"

#include <libssh/libssh.h>

#include <string>
#include <vector>

namespace iosctl::ssh {

// Returns the private keys of `options.key_files`, decrypted with the
// passphrase in `options.key_passphrase_env`. Throws Error{usage} naming the
// file and the fix when one cannot be read.
std::vector<KeyHandle> load_key_files(const SessionOptions& options);

// Logs in on the connected `session` before `deadline`, trying in order the
// agent, `keys`, the default identities, the password and keyboard-interactive;
// `login` is `user@host:port` for messages. Returns the method that worked.
// Throws Error{unreachable} naming the methods tried.
std::string authenticate(ssh_session session, const SessionOptions& options,
                         const ResolvedTarget& target, const std::vector<KeyHandle>& keys,
                         const std::string& login, Deadline deadline);

}  // namespace iosctl::ssh
