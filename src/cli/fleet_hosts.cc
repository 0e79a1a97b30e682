#include "iosctl/cli/fleet_hosts.h"

#include "iosctl/error.h"
#include "iosctl/util/parse_bool.h"

#include <algorithm>
#include <array>
#include <utility>

namespace iosctl::cli {
namespace {

// Nornir inventories written for NAPALM name platforms by NAPALM driver.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kNapalmPlatforms = {{
    {"ios", "cisco_ios"},
    {"iosxe", "cisco_xe"},
    {"eos", "arista_eos"},
    {"junos", "juniper_junos"},
    {"nxos", "cisco_nxos"},
    {"iosxr", "cisco_xr"},
}};

bool truth(const fleet::Setting& s) {
  if (const std::optional<bool> value = util::parse_bool(s.value)) return *value;
  throw Error(Failure::usage, s.origin + ": optional_args " + s.name +
                                  " needs true or false (got '" + s.value + "')");
}

void add(DeviceFlags& flags, std::string name, std::string value, const std::string& origin) {
  flags.inventory_options.push_back({std::move(name), std::move(value), origin});
}

void take_password(const fleet::Host& host, const DeviceFlags& globals, DeviceFlags& flags) {
  const fleet::SecretRef& p = host.password;
  if (globals.password || globals.password_env) return;  // the command line wins
  if (p.kind == fleet::SecretRef::Kind::clear_text) add(flags, "password", p.value, p.origin);
  if (p.kind == fleet::SecretRef::Kind::env) flags.password_env = p.value;
  if (p.kind == fleet::SecretRef::Kind::file) flags.password_file = p.value;
}

void take_secret(const fleet::Host& host, const DeviceFlags& globals, DeviceFlags& flags) {
  const fleet::SecretRef& s = host.secret;
  if (globals.secret_env) return;
  if (s.kind == fleet::SecretRef::Kind::clear_text) add(flags, "secret", s.value, s.origin);
  if (s.kind == fleet::SecretRef::Kind::env) flags.secret_env = s.value;
  if (s.kind == fleet::SecretRef::Kind::file) flags.secret_file = s.value;
}

// Netmiko tuning options iosctl has no use for (fast_cli, global_delay_factor,
// verbose, ...) keep a Nornir inventory loadable; they are left out, with a
// warning (ignored_option_warnings).
bool used_by_iosctl(const std::string& name) {
  const std::vector<std::string_view> known = connection_option_names();
  return std::find(known.begin(), known.end(), name) != known.end();
}

}  // namespace

std::vector<std::string> ignored_option_warnings(const fleet::Host& host) {
  std::vector<std::string> warnings;
  for (const fleet::Setting& s : host.netmiko_options) {
    if (!used_by_iosctl(s.name)) {
      warnings.push_back(s.origin + ": netmiko option " + s.name +
                         " has no effect in iosctl and is left out");
    }
  }
  return warnings;
}

std::string device_type_for_platform(const std::string& platform) {
  for (const auto& [napalm, netmiko] : kNapalmPlatforms) {
    if (platform == napalm) return std::string(netmiko);
  }
  return platform;
}

DeviceFlags host_flags(const fleet::Host& host, const DeviceFlags& globals) {
  DeviceFlags flags = globals;
  flags.inventory_options.clear();
  add(flags, "host", host.hostname.value_or(host.name), host.origin);
  if (host.port) add(flags, "port", std::to_string(*host.port), host.origin);
  if (host.username) add(flags, "username", *host.username, host.origin);
  if (host.platform)
    add(flags, "device_type", device_type_for_platform(*host.platform), host.origin);
  for (const fleet::Setting& s : host.netmiko_options) {
    if (used_by_iosctl(s.name)) add(flags, s.name, s.value, s.origin);
  }
  take_password(host, globals, flags);
  take_secret(host, globals, flags);
  if (globals.session_log) {
    if (globals.session_log->find("{name}") == std::string::npos) {
      throw Error(Failure::usage, "--session-log " + *globals.session_log +
                                      ": a fleet run logs each host to its own file: put {name} "
                                      "in it, e.g. --session-log 'logs/{name}.log'");
    }
    flags.session_log = fleet::expand_host_template(*globals.session_log, host);
  }
  return flags;
}

void apply_napalm_options(WorkflowArgs& args, const std::vector<fleet::Setting>& options) {
  // The values reach device commands: typed here, with the inventory line in
  // the message (fleet::load_inventory has already checked them the same way).
  const auto file = [](const fleet::Setting& s) {
    return ios::FileName(s.value, s.origin + ": " + s.name);
  };
  for (const fleet::Setting& s : options) {
    if (s.name == "auto_rollback_on_error") {
      if (!args.no_auto_rollback && !args.auto_rollback_flag) args.no_auto_rollback = !truth(s);
    } else if (s.name == "auto_file_prompt") {
      if (!truth(s)) args.no_auto_file_prompt = true;
    } else if (s.name == "dest_file_system") {
      if (args.dest_file_system.empty()) {
        args.workflow.file_system = ios::FileSystem(s.value, s.origin + ": " + s.name);
      }
    } else if (s.name == "inline_transfer") {
      if (truth(s)) args.workflow.inline_transfer = true;
    } else if (s.name == "candidate_cfg") {
      if (args.candidate_file.empty()) args.workflow.files.candidate = file(s);
    } else if (s.name == "rollback_cfg") {
      if (args.rollback_file.empty()) args.workflow.files.rollback = file(s);
    } else if (s.name == "merge_cfg") {
      if (args.merge_file.empty()) args.workflow.files.merge = file(s);
    }
  }
}

}  // namespace iosctl::cli
