#pragma once

// Test support: a libssh client to drive iosim the way iosctl and netmiko do.

#include "integration/support_child_process.h"

#include <libssh/libssh.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iosctl::test {

struct SessionCloser {
  void operator()(ssh_session session) const;
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionCloser>;

// Extra libssh client options, e.g. {SSH_OPTIONS_KEY_EXCHANGE, "..."}.
using ClientOptions = std::vector<std::pair<ssh_options_e, std::string>>;

// Connects to 127.0.0.1:`port` as `user` (no host key check). Returns
// nullptr when the connection or key exchange fails; `error` says why.
SessionPtr connect_to(std::uint16_t port, const std::string& user,
                      const ClientOptions& options = {}, std::string* error = nullptr);

// Each returns libssh's SSH_AUTH_* result.
int login_with_password(ssh_session session, const std::string& password);
int login_with_key(ssh_session session, const std::filesystem::path& private_key);
// Answers every keyboard-interactive prompt with `password`; the prompts
// seen are appended to `prompts`.
int login_keyboard_interactive(ssh_session session, const std::string& password,
                               std::vector<std::string>* prompts);

// A pty shell channel, read with deadlines.
class ShellSession {
 public:
  // Opens a session channel with a pty and a shell. Throws std::runtime_error.
  explicit ShellSession(ssh_session session);
  ~ShellSession();
  ShellSession(const ShellSession&) = delete;
  ShellSession& operator=(const ShellSession&) = delete;

  void send(std::string_view bytes);
  // Reads until what was read since the last call ends with `tail`;
  // returns it. Throws std::runtime_error (with what was read) at `deadline`.
  std::string read_until(std::string_view tail, Deadline deadline);
  // Reads until the server closes the channel; false at `deadline`.
  bool wait_closed(Deadline deadline);
  // Reads until the connection dies under the channel (no EOF, no exit
  // status first); returns what was read. Throws std::runtime_error (with
  // what was read) on an orderly close or at `deadline`.
  std::string read_until_cut(Deadline deadline);

 private:
  ssh_channel channel_;
};

// Generates an ed25519 key pair at `path` (and `path`.pub) with ssh-keygen.
void generate_key(const std::filesystem::path& path);

}  // namespace iosctl::test
