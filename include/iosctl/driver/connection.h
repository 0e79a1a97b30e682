#pragma once

#include "iosctl/dialog/stream.h"
#include "iosctl/driver/file_transfer.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::driver {

// Everything needed to reach one device, as the command line and the
// connection options (Netmiko's ConnectHandler names) set it.
struct Connection {
  std::string device_type = "cisco_ios";
  std::string host;
  std::optional<std::uint16_t> port;  // nullopt: the ssh config's, else 22
  std::string username;               // empty: the ssh config's, else the local user
  std::string password;               // never printed
  std::optional<std::string> secret;  // enable secret; never printed
  std::vector<std::string> key_files;
  std::string key_passphrase_env;          // environment variable holding the keys' passphrase
  bool use_keys = true;                    // try key files (and ~/.ssh defaults)
  bool allow_agent = true;                 // ask ssh-agent first
  std::string known_hosts;                 // empty: ~/.ssh/known_hosts or the ssh config's
  std::string host_key_policy = "strict";  // strict, accept-new or off
  bool legacy_algorithms = false;
  std::string ssh_config;  // empty: ~/.ssh/config when it exists
  std::chrono::milliseconds conn_timeout{10'000};
  std::chrono::milliseconds banner_timeout{15'000};
  std::chrono::milliseconds auth_timeout{20'000};
  std::chrono::milliseconds timeout{30'000};  // each command's reply
  std::string session_log;                    // file recording the dialogue; empty: none
};

// An open shell on a device: the Stream the dialogue talks over.
class Link {
 public:
  virtual ~Link() = default;
  // The shell's byte pipe; valid as long as this Link.
  virtual Stream& stream() = 0;
  // `user@host:port`, as messages name the device.
  virtual std::string target() const = 0;
  // Copies files to the device beside this shell; nullptr: this link cannot.
  virtual FileTransfer* file_transfer() { return nullptr; }
};

// Opens a Link to `connection`, reporting warnings through `warn`; throws
// Error{unreachable} (connect, host key, login) or Error{usage}.
using Connector = std::function<std::unique_ptr<Link>(
    const Connection& connection, const std::function<void(std::string_view)>& warn)>;

}  // namespace iosctl::driver
