#include "iosctl/fleet/inventory_schema.h"

#include "iosctl/config/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <utility>

namespace iosctl::fleet {
namespace {

// Nornir reads only the keys it knows (nornir.core.inventory.Host), so a file
// that also uses ours still loads in Nornir.
constexpr std::string_view kEntryKeys[] = {
    "hostname", "port",       "username",           "password",     "platform",
    "groups",   "data",       "connection_options", "password_env", "password_file",
    "secret",   "secret_env", "secret_file",        "candidate"};

constexpr std::string_view kConnectionKeys[] = {"hostname", "port",     "username",
                                                "password", "platform", "extras"};

// Netmiko 4 BaseConnection keyword arguments, less those a YAML scalar cannot
// carry (pkey, sock, serial_settings) and those Nornir fills itself.
constexpr std::string_view kNetmikoNames[] = {
    "secret", "verbose", "global_delay_factor", "global_cmd_verify", "use_keys", "key_file",
    "disabled_algorithms", "disable_sha2_fix", "allow_agent", "ssh_strict", "system_host_keys",
    "alt_host_keys", "alt_key_file", "ssh_config_file", "conn_timeout", "auth_timeout",
    "banner_timeout", "blocking_timeout", "timeout", "session_timeout", "read_timeout_override",
    "keepalive", "default_enter", "response_return", "fast_cli", "session_log",
    "session_log_record_writes", "session_log_file_mode", "allow_auto_change", "encoding",
    "auto_connect", "delay_factor_compat", "disable_lf_normalization",
    // iosctl's own, as --option takes them
    "legacy_algorithms", "known_hosts", "host_key_policy"};

// NAPALM's ios driver reads these from optional_args itself; the Netmiko
// names in optional_args it hands on to Netmiko (napalm.base.netmiko_helpers).
constexpr std::string_view kNapalmNames[] = {
    "auto_rollback_on_error", "auto_file_prompt", "dest_file_system", "inline_transfer",
    "candidate_cfg",          "rollback_cfg",     "merge_cfg"};

// Nornir's netmiko plugin passes these from the connection's own keys; in
// extras they would fight with them.
constexpr std::pair<std::string_view, std::string_view> kNetmikoOwnKeys[] = {
    {"host", "hostname"},     {"ip", "hostname"}, {"username", "username"},
    {"password", "password"}, {"port", "port"},   {"device_type", "platform"}};

}  // namespace

NameList entry_keys() { return kEntryKeys; }

NameList connection_keys() { return kConnectionKeys; }

NameList netmiko_argument_names() { return kNetmikoNames; }

NameList napalm_option_names() { return kNapalmNames; }

std::string_view netmiko_own_key(std::string_view argument) {
  for (const auto& [name, key] : kNetmikoOwnKeys) {
    if (name == argument) return key;
  }
  return "";
}

std::string unknown_name(std::string_view what, std::string_view name, NameList known,
                         std::string_view hint) {
  const std::string near = config::closest_word(name, known);
  return "unknown " + std::string(what) + " '" + std::string(name) + "' " +
         (near.empty() ? std::string(hint) : "(did you mean '" + near + "'?)");
}

std::optional<int> parse_port(std::string_view text) {
  int number = 0;
  const char* last = text.data() + text.size();
  const auto r = std::from_chars(text.data(), last, number);
  if (r.ec != std::errc() || r.ptr != last || number < 1 || number > 65535) return std::nullopt;
  return number;
}

bool is_env_name(std::string_view name) {
  return !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
         std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

// Nornir loads YAML with ruamel.yaml's safe loader, which follows YAML 1.2:
// yes/no/on/off stay text there, so they stay text here.
nlohmann::json plain_scalar_value(const std::string& text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (text.empty() || text.find_first_not_of("0123456789+-.eE") != std::string::npos ||
      text.find_first_of("0123456789") == std::string::npos) {
    return text;
  }
  const char* first = text.data() + (text[0] == '+' ? 1 : 0);
  const char* last = text.data() + text.size();
  std::int64_t whole = 0;
  if (const auto r = std::from_chars(first, last, whole); r.ec == std::errc() && r.ptr == last) {
    return whole;
  }
  double real = 0;
  if (const auto r = std::from_chars(first, last, real); r.ec == std::errc() && r.ptr == last) {
    return real;
  }
  return text;
}

}  // namespace iosctl::fleet
