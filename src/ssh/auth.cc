#include "auth.h"

#include "configure.h"
#include "iosctl/error.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <stdlib.h>

namespace iosctl::ssh {
namespace {

// Keyboard-interactive rounds answered before giving up: IOS asks once.
constexpr int kMaxInteractiveRounds = 4;

// What the passphrase callback was asked, so that a failed import can say why.
struct PassphraseRequest {
  const char* passphrase = nullptr;
  bool asked = false;
};

int give_passphrase(const char*, char* buffer, size_t length, int, int, void* userdata) {
  auto& request = *static_cast<PassphraseRequest*>(userdata);
  request.asked = true;
  if (request.passphrase == nullptr) return -1;
  const size_t size = std::strlen(request.passphrase);
  if (size + 1 > length) return -1;
  std::memcpy(buffer, request.passphrase, size + 1);
  return 0;
}

const char* passphrase_of(const SessionOptions& options) {
  if (options.key_passphrase_env.empty()) return nullptr;
  return getenv(options.key_passphrase_env.c_str());
}

Error unreadable_key(const std::filesystem::path& file, const SessionOptions& options,
                     const PassphraseRequest& request) {
  const std::string name = "key file '" + file.string() + "'";
  if (!request.asked) {
    return Error(Failure::usage,
                 name + " is not a private key libssh can read (give the private key, not .pub)");
  }
  if (options.key_passphrase_env.empty()) {
    return Error(Failure::usage, name +
                                     " is encrypted: put its passphrase in an environment "
                                     "variable and name it with --key-passphrase-env");
  }
  if (request.passphrase == nullptr) {
    return Error(Failure::usage, name + " is encrypted and $" + options.key_passphrase_env +
                                     " is not set: set it to the key's passphrase");
  }
  return Error(Failure::usage, "cannot decrypt " + name + " with the passphrase in $" +
                                   options.key_passphrase_env + ": check the passphrase");
}

// Returns the names of the SSH_AUTH_METHOD_* flags in `methods`.
std::string method_names(int methods) {
  const std::pair<int, const char*> names[] = {
      {SSH_AUTH_METHOD_PUBLICKEY, "publickey"},
      {SSH_AUTH_METHOD_PASSWORD, "password"},
      {SSH_AUTH_METHOD_INTERACTIVE, "keyboard-interactive"},
      {SSH_AUTH_METHOD_HOSTBASED, "hostbased"},
      {SSH_AUTH_METHOD_GSSAPI_MIC, "gssapi-with-mic"}};
  std::string text;
  for (const auto& [flag, name] : names) {
    if ((methods & flag) == 0) continue;
    if (!text.empty()) text += ", ";
    text += name;
  }
  return text.empty() ? "none" : text;
}

// The login chain on one connected session.
class AuthChain {
 public:
  AuthChain(ssh_session session, const SessionOptions& options, const ResolvedTarget& target,
            const std::string& login, Deadline deadline)
      : session_(session), options_(options), target_(target), login_(login), deadline_(deadline) {}

  std::string run(const std::vector<KeyHandle>& keys);

 private:
  bool allowed(int method) const { return (methods_ & method) != 0; }
  // Arms the time limit for the next libssh call; throws once it has passed.
  void arm();
  // Records `method` as tried; returns true on success, throws on errors.
  bool outcome(int rc, std::string_view method);
  bool try_agent();
  bool try_default_identities();
  int keyboard_interactive();
  std::string answer_for(const char* prompt, char echo) const;
  std::string tried() const;
  // Why a libssh call failed: the device hung up, or libssh's words.
  std::string why_not() const;

  ssh_session session_;
  const SessionOptions& options_;
  const ResolvedTarget& target_;
  const std::string& login_;
  Deadline deadline_;
  int methods_ = 0;
  std::vector<std::string> tried_;
};

void AuthChain::arm() {
  const std::chrono::milliseconds left = time_left(deadline_);
  if (left.count() == 0) {
    throw Error(Failure::unreachable,
                "login to " + login_ + " timed out after " +
                    describe_duration(options_.timeouts.auth) + tried() +
                    ": the device may be slow, allow more time with --timeout");
  }
  set_blocking_timeout(session_, left);
}

std::string AuthChain::tried() const {
  if (tried_.empty()) return "";
  std::string text = " (tried ";
  for (std::size_t i = 0; i < tried_.size(); ++i) text += (i == 0 ? "" : ", ") + tried_[i];
  return text + ")";
}

bool AuthChain::outcome(int rc, std::string_view method) {
  if (std::find(tried_.begin(), tried_.end(), method) == tried_.end()) {
    tried_.emplace_back(method);
  }
  switch (rc) {
    case SSH_AUTH_SUCCESS:
      return true;
    case SSH_AUTH_PARTIAL:  // one factor of several: the device names the next
      methods_ = ssh_userauth_list(session_, nullptr);
      return false;
    case SSH_AUTH_DENIED:
      return false;
    case SSH_AUTH_AGAIN:
      arm();  // throws: the time is up
      throw Error(Failure::unreachable, "login to " + login_ + " timed out" + tried());
    default:
      break;
  }
  // IOS closes the connection after `ip ssh authentication-retries` (3)
  // failed attempts, which ends the chain here.
  throw Error(Failure::unreachable,
              "authentication failed for " + login_ + tried() + ": " + why_not());
}

std::string AuthChain::why_not() const {
  if (ssh_is_connected(session_) == 0) return "the device closed the connection";
  return libssh_error(session_, "libssh gave no reason");
}

bool AuthChain::try_agent() {
  const char* from_environment = getenv("SSH_AUTH_SOCK");
  std::string socket = options_.agent_socket;
  if (socket.empty() && from_environment != nullptr) socket = from_environment;
  bool done = false;
  if (options_.use_agent && !socket.empty() && allowed(SSH_AUTH_METHOD_PUBLICKEY)) {
    ssh_options_set(session_, SSH_OPTIONS_IDENTITY_AGENT, socket.c_str());
    arm();
    done = outcome(ssh_userauth_agent(session_, nullptr), "publickey");
  }
  // libssh 0.10's publickey_auto asks the agent again and has no switch to
  // stop it (an empty socket path is refused); a path that cannot be
  // connected to keeps it from offering the same keys twice, which counts
  // against IOS's three attempts, or from using an agent we were told not to.
  ssh_options_set(session_, SSH_OPTIONS_IDENTITY_AGENT, "/dev/null");
  return done;
}

bool AuthChain::try_default_identities() {
  // Only when one of the files exists: otherwise libssh offers nothing, and
  // "tried publickey" would not be true.
  const std::filesystem::path dir = expand_home(options_.ssh_dir);
  const std::filesystem::path candidates[] = {target_.identity, dir / "id_ed25519",
                                              dir / "id_ecdsa", dir / "id_rsa"};
  std::error_code ec;
  if (std::none_of(std::begin(candidates), std::end(candidates), [&ec](const auto& path) {
        return !path.empty() && std::filesystem::exists(path, ec);
      })) {
    return false;
  }
  arm();
  return outcome(ssh_userauth_publickey_auto(session_, nullptr, passphrase_of(options_)),
                 "publickey");
}

std::string AuthChain::answer_for(const char* prompt, char echo) const {
  std::string text = prompt != nullptr ? prompt : "";
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text.find("pass") != std::string::npos) return options_.password;
  if (text.find("user") != std::string::npos || text.find("login") != std::string::npos) {
    return target_.user;
  }
  // A question whose answer is not echoed is taken to want the secret.
  return echo == 0 ? options_.password : "";
}

// IOS asks one question, `Password: ` (iosim does the same).
int AuthChain::keyboard_interactive() {
  arm();
  int rc = ssh_userauth_kbdint(session_, nullptr, nullptr);
  for (int round = 0; rc == SSH_AUTH_INFO; ++round) {
    if (round == kMaxInteractiveRounds) return SSH_AUTH_DENIED;
    const int count = ssh_userauth_kbdint_getnprompts(session_);
    for (int i = 0; i < count; ++i) {
      char echo = 0;
      const char* prompt = ssh_userauth_kbdint_getprompt(session_, static_cast<unsigned>(i), &echo);
      const std::string answer = answer_for(prompt, echo);
      if (ssh_userauth_kbdint_setanswer(session_, static_cast<unsigned>(i), answer.c_str()) < 0) {
        return SSH_AUTH_ERROR;
      }
    }
    arm();
    rc = ssh_userauth_kbdint(session_, nullptr, nullptr);
  }
  return rc;
}

std::string AuthChain::run(const std::vector<KeyHandle>& keys) {
  arm();
  // `none` also asks which methods the device takes (and fetches IOS's
  // pre-login banner).
  const int none = ssh_userauth_none(session_, nullptr);
  if (none == SSH_AUTH_SUCCESS) return "none";
  if (none == SSH_AUTH_AGAIN) arm();  // throws once the time is up
  if (none == SSH_AUTH_ERROR || none == SSH_AUTH_AGAIN) {
    throw Error(Failure::unreachable, "authentication failed for " + login_ + ": " + why_not());
  }
  methods_ = ssh_userauth_list(session_, nullptr);
  const int offered = methods_;
  if (try_agent()) return "publickey";
  for (const KeyHandle& key : keys) {
    if (!allowed(SSH_AUTH_METHOD_PUBLICKEY)) break;
    arm();
    if (outcome(ssh_userauth_publickey(session_, nullptr, key.get()), "publickey")) {
      return "publickey";
    }
  }
  if (allowed(SSH_AUTH_METHOD_PUBLICKEY) && try_default_identities()) return "publickey";
  const bool secret = !options_.password.empty();
  if (secret && options_.password_auth && allowed(SSH_AUTH_METHOD_PASSWORD)) {
    arm();
    if (outcome(ssh_userauth_password(session_, nullptr, options_.password.c_str()), "password")) {
      return "password";
    }
  }
  if (secret && options_.keyboard_interactive_auth && allowed(SSH_AUTH_METHOD_INTERACTIVE) &&
      outcome(keyboard_interactive(), "keyboard-interactive")) {
    return "keyboard-interactive";
  }
  if (tried_.empty()) {
    throw Error(Failure::unreachable,
                "authentication failed for " + login_ + " (nothing to try: the device accepts " +
                    method_names(offered) + "; give --key-file or --password-env)");
  }
  throw Error(Failure::unreachable, "authentication failed for " + login_ + tried());
}

}  // namespace

std::vector<KeyHandle> load_key_files(const SessionOptions& options) {
  std::vector<KeyHandle> keys;
  for (const std::filesystem::path& file : options.key_files) {
    if (!std::ifstream(file)) {
      throw Error(Failure::usage, "cannot read key file '" + file.string() +
                                      "': check the --key-file path and its permissions");
    }
    PassphraseRequest request{passphrase_of(options), false};
    ssh_key key = nullptr;
    if (ssh_pki_import_privkey_file(file.c_str(), nullptr, &give_passphrase, &request, &key) !=
        SSH_OK) {
      throw unreadable_key(file, options, request);
    }
    keys.emplace_back(key);
  }
  return keys;
}

std::string authenticate(ssh_session session, const SessionOptions& options,
                         const ResolvedTarget& target, const std::vector<KeyHandle>& keys,
                         const std::string& login, Deadline deadline) {
  return AuthChain(session, options, target, login, deadline).run(keys);
}

}  // namespace iosctl::ssh
