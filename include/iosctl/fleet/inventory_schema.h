#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

// What an inventory file may say: Nornir's keys, iosctl's own keys, the
// Netmiko and NAPALM argument names connection_options may carry, and how
// the values read. Pure: inventory_file.cc applies it to the YAML.
namespace iosctl::fleet {

using NameList = std::span<const std::string_view>;

// Keys of a host, group or the defaults: Nornir's SimpleInventory keys, then
// iosctl's (password_env, password_file, secret, secret_env, secret_file, candidate).
NameList entry_keys();

// Keys of connection_options.netmiko and .napalm (Nornir's ConnectionOptions).
NameList connection_keys();

// Netmiko ConnectHandler arguments a YAML scalar can carry: accepted in
// connection_options.netmiko.extras and passed on from NAPALM's optional_args.
NameList netmiko_argument_names();

// NAPALM ios optional_args names that change what iosctl does.
NameList napalm_option_names();

// Returns the connection_options key ("hostname", "port", ...) that stands for
// a ConnectHandler argument Nornir fills itself ("host" -> "hostname"), else "".
std::string_view netmiko_own_key(std::string_view argument);

// Returns "unknown WHAT 'NAME' (did you mean 'X'?)" with the nearest of
// `known`, or "unknown WHAT 'NAME' HINT" when none is near.
std::string unknown_name(std::string_view what, std::string_view name, NameList known,
                         std::string_view hint);

// Returns the port `text` names (1 to 65535), or nullopt.
std::optional<int> parse_port(std::string_view text);

// True when `name` can name an environment variable: letters, digits and _,
// not starting with a digit.
bool is_env_name(std::string_view name);

// Returns the value of a plain (unquoted) YAML scalar as YAML 1.2's core
// schema types it: true/false, an integer, a real, else the text.
nlohmann::json plain_scalar_value(const std::string& text);

}  // namespace iosctl::fleet
