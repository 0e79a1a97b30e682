#include "iosctl/driver/ssh_link.h"

#include "iosctl/error.h"
#include "iosctl/ssh/host_key_policy.h"
#include "iosctl/ssh/scp.h"
#include "iosctl/ssh/session.h"
#include "iosctl/ssh/shell_stream.h"

#include <utility>

namespace iosctl::driver {
namespace {

ssh::SessionOptions session_options(const Connection& c,
                                    const std::function<void(std::string_view)>& warn) {
  ssh::SessionOptions o;
  o.host = c.host;
  o.port = c.port;
  o.username = c.username;
  o.password = c.password;
  if (c.use_keys) o.key_files.assign(c.key_files.begin(), c.key_files.end());
  o.key_passphrase_env = c.key_passphrase_env;
  o.use_agent = c.allow_agent;
  o.known_hosts = c.known_hosts;
  o.ssh_config = c.ssh_config;
  const std::optional<ssh::HostKeyPolicy> policy = ssh::parse_host_key_policy(c.host_key_policy);
  if (!policy) {
    throw Error(Failure::usage, "unknown host key policy '" + c.host_key_policy +
                                    "' (use strict, accept-new or off)");
  }
  o.host_key_policy = *policy;
  o.legacy_algorithms = c.legacy_algorithms;
  o.timeouts.connect = c.conn_timeout;
  o.timeouts.banner = c.banner_timeout;
  o.timeouts.auth = c.auth_timeout;
  o.timeouts.request = c.timeout;
  o.on_warning = warn;
  return o;
}

// SCP on a second SSH session with the same login, opened per copy: IOS
// serves SCP on an exec channel while the CLI shell stays open beside it
// (netmiko and NAPALM do the same).
class ScpTransfer : public FileTransfer {
 public:
  explicit ScpTransfer(ssh::SessionOptions options) : options_(std::move(options)) {}

  void push(std::string_view bytes, const ios::DevicePath& remote_path) override {
    ssh::Session session(options_);
    ssh::scp_push(session, bytes, remote_path.str(), ssh::Clock::now() + options_.timeouts.request);
  }

 private:
  ssh::SessionOptions options_;
};

// The session and its shell, destroyed shell first (it lives on the session).
class SshLink : public Link {
 public:
  SshLink(const Connection& connection, const std::function<void(std::string_view)>& warn)
      : session_(session_options(connection, warn)),
        shell_(session_),
        transfer_(session_options(connection, warn)) {}

  Stream& stream() override { return shell_; }
  std::string target() const override { return session_.target(); }
  FileTransfer* file_transfer() override { return &transfer_; }

 private:
  ssh::Session session_;
  ssh::ShellStream shell_;
  ScpTransfer transfer_;
};

}  // namespace

std::unique_ptr<Link> open_ssh_link(const Connection& connection,
                                    const std::function<void(std::string_view)>& warn) {
  return std::make_unique<SshLink>(connection, warn);
}

}  // namespace iosctl::driver
