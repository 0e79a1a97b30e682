#include "iosctl/cli/connection_setup.h"

#include "iosctl/cli/connection_options.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "iosctl/ios/device_args.h"

#include <cstdlib>
#include <fstream>

namespace iosctl::cli {
namespace {

std::string from_env(Env& env, const std::string& flag, const std::string& name) {
  std::optional<std::string> value = env_value(env, name);
  if (!value) {
    throw Error(Failure::usage,
                flag + " " + name + ": the environment variable is not set (export " + name + ")");
  }
  return *value;
}

// A secret kept in a file of its own (an inventory's password_file): its
// first line, without the line end, so `echo pw > file` works.
std::string first_line_of(const std::string& path, const std::string& key) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) {
    throw Error(Failure::usage, key + " " + path +
                                    ": cannot read it (fix: create the file with the secret on "
                                    "its first line, readable by this user)");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Flags given on the command line win over the connection options.
void apply_flags(driver::Connection& c, const DeviceFlags& f) {
  if (f.host) c.host = *f.host;
  if (f.port) {
    if (*f.port < 1 || *f.port > 65'535) {
      throw Error(Failure::usage, "--port " + std::to_string(*f.port) + ": use 1 to 65535");
    }
    c.port = static_cast<std::uint16_t>(*f.port);
  }
  if (f.username) c.username = *f.username;
  c.key_files.insert(c.key_files.end(), f.key_files.begin(), f.key_files.end());
  if (f.key_passphrase_env) c.key_passphrase_env = *f.key_passphrase_env;
  if (f.known_hosts) c.known_hosts = *f.known_hosts;
  if (f.host_key_policy) c.host_key_policy = *f.host_key_policy;
  if (f.device_type) c.device_type = *f.device_type;
  if (f.timeout) {
    if (*f.timeout < 1) throw Error(Failure::usage, "--timeout needs a number of seconds above 0");
    c.timeout = std::chrono::seconds(*f.timeout);
  }
  if (f.session_log) c.session_log = *f.session_log;
  if (f.ssh_config) c.ssh_config = *f.ssh_config;
  if (f.legacy_algorithms) c.legacy_algorithms = true;
}

void check(const driver::Connection& c) {
  if (c.host.empty()) {
    throw Error(Failure::usage,
                "no device given: use --host HOST (or host=HOST in the connection options)");
  }
  (void)driver::platform_profile(c.device_type);  // throws, listing the known types
  if (c.host_key_policy != "strict" && c.host_key_policy != "accept-new" &&
      c.host_key_policy != "off") {
    throw Error(Failure::usage, "unknown host key policy '" + c.host_key_policy +
                                    "' (use strict, accept-new or off)");
  }
}

void resolve_secrets(driver::Connection& c, const DeviceFlags& f, Env& env) {
  if (f.password) {
    // Any user on the host can read another's arguments (ps, /proc/PID/cmdline).
    env.err << "iosctl: warning: --password is visible to other users in ps; "
               "use --password-env VAR instead\n";
    c.password = *f.password;
  } else if (f.password_env) {
    c.password = from_env(env, "--password-env", *f.password_env);
  } else if (f.password_file) {
    c.password = first_line_of(*f.password_file, "password_file");
  } else if (c.password.empty() && c.key_files.empty() && env.read_secret) {
    const std::string who = (c.username.empty() ? "" : c.username + "@") + c.host;
    if (std::optional<std::string> typed = env.read_secret(who + "'s password: ")) {
      c.password = *typed;
    }
  }
  if (f.secret_env) c.secret = from_env(env, "--secret-env", *f.secret_env);
  if (f.secret_file) c.secret = first_line_of(*f.secret_file, "secret_file");
  // `enable` types the secret at the device's Password: prompt.
  if (c.secret && (f.secret_env || f.secret_file)) {
    ios::check_secret(*c.secret, f.secret_env ? "--secret-env " + *f.secret_env
                                              : "secret_file " + *f.secret_file);
  }
}

}  // namespace

driver::Connection resolve_connection(const DeviceFlags& flags, Env& env) {
  driver::Connection connection;
  if (flags.options_file) {
    for (const ConnectionOption& o : load_connection_options(*flags.options_file)) {
      apply_connection_option(connection, o);
    }
  }
  for (const ConnectionOption& o : flags.inventory_options) apply_connection_option(connection, o);
  for (const std::string& assignment : flags.options) {
    const ConnectionOption o = parse_option_assignment(assignment);
    if (o.name == "password" || o.name == "secret") {
      env.err << "iosctl: warning: --option " << o.name
              << "= is visible to other users in ps; use --password-env or --secret-env\n";
    }
    apply_connection_option(connection, o);
  }
  apply_flags(connection, flags);
  check(connection);
  resolve_secrets(connection, flags, env);
  return connection;
}

}  // namespace iosctl::cli
