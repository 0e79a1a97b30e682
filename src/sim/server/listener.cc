#include "listener.h"

#include "iosctl/error.h"

#include <string>

namespace iosctl::sim {
namespace {

// What `legacy_algorithms_only` offers: the set an IOS 12.x/15.0 box without
// `ip ssh server algorithm` tuning speaks, which modern OpenSSH clients only
// accept when told to (KexAlgorithms=+diffie-hellman-group14-sha1, etc.).
constexpr const char* kLegacyKex = "diffie-hellman-group14-sha1,diffie-hellman-group1-sha1";
constexpr const char* kLegacyHostKeys = "ssh-rsa";
constexpr const char* kLegacyCiphers = "aes128-cbc,aes192-cbc,aes256-cbc,3des-cbc";
constexpr const char* kLegacyMacs = "hmac-sha1";

// IOS announces itself as `SSH-2.0-Cisco-1.25`; some clients log it.
constexpr const char* kVersionBanner = "Cisco-1.25";

void set_option(ssh_bind bind, ssh_bind_options_e option, const void* value,
                const LabDevice& device) {
  if (ssh_bind_options_set(bind, option, value) != SSH_OK) {
    throw Error(Failure::internal,
                "device '" + device.setup.name +
                    "': libssh refused a listener option: " + ssh_get_error(bind));
  }
}

void restrict_to_legacy(ssh_bind bind, const LabDevice& device) {
  set_option(bind, SSH_BIND_OPTIONS_KEY_EXCHANGE, kLegacyKex, device);
  set_option(bind, SSH_BIND_OPTIONS_HOSTKEY_ALGORITHMS, kLegacyHostKeys, device);
  set_option(bind, SSH_BIND_OPTIONS_CIPHERS_C_S, kLegacyCiphers, device);
  set_option(bind, SSH_BIND_OPTIONS_CIPHERS_S_C, kLegacyCiphers, device);
  set_option(bind, SSH_BIND_OPTIONS_HMAC_C_S, kLegacyMacs, device);
  set_option(bind, SSH_BIND_OPTIONS_HMAC_S_C, kLegacyMacs, device);
}

// Returns the reason at the end of libssh's "Binding to A:P: reason".
std::string reason_of(const char* libssh_error) {
  const std::string text = libssh_error != nullptr ? libssh_error : "";
  const std::size_t cut = text.rfind(": ");
  return cut == std::string::npos ? text : text.substr(cut + 2);
}

KeyPtr load_key(const std::filesystem::path& path) {
  ssh_key key = nullptr;
  if (ssh_pki_import_privkey_file(path.c_str(), nullptr, nullptr, nullptr, &key) != SSH_OK) {
    throw Error(Failure::usage, "host key '" + path.string() +
                                    "' cannot be read: delete it and iosim makes a new one");
  }
  return KeyPtr(key, &ssh_key_free);
}

// The listener takes ownership of what it is given, so each gets a copy.
void give_key(ssh_bind bind, const KeyPtr& key, const LabDevice& device) {
  ssh_key copy = ssh_key_dup(key.get());
  if (copy == nullptr) throw Error(Failure::internal, "libssh could not copy a host key");
  set_option(bind, SSH_BIND_OPTIONS_IMPORT_KEY, copy, device);
}

}  // namespace

HostKeys load_host_keys(const HostKeyFiles& files) {
  HostKeys keys;
  keys.ed25519 = load_key(files.ed25519);
  keys.rsa = load_key(files.rsa);
  return keys;
}

BindPtr open_listener(const LabDevice& device, const HostKeys& keys) {
  BindPtr bind(ssh_bind_new(), &ssh_bind_free);
  if (!bind) throw Error(Failure::internal, "libssh could not make a listener");
  const int port = device.listen.port;
  const int quiet = SSH_LOG_NOLOG;
  // The machine's /etc/ssh/libssh_server_config must not change what a lab says.
  const bool process_config = false;
  set_option(bind.get(), SSH_BIND_OPTIONS_PROCESS_CONFIG, &process_config, device);
  set_option(bind.get(), SSH_BIND_OPTIONS_LOG_VERBOSITY, &quiet, device);
  set_option(bind.get(), SSH_BIND_OPTIONS_BINDADDR, device.listen.address.c_str(), device);
  set_option(bind.get(), SSH_BIND_OPTIONS_BINDPORT, &port, device);
  give_key(bind.get(), keys.ed25519, device);
  give_key(bind.get(), keys.rsa, device);
  set_option(bind.get(), SSH_BIND_OPTIONS_BANNER, kVersionBanner, device);
  if (device.faults.legacy_algorithms_only) restrict_to_legacy(bind.get(), device);
  if (ssh_bind_listen(bind.get()) != SSH_OK) {
    throw Error(Failure::usage, "device '" + device.setup.name + "': cannot listen on " +
                                    device.listen.address + ":" + std::to_string(port) + " (" +
                                    reason_of(ssh_get_error(bind.get())) +
                                    "): pick a free port in the lab file");
  }
  return bind;
}

}  // namespace iosctl::sim
