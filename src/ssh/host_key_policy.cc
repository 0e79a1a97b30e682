#include "iosctl/ssh/host_key_policy.h"

#include "handles.h"
#include "host_key_check.h"
#include "iosctl/error.h"

#include <filesystem>

namespace iosctl::ssh {
namespace {

// The host as known_hosts and `ssh-keygen -R` spell it: `[host]:port` unless
// the port is 22.
std::string known_hosts_name(const ResolvedTarget& target) {
  if (target.port == 22) return target.host;
  return "[" + target.host + "]:" + std::to_string(target.port);
}

void warn(const SessionOptions& options, const std::string& text) {
  if (options.on_warning) options.on_warning(text);
}

Error refused(const std::string& text) { return Error(Failure::unreachable, text); }

std::string remove_hint(const ResolvedTarget& target) {
  return "ssh-keygen -R '" + known_hosts_name(target) + "' -f " + target.known_hosts.string();
}

// accept-new: writes the key through libssh.
void add_key(ssh_session session, const SessionOptions& options, const ResolvedTarget& target,
             const std::string& where, const std::string& key) {
  // A folder made here is private, as OpenSSH keeps ~/.ssh.
  const std::filesystem::path folder = target.known_hosts.parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::exists(folder, ec) &&
      std::filesystem::create_directories(folder, ec)) {
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);
  }
  if (ssh_session_update_known_hosts(session) != SSH_OK) {
    throw refused("cannot add the host key of " + where + " to " + target.known_hosts.string() +
                  ": " + libssh_error(session, "write failed") +
                  " (make the file writable or choose another with --known-hosts)");
  }
  warn(options,
       "added the host key of " + where + " (" + key + ") to " + target.known_hosts.string());
}

}  // namespace

std::optional<HostKeyPolicy> parse_host_key_policy(std::string_view name) {
  if (name == "strict") return HostKeyPolicy::strict;
  if (name == "accept-new") return HostKeyPolicy::accept_new;
  if (name == "off") return HostKeyPolicy::off;
  return std::nullopt;
}

std::string_view host_key_policy_name(HostKeyPolicy policy) {
  switch (policy) {
    case HostKeyPolicy::strict:
      return "strict";
    case HostKeyPolicy::accept_new:
      return "accept-new";
    case HostKeyPolicy::off:
      return "off";
  }
  return "strict";
}

std::string host_key_fingerprint(ssh_session session) {
  ssh_key raw = nullptr;
  if (ssh_get_server_publickey(session, &raw) != SSH_OK) return "";
  const KeyHandle key(raw);
  unsigned char* hash = nullptr;
  size_t length = 0;
  if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK) {
    return "";
  }
  // `SHA256:` and unpadded base64, as OpenSSH prints fingerprints.
  const CString text(ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length));
  ssh_clean_pubkey_hash(&hash);
  return std::string(ssh_key_type_to_char(ssh_key_type(key.get()))) + " " +
         (text ? text.get() : "");
}

void check_host_key(ssh_session session, const SessionOptions& options,
                    const ResolvedTarget& target, const std::string& where) {
  const std::string key = host_key_fingerprint(session);
  if (options.host_key_policy == HostKeyPolicy::off) {
    warn(options,
         "host key checking is off: the identity of " + where + " is not verified (" + key + ")");
    return;
  }
  switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
      return;
    case SSH_KNOWN_HOSTS_CHANGED:
      throw refused("host key of " + where + " has changed (now " + key +
                    "): someone may be intercepting the connection; if the device was "
                    "re-keyed, remove its old key with " +
                    remove_hint(target));
    case SSH_KNOWN_HOSTS_OTHER:
      throw refused("host key of " + where + " is not the type known for it (now " + key +
                    "): someone may be intercepting the connection; if the device was "
                    "re-keyed, remove its old key with " +
                    remove_hint(target));
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
      if (options.host_key_policy == HostKeyPolicy::accept_new) {
        add_key(session, options, target, where, key);
        return;
      }
      throw refused("host key of " + where + " is unknown (" + key +
                    "): if that is the device's fingerprint, connect once with "
                    "--host-key-policy accept-new to add it to " +
                    target.known_hosts.string());
    case SSH_KNOWN_HOSTS_ERROR:
      break;
  }
  throw refused("cannot check the host key of " + where + " against " +
                target.known_hosts.string() + ": " + libssh_error(session, "unreadable file") +
                " (fix the file or use --known-hosts)");
}

}  // namespace iosctl::ssh
