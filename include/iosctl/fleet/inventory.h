#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

// The hosts of a fleet as an inventory file describes them: Nornir's
// SimpleInventory layout (hosts.yaml, groups.yaml, defaults.yaml) or one file
// with `defaults`, `groups` and `hosts` sections. Values are resolved the way
// Nornir resolves them: the host, then its groups in order (each before its
// own parents, depth-first, each group once), then the defaults. Loading
// reads the inventory files only: password_env/password_file references are
// recorded, never resolved, and paths are kept as written.
namespace iosctl::fleet {

// One name = value setting and where it was written ("inv/hosts.yaml:12",
// the -i path joined with the file name). Values are kept as written.
struct Setting {
  std::string name;
  std::string value;
  std::string origin;
};

// How a password or enable secret is given. Messages name the origin and the
// reference, never a clear-text value.
struct SecretRef {
  enum class Kind { none, clear_text, env, file };
  Kind kind = Kind::none;
  std::string value;   // the secret (clear_text), the variable (env) or the path (file)
  std::string origin;  // "inv/hosts.yaml:12"
};

struct Host {
  std::string name;
  std::string origin;               // where the host is defined: "inv/hosts.yaml:3"
  std::vector<std::string> groups;  // every group it belongs to, parents too, in resolution order
  // hostname, port, username, platform and password: connection_options.netmiko.X
  // (else .napalm.X) from any level overrides the host/group/defaults X, as
  // Nornir's get_connection_parameters() does.
  std::optional<std::string> hostname;
  std::optional<int> port;
  std::optional<std::string> username;
  std::optional<std::string> platform;  // as written: ios, cisco_ios, cisco_xe, ...
  SecretRef password;                   // password, password_env or password_file
  SecretRef secret;                     // enable secret: secret, secret_env or secret_file
  std::optional<Setting> candidate;     // candidate path template, e.g. configs/{name}.cfg
  // Netmiko ConnectHandler arguments: connection_options.netmiko.extras and the
  // optional_args NAPALM hands to Netmiko (port, secret, conn_timeout, ...),
  // the nearest definition of each name kept (netmiko's first at one level).
  // In Nornir these win over the fields above (e.g. a `secret` here over `secret`).
  std::vector<Setting> netmiko_options;
  // NAPALM ios optional_args (connection_options.napalm.extras.optional_args:
  // auto_rollback_on_error, auto_file_prompt, dest_file_system, inline_transfer,
  // candidate_cfg, rollback_cfg, merge_cfg), the nearest definition of each kept.
  std::vector<Setting> napalm_options;
  nlohmann::json data = nlohmann::json::object();  // `data`, merged key by key
};

struct Inventory {
  std::vector<Host> hosts;            // in the order the hosts file lists them
  std::vector<std::string> groups;    // every group name defined
  std::vector<std::string> warnings;  // at most one per file: a clear-text password or secret
};

// What loading an inventory may build. Each host gets its own copy of what
// it inherits, so one group with many parents or much data, shared by many
// hosts, multiplies: a 1 MB file could ask for 10^9 copies.
struct InventoryLimits {
  std::size_t max_inherited = 5'000'000;  // groups and data values, all hosts together
};

// Loads the inventory at `path`: a directory holding hosts.yaml (groups.yaml
// and defaults.yaml optional; .yml too), a file named hosts.yaml or hosts.yml
// whose siblings are read the same way, or else a single-file inventory with
// a `hosts` section. Throws Error{usage} naming the file, line and key of the
// first problem, e.g. "inv/hosts.yaml:7: unknown key 'hostnme' (did you mean
// 'hostname'?)"; also past `limits`, or past 64 levels of parent groups.
Inventory load_inventory(const std::string& path, const InventoryLimits& limits = {});

// Returns `pattern` with {name}, {hostname}, {platform} and {KEY} for a
// scalar `data` key replaced by `host`'s values ({hostname} falls back to the
// name). Throws Error{usage} naming an unknown placeholder or unset platform.
std::string expand_host_template(const std::string& pattern, const Host& host);

}  // namespace iosctl::fleet
