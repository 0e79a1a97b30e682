#pragma once

#include "iosctl/fleet/inventory.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// One inventory file read into the hosts, groups and defaults it writes,
// before any inheritance: load_inventory() (inventory.cc) finds the files,
// checks the group references and resolves each host.
namespace iosctl::fleet {

// What a connection_options entry (netmiko or napalm) sets for its own
// connection; Nornir lets these override the host's own attributes.
struct ConnectionOverrides {
  std::optional<std::string> hostname;
  std::optional<int> port;
  std::optional<std::string> username;
  std::optional<std::string> platform;
  SecretRef password;  // Kind::clear_text when set
};

// One host, one group or the defaults, exactly as one file writes it.
struct InventoryEntry {
  std::string name;             // the host or group name; "" for the defaults
  std::string origin;           // "inv/hosts.yaml:3"
  std::vector<Setting> groups;  // parent groups as listed: name "groups", value the group
  std::optional<std::string> hostname;
  std::optional<int> port;
  std::optional<std::string> username;
  std::optional<std::string> platform;
  SecretRef password;
  SecretRef secret;
  std::optional<Setting> candidate;
  nlohmann::json data = nlohmann::json::object();
  ConnectionOverrides netmiko;  // connection_options.netmiko.{hostname,port,...}
  ConnectionOverrides napalm;   // connection_options.napalm.{hostname,port,...}
  // Netmiko extras, then NAPALM optional_args that NAPALM hands to Netmiko
  // (a name the netmiko extras already set at this level is not repeated).
  std::vector<Setting> netmiko_options;
  std::vector<Setting> napalm_options;  // NAPALM's own ios optional_args
};

// The sections one file holds; which are filled depends on its kind.
struct InventoryFile {
  std::vector<InventoryEntry> hosts;   // in file order
  std::vector<InventoryEntry> groups;  // in file order
  std::optional<InventoryEntry> defaults;
  // "PATH:LINE: clear-text password (...)" for the file's first clear-text
  // password or secret; never the value.
  std::optional<std::string> warning;
};

// Which file of an inventory a text is: Nornir's three files, or the one
// file with `defaults`, `groups` and `hosts` sections.
enum class InventoryFileKind { hosts, groups, defaults, single };

// Parses `text` as a file of `kind`, shown as `display_path` in messages.
// Throws Error{usage} "PATH:LINE: message" at the first problem: YAML syntax,
// unknown or duplicate key, wrong type, conflicting password keys, no hosts.
// Group names are not checked here (the groups may live in another file).
InventoryFile parse_inventory_file(std::string_view text, const std::string& display_path,
                                   InventoryFileKind kind);

}  // namespace iosctl::fleet
