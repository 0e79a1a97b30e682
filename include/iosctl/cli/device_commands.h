#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/connection_options.h"

#include <optional>
#include <string>
#include <vector>

// The commands that talk to one device: send-command, send-config, get-config.
namespace iosctl::cli {

// The global options that say how to reach the device; unset ones leave the
// connection options (or the defaults) alone.
struct DeviceFlags {
  std::optional<std::string> host;
  std::optional<int> port;
  std::optional<std::string> username;
  std::optional<std::string> password;  // --password: visible in ps, warned about
  std::optional<std::string> password_env;
  std::optional<std::string> secret_env;
  std::vector<std::string> key_files;
  std::optional<std::string> key_passphrase_env;
  std::optional<std::string> known_hosts;
  std::optional<std::string> host_key_policy;
  std::optional<std::string> device_type;
  std::optional<int> timeout;  // seconds
  std::optional<std::string> session_log;
  std::optional<std::string> ssh_config;
  bool legacy_algorithms = false;
  std::vector<std::string> options;  // --option NAME=VALUE, in order
  std::optional<std::string> options_file;
  // A fleet host's settings from the inventory (Netmiko names, origins kept),
  // applied after the options file and before --option.
  std::vector<ConnectionOption> inventory_options;
  std::optional<std::string> password_file;  // inventory password_file: first line
  std::optional<std::string> secret_file;    // inventory secret_file: first line
  bool verbose = false;
  bool json = false;
};

struct SendCommandOptions {
  std::vector<std::string> commands;
  std::string expect;    // regex ending each read instead of the prompt
  int read_timeout = 0;  // seconds per command; 0: --timeout's
};

struct SendConfigOptions {
  std::vector<std::string> lines;
  std::string file;  // read lines from here instead
  std::string error_pattern;
  bool save = false;
};

struct GetConfigOptions {
  std::string source = "running";
  bool raw = false;
  bool show_secrets = false;
  std::string output;  // -o: also write the real configuration here (mode 0600)
};

// Each returns the exit code (0, 3 rejected, 5 partly applied); all throw
// Error: unreachable (6) for connect, login, host key or a lost connection,
// usage (1) for bad options.
int run_send_command(const DeviceFlags& flags, const SendCommandOptions& options, Env& env);
int run_send_config(const DeviceFlags& flags, const SendConfigOptions& options, Env& env);
int run_get_config(const DeviceFlags& flags, const GetConfigOptions& options, Env& env);

}  // namespace iosctl::cli
