#pragma once

#include "iosctl/ssh/session.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace iosctl::ssh {

// Where SessionOptions lead once the ssh config has been applied.
struct ResolvedTarget {
  std::string host;  // the config's HostName for an alias
  std::uint16_t port = 22;
  std::string user;
  // The first identity libssh would try from the config (IdentityFile),
  // else its first default (`<ssh_dir>/id_ed25519`).
  std::filesystem::path identity;
  // ProxyCommand; libssh 0.10 turns ProxyJump into one that runs OpenSSH's
  // `ssh -W '[%h]:%p'` through the first jump host. Empty: direct.
  std::string proxy_command;
  std::filesystem::path ssh_config;   // the config file read; empty: none
  std::filesystem::path known_hosts;  // the known_hosts file checked and updated
};

// Returns where `options` lead, without connecting. Throws Error{usage} if
// the ssh config named in `options` is missing or libssh cannot parse it.
ResolvedTarget resolve_target(const SessionOptions& options);

}  // namespace iosctl::ssh
