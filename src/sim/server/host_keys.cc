#include "iosctl/sim/host_keys.h"

#include "iosctl/error.h"

#include <libssh/libssh.h>

#include <memory>
#include <string>
#include <system_error>

namespace iosctl::sim {
namespace {

using KeyPtr = std::unique_ptr<ssh_key_struct, decltype(&ssh_key_free)>;

// Keeps the key at `path` when there is one, else writes a new one there.
void ensure_key(const std::filesystem::path& path, ssh_keytypes_e type, int bits) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return;
  ssh_key generated = nullptr;
  if (ssh_pki_generate(type, bits, &generated) != SSH_OK) {
    throw Error(Failure::internal, "cannot generate a host key for '" + path.string() + "'");
  }
  const KeyPtr key(generated, &ssh_key_free);
  // Written beside and renamed so that a crash never leaves half a key that
  // the next start would refuse.
  const std::filesystem::path partial = path.string() + ".partial";
  if (ssh_pki_export_privkey_file(key.get(), nullptr, nullptr, nullptr, partial.c_str()) !=
      SSH_OK) {
    throw Error(Failure::usage, "cannot write host key '" + path.string() +
                                    "': make its folder writable or pick another --state-dir");
  }
  std::filesystem::permissions(
      partial, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  std::filesystem::rename(partial, path, ec);
  if (ec)
    throw Error(Failure::usage, "cannot write host key '" + path.string() + "': " + ec.message());
}

}  // namespace

HostKeyFiles ensure_host_keys(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    throw Error(Failure::usage,
                "cannot create host key folder '" + dir.string() + "': " + ec.message());
  }
  HostKeyFiles files{dir / "ssh_host_ed25519_key", dir / "ssh_host_rsa_key"};
  ensure_key(files.ed25519, SSH_KEYTYPE_ED25519, 0);
  // 2048-bit RSA, the modulus `crypto key generate rsa modulus 2048` gives on
  // IOS; larger keys only slow down the first start.
  ensure_key(files.rsa, SSH_KEYTYPE_RSA, 2048);
  return files;
}

}  // namespace iosctl::sim
