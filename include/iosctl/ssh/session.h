#pragma once

#include "iosctl/ssh/host_key_policy.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::ssh {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

// How long each phase of opening a session may take.
struct SessionTimeouts {
  std::chrono::milliseconds connect{10'000};  // TCP connect (name lookup: the resolver's own)
  std::chrono::milliseconds banner{15'000};   // SSH greeting and key exchange
  std::chrono::milliseconds auth{20'000};     // the whole authentication chain
  std::chrono::milliseconds request{20'000};  // each later request: channel, pty, shell, exec
};

// Everything needed to reach and log in to one device. The ssh config file
// (Host aliases, HostName, User, Port, IdentityFile, ProxyJump) fills what
// is left empty here; what is set here wins over it.
struct SessionOptions {
  std::string host;                   // address, name, or a Host alias of the ssh config
  std::optional<std::uint16_t> port;  // nullopt: the ssh config's Port, else 22
  std::string username;               // empty: the ssh config's User, else the local user
  std::string password;               // empty: no password or keyboard-interactive login
  // Whether the password goes out with the `password` method, and answers
  // keyboard-interactive prompts (IOS with AAA often takes only the latter).
  bool password_auth = true;
  bool keyboard_interactive_auth = true;
  std::vector<std::filesystem::path> key_files;  // tried after the agent, in order
  // Name of the environment variable holding the key files' passphrase.
  std::string key_passphrase_env;
  bool use_agent = true;     // ask ssh-agent first
  std::string agent_socket;  // empty: $SSH_AUTH_SOCK
  // Home of the config, known_hosts and default identities (id_ed25519,
  // id_ecdsa, id_rsa), as ~/.ssh is for OpenSSH.
  std::filesystem::path ssh_dir = "~/.ssh";
  std::filesystem::path ssh_config;  // empty: <ssh_dir>/config when it exists
  // Empty: the ssh config's UserKnownHostsFile, else <ssh_dir>/known_hosts.
  std::filesystem::path known_hosts;
  HostKeyPolicy host_key_policy = HostKeyPolicy::strict;
  // Also offer what old IOS needs: diffie-hellman-group14/group1-sha1,
  // ssh-rsa host keys and signatures, aes-cbc and 3des-cbc, hmac-sha1.
  bool legacy_algorithms = false;
  SessionTimeouts timeouts;
  // An SSH keepalive goes out after this long without traffic; 0: never.
  std::chrono::seconds keepalive_interval{30};
  // Receives warnings (host key checking off, host key added); only cli/ prints.
  std::function<void(std::string_view)> on_warning;
};

// What a connected session negotiated, for -v output and tests.
struct SessionInfo {
  std::string user;
  std::string host;  // after the ssh config's HostName
  std::uint16_t port = 22;
  std::string server_banner;  // `SSH-2.0-Cisco-1.25`
  std::string kex;            // `curve25519-sha256`
  std::string cipher;         // client to server
  std::string mac;            // client to server (`aead-...` for AEAD ciphers)
  std::string host_key;       // `ssh-ed25519 SHA256:...` as OpenSSH shows it
  std::string auth_method;    // `publickey`, `password` or `keyboard-interactive`
  std::string login_banner;   // the SSH pre-login banner, empty if none
};

// One SSH connection to a device, logged in. It owns its libssh handles;
// shells, SCP transfers and exec channels run on it and must not outlive it.
class Session {
 public:
  // Connects, checks the host key against `options.host_key_policy` and
  // logs in with the agent, key files, password, keyboard-interactive in that
  // order. Throws Error{unreachable} (connect, algorithms, host key, login)
  // or Error{usage} (unreadable ssh config or key file).
  explicit Session(const SessionOptions& options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Returns what was negotiated.
  const SessionInfo& info() const;
  // Returns `user@host:port`, as error messages name this session.
  std::string target() const;
  // Sends an SSH keepalive when nothing went either way for the keepalive
  // interval before `now`. Throws Error{unreachable} if the connection is gone.
  void keep_alive(Clock::time_point now);

 private:
  friend struct SessionAccess;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iosctl::ssh
