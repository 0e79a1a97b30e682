#include "iosctl/ssh/target.h"

#include "algorithms.h"
#include "configure.h"
#include "handles.h"
#include "iosctl/error.h"

#include <fstream>
#include <optional>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>
#include <vector>

namespace iosctl::ssh {
namespace {

// The local account (getpwuid_r: sessions open on several threads at once).
std::optional<passwd> local_account(std::vector<char>& buffer) {
  buffer.resize(16 * 1024);
  passwd entry{};
  passwd* found = nullptr;
  if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) {
    return std::nullopt;
  }
  return entry;
}

std::string home_directory() {
  const char* home = getenv("HOME");
  if (home != nullptr && *home != '\0') return home;
  std::vector<char> buffer;
  const std::optional<passwd> account = local_account(buffer);
  return account && account->pw_dir != nullptr ? account->pw_dir : "/";
}

std::string local_user() {
  std::vector<char> buffer;
  const std::optional<passwd> account = local_account(buffer);
  return account && account->pw_name != nullptr ? account->pw_name : "root";
}

// Returns a string option of `session`, empty when unset.
std::string get_option(ssh_session session, ssh_options_e option) {
  char* value = nullptr;
  if (ssh_options_get(session, option, &value) != SSH_OK || value == nullptr) return "";
  const CString owned(value);
  return owned.get();
}

void set_option(ssh_session session, ssh_options_e option, const void* value,
                std::string_view what) {
  if (ssh_options_set(session, option, value) != SSH_OK) {
    throw Error(Failure::usage,
                std::string(what) + ": " + libssh_error(session, "libssh refused it"));
  }
}

// Reads the ssh config into `session`; returns the file read (empty: none).
std::filesystem::path read_ssh_config(ssh_session session, const SessionOptions& options,
                                      const std::filesystem::path& ssh_dir) {
  std::filesystem::path path = expand_home(options.ssh_config);
  std::error_code ec;
  if (path.empty()) {
    path = ssh_dir / "config";
    if (!std::filesystem::exists(path, ec)) return {};
  } else if (!std::ifstream(path)) {
    throw Error(Failure::usage,
                "cannot read ssh config '" + path.string() + "': check the --ssh-config path");
  }
  if (ssh_options_parse_config(session, path.c_str()) != 0) {
    throw Error(Failure::usage, "cannot use ssh config '" + path.string() +
                                    "': " + libssh_error(session, "libssh cannot parse it"));
  }
  return path;
}

// The known_hosts file: the option, else the config's UserKnownHostsFile,
// else <ssh_dir>/known_hosts.
std::filesystem::path known_hosts_file(ssh_session session, const SessionOptions& options,
                                       const std::filesystem::path& ssh_dir) {
  if (!options.known_hosts.empty()) return expand_home(options.known_hosts);
  const std::string configured = get_option(session, SSH_OPTIONS_KNOWNHOSTS);
  if (!configured.empty() && configured.find('%') == std::string::npos) {
    return expand_home(configured);
  }
  return ssh_dir / "known_hosts";
}

}  // namespace

std::filesystem::path expand_home(const std::filesystem::path& path) {
  const std::string text = path.string();
  if (text == "~") return home_directory();
  if (text.starts_with("~/")) return std::filesystem::path(home_directory()) / text.substr(2);
  return path;
}

ResolvedTarget configure_session(ssh_session session, const SessionOptions& options) {
  if (options.host.empty()) throw Error(Failure::usage, "no host given: name a device with --host");
  // Only what we name is read: not /etc/ssh/ssh_config, nor ~/.ssh/config
  // behind our back when ssh_connect starts.
  const bool process_config = false;
  const int quiet = SSH_LOG_NOLOG;
  set_option(session, SSH_OPTIONS_PROCESS_CONFIG, &process_config, "ssh config");
  set_option(session, SSH_OPTIONS_LOG_VERBOSITY, &quiet, "log level");
  const std::filesystem::path ssh_dir = expand_home(options.ssh_dir);
  set_option(session, SSH_OPTIONS_SSH_DIR, ssh_dir.c_str(), "ssh dir '" + ssh_dir.string() + "'");
  set_option(session, SSH_OPTIONS_HOST, options.host.c_str(), "host '" + options.host + "'");
  ResolvedTarget target;
  target.ssh_config = read_ssh_config(session, options, ssh_dir);
  if (options.port) {
    const unsigned int port = *options.port;
    set_option(session, SSH_OPTIONS_PORT, &port, "port");
  }
  if (!options.username.empty()) {
    set_option(session, SSH_OPTIONS_USER, options.username.c_str(), "username");
  } else if (get_option(session, SSH_OPTIONS_USER).empty()) {
    set_option(session, SSH_OPTIONS_USER, local_user().c_str(), "username");
  }
  target.known_hosts = known_hosts_file(session, options, ssh_dir);
  set_option(session, SSH_OPTIONS_KNOWNHOSTS, target.known_hosts.c_str(), "known_hosts");
  if (options.legacy_algorithms) allow_legacy_algorithms(session);

  target.host = get_option(session, SSH_OPTIONS_HOST);
  target.user = get_option(session, SSH_OPTIONS_USER);
  unsigned int port = 22;
  if (ssh_options_get_port(session, &port) == SSH_OK)
    target.port = static_cast<std::uint16_t>(port);
  std::string identity = get_option(session, SSH_OPTIONS_IDENTITY);
  if (identity.starts_with("%d/")) identity = (ssh_dir / identity.substr(3)).string();
  target.identity = expand_home(identity);
  const std::string proxy = get_option(session, SSH_OPTIONS_PROXYCOMMAND);
  if (proxy != "none") target.proxy_command = proxy;
  return target;
}

ResolvedTarget resolve_target(const SessionOptions& options) {
  const SessionHandle session(ssh_new());
  if (!session) throw Error(Failure::internal, "libssh could not make a session");
  return configure_session(session.get(), options);
}

}  // namespace iosctl::ssh
