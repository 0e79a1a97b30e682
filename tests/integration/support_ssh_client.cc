#include "integration/support_ssh_client.h"

#include <stdexcept>

namespace iosctl::test {
namespace {

int milliseconds_until(Deadline deadline) {
  const auto left =
      std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return static_cast<int>(std::max<std::int64_t>(0, left.count()));
}

}  // namespace

void SessionCloser::operator()(ssh_session session) const {
  ssh_disconnect(session);
  ssh_free(session);
}

SessionPtr connect_to(std::uint16_t port, const std::string& user, const ClientOptions& options,
                      std::string* error) {
  SessionPtr session(ssh_new());
  const unsigned int port_value = port;
  const long timeout_seconds = 20;
  ssh_options_set(session.get(), SSH_OPTIONS_HOST, "127.0.0.1");
  ssh_options_set(session.get(), SSH_OPTIONS_PORT, &port_value);
  ssh_options_set(session.get(), SSH_OPTIONS_USER, user.c_str());
  ssh_options_set(session.get(), SSH_OPTIONS_TIMEOUT, &timeout_seconds);
  // The user's ~/.ssh/config must not change what a test does.
  const bool process_config = false;
  ssh_options_set(session.get(), SSH_OPTIONS_PROCESS_CONFIG, &process_config);
  for (const auto& [option, value] : options) {
    if (ssh_options_set(session.get(), option, value.c_str()) != SSH_OK) {
      throw std::runtime_error("bad client option: " + value);
    }
  }
  if (ssh_connect(session.get()) != SSH_OK) {
    if (error != nullptr) *error = ssh_get_error(session.get());
    return nullptr;
  }
  return session;
}

int login_with_password(ssh_session session, const std::string& password) {
  return ssh_userauth_password(session, nullptr, password.c_str());
}

int login_with_key(ssh_session session, const std::filesystem::path& private_key) {
  ssh_key key = nullptr;
  if (ssh_pki_import_privkey_file(private_key.c_str(), nullptr, nullptr, nullptr, &key) != SSH_OK) {
    throw std::runtime_error("cannot read key " + private_key.string());
  }
  const int rc = ssh_userauth_publickey(session, nullptr, key);
  ssh_key_free(key);
  return rc;
}

int login_keyboard_interactive(ssh_session session, const std::string& password,
                               std::vector<std::string>* prompts) {
  int rc = ssh_userauth_kbdint(session, nullptr, nullptr);
  while (rc == SSH_AUTH_INFO) {
    const int count = ssh_userauth_kbdint_getnprompts(session);
    for (int i = 0; i < count; ++i) {
      char echo = 0;
      prompts->push_back(ssh_userauth_kbdint_getprompt(session, static_cast<unsigned>(i), &echo));
      ssh_userauth_kbdint_setanswer(session, static_cast<unsigned>(i), password.c_str());
    }
    rc = ssh_userauth_kbdint(session, nullptr, nullptr);
  }
  return rc;
}

ShellSession::ShellSession(ssh_session session) : channel_(ssh_channel_new(session)) {
  if (channel_ == nullptr || ssh_channel_open_session(channel_) != SSH_OK ||
      ssh_channel_request_pty(channel_) != SSH_OK ||
      ssh_channel_request_shell(channel_) != SSH_OK) {
    throw std::runtime_error(std::string("cannot open a shell: ") + ssh_get_error(session));
  }
}

ShellSession::~ShellSession() {
  ssh_channel_close(channel_);
  ssh_channel_free(channel_);
}

void ShellSession::send(std::string_view bytes) {
  ssh_channel_write(channel_, bytes.data(), static_cast<uint32_t>(bytes.size()));
}

std::string ShellSession::read_until(std::string_view tail, Deadline deadline) {
  std::string read;
  while (!read.ends_with(tail)) {
    char buffer[4096];
    const int n = ssh_channel_read_timeout(channel_, buffer, sizeof buffer, 0,
                                           std::max(1, milliseconds_until(deadline)));
    if (n > 0) read.append(buffer, static_cast<std::size_t>(n));
    if (n < 0 || ssh_channel_is_eof(channel_) || std::chrono::steady_clock::now() >= deadline) {
      throw std::runtime_error("wanted '" + std::string(tail) + "', read '" + read + "'");
    }
  }
  return read;
}

bool ShellSession::wait_closed(Deadline deadline) {
  while (!ssh_channel_is_eof(channel_) && std::chrono::steady_clock::now() < deadline) {
    char buffer[4096];
    if (ssh_channel_read_timeout(channel_, buffer, sizeof buffer, 0,
                                 std::max(1, milliseconds_until(deadline))) < 0) {
      return true;
    }
  }
  return ssh_channel_is_eof(channel_) != 0;
}

std::string ShellSession::read_until_cut(Deadline deadline) {
  std::string read;
  while (std::chrono::steady_clock::now() < deadline) {
    char buffer[4096];
    const int n = ssh_channel_read_timeout(channel_, buffer, sizeof buffer, 0,
                                           std::max(1, milliseconds_until(deadline)));
    if (n > 0) read.append(buffer, static_cast<std::size_t>(n));
    if (ssh_channel_is_eof(channel_)) {
      throw std::runtime_error("channel closed in order (EOF), read '" + read + "'");
    }
    if (n < 0) return read;
  }
  throw std::runtime_error("connection still up at the deadline, read '" + read + "'");
}

void generate_key(const std::filesystem::path& path) {
  const RunResult result = run_program(
      {"/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", path.string()},
      deadline_in(30));
  if (result.status != 0) throw std::runtime_error("ssh-keygen failed: " + result.err);
}

}  // namespace iosctl::test
