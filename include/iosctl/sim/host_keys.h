#pragma once

#include <filesystem>

namespace iosctl::sim {

// The SSH host key files every device of one iosim process presents.
struct HostKeyFiles {
  std::filesystem::path ed25519;
  std::filesystem::path rsa;
};

// Returns the host key files in `dir` (created if missing), generating those
// that don't exist yet and keeping the others. Throws Error{Failure::usage}
// when `dir` is not writable.
HostKeyFiles ensure_host_keys(const std::filesystem::path& dir);

}  // namespace iosctl::sim
