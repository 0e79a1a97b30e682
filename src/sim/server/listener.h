#pragma once

// Internal to iosim_server: one device's listening socket.

#include "iosctl/sim/host_keys.h"
#include "iosctl/sim/lab.h"

#include <libssh/libssh.h>
#include <libssh/server.h>

#include <memory>

namespace iosctl::sim {

using BindPtr = std::unique_ptr<ssh_bind_struct, decltype(&ssh_bind_free)>;
using KeyPtr = std::unique_ptr<ssh_key_struct, decltype(&ssh_key_free)>;

// The host keys read once and handed to every listener as copies: reading
// them per listener is most of the start-up time of a 1,000-device lab.
struct HostKeys {
  KeyPtr ed25519{nullptr, &ssh_key_free};
  KeyPtr rsa{nullptr, &ssh_key_free};
};

// Returns the keys in `files`. Throws Error{Failure::usage} if unreadable.
HostKeys load_host_keys(const HostKeyFiles& files);

// Returns a bound, listening ssh_bind for `device`, offering the algorithms
// its faults allow. Throws Error{Failure::usage} when the address is taken.
BindPtr open_listener(const LabDevice& device, const HostKeys& keys);

}  // namespace iosctl::sim
