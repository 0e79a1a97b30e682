#pragma once

#include "iosctl/driver/connection.h"

#include <functional>
#include <memory>
#include <string_view>

namespace iosctl::driver {

// Opens an SSH session and a pty shell to `connection` (the real Connector,
// built into iosctl_driver_ssh so that iosctl_core and iosctl_cli never link
// libssh). Throws Error{unreachable} naming user@host:port, or Error{usage}.
std::unique_ptr<Link> open_ssh_link(const Connection& connection,
                                    const std::function<void(std::string_view)>& warn);

}  // namespace iosctl::driver
