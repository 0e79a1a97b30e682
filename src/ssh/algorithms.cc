#include "algorithms.h"

#include "handles.h"

#include <string_view>

namespace iosctl::ssh {
namespace {

// libssh 0.10.6's default client lists (src/kex.c DEFAULT_*; host keys
// without the certificate and security-key types IOS never offers), each
// followed by what IOS 12.x / 15.0 without `ip ssh server algorithm` tuning
// speaks.
// libssh 0.10 has no `+alg` syntax (0.11 added it), so setting a list
// replaces the defaults and they are spelled out here; modern algorithms
// stay first, so a modern device still negotiates them.
constexpr const char* kKeyExchange =
    "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,"
    "ecdh-sha2-nistp521,diffie-hellman-group18-sha512,diffie-hellman-group16-sha512,"
    "diffie-hellman-group-exchange-sha256,diffie-hellman-group14-sha256,"
    "diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1";
constexpr const char* kHostKeys =
    "ssh-ed25519,ecdsa-sha2-nistp521,ecdsa-sha2-nistp384,ecdsa-sha2-nistp256,rsa-sha2-512,"
    "rsa-sha2-256,ssh-rsa";
constexpr const char* kCiphers =
    "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,"
    "aes192-ctr,aes128-ctr,aes256-cbc,aes192-cbc,aes128-cbc,3des-cbc";
// An IOS that offers only aes-cbc also offers only hmac-sha1, which libssh
// 0.10 no longer proposes by default.
constexpr const char* kMacs =
    "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512,"
    "hmac-sha1";
// Old IOS verifies RSA user keys only with SHA-1 signatures (`ssh-rsa`).
constexpr const char* kPublicKeyTypes =
    "ssh-ed25519,ecdsa-sha2-nistp521,ecdsa-sha2-nistp384,ecdsa-sha2-nistp256,rsa-sha2-512,"
    "rsa-sha2-256,ssh-rsa";

void set_list(ssh_session session, ssh_options_e option, const char* list) {
  if (ssh_options_set(session, option, list) != SSH_OK) {
    throw Error(Failure::internal,
                "libssh refused the legacy algorithm list: " + libssh_error(session, list));
  }
}

}  // namespace

void allow_legacy_algorithms(ssh_session session) {
  set_list(session, SSH_OPTIONS_KEY_EXCHANGE, kKeyExchange);
  set_list(session, SSH_OPTIONS_HOSTKEYS, kHostKeys);
  set_list(session, SSH_OPTIONS_CIPHERS_C_S, kCiphers);
  set_list(session, SSH_OPTIONS_CIPHERS_S_C, kCiphers);
  set_list(session, SSH_OPTIONS_HMAC_C_S, kMacs);
  set_list(session, SSH_OPTIONS_HMAC_S_C, kMacs);
  set_list(session, SSH_OPTIONS_PUBLICKEY_ACCEPTED_TYPES, kPublicKeyTypes);
}

Error algorithm_mismatch(ssh_session session, const std::string& where, bool legacy_allowed) {
  if (!legacy_allowed) {
    // Either side may notice the mismatch first: libssh then reports "no
    // match for method ..." or only that the device hung up during the key
    // exchange (iosim's legacy_algorithms_only shows both), so the message
    // does not depend on which.
    return Error(Failure::unreachable,
                 "no SSH algorithms in common with " + where +
                     ": old IOS offers only legacy ones (diffie-hellman-group14-sha1, ssh-rsa, "
                     "aes-cbc); allow them with --legacy-algorithms");
  }
  return Error(Failure::unreachable,
               "no SSH algorithms in common with " + where + " even with legacy ones allowed (" +
                   libssh_error(session, "the device closed the connection") + ")");
}

}  // namespace iosctl::ssh
