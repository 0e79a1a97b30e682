#include "iosctl/cli/connection_options.h"

#include "iosctl/config/text.h"
#include "iosctl/error.h"
#include "iosctl/ios/device_args.h"
#include "iosctl/util/parse_bool.h"
#include "iosctl/util/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace iosctl::cli {
namespace {

using driver::Connection;

// Netmiko's ConnectHandler names (netmiko.BaseConnection) that mean
// something here; the others are refused rather than silently ignored.
constexpr std::string_view kNames[] = {"device_type",
                                       "host",
                                       "ip",
                                       "port",
                                       "username",
                                       "password",
                                       "secret",
                                       "key_file",
                                       "use_keys",
                                       "allow_agent",
                                       "timeout",
                                       "conn_timeout",
                                       "auth_timeout",
                                       "banner_timeout",
                                       "read_timeout_override",
                                       "session_log",
                                       "ssh_config_file",
                                       "known_hosts",
                                       "host_key_policy",
                                       "legacy_algorithms"};

[[noreturn]] void bad_value(const ConnectionOption& o, std::string_view expected) {
  throw Error(
      Failure::usage,
      o.origin + ": option " + o.name + " needs " + std::string(expected) + " (got '" +
          (o.name == "password" || o.name == "secret" ? std::string("<redacted>") : o.value) +
          "')");
}

bool to_bool(const ConnectionOption& o) {
  const std::optional<bool> value = util::parse_bool(o.value);
  if (!value) bad_value(o, "true or false (or yes/no, on/off)");
  return *value;
}

unsigned long to_number(const ConnectionOption& o, unsigned long max) {
  unsigned long n = 0;
  const char* end = o.value.data() + o.value.size();
  const auto [ptr, ec] = std::from_chars(o.value.data(), end, n);
  if (ec != std::errc() || ptr != end || n > max) bad_value(o, "a whole number");
  return n;
}

std::chrono::milliseconds seconds(const ConnectionOption& o) {
  const unsigned long n = to_number(o, 86'400);
  if (n == 0) bad_value(o, "a number of seconds above 0");
  return std::chrono::seconds(n);
}

bool apply_text(Connection& c, const ConnectionOption& o) {
  const std::string& n = o.name;
  if (n == "device_type")
    c.device_type = o.value;
  else if (n == "host" || n == "ip")
    c.host = o.value;
  else if (n == "username")
    c.username = o.value;
  else if (n == "password")
    c.password = o.value;
  else if (n == "secret")
    c.secret = (ios::check_secret(o.value, o.origin + ": option secret"), o.value);
  else if (n == "key_file")
    c.key_files.push_back(o.value);
  else if (n == "session_log")
    c.session_log = o.value;
  else if (n == "ssh_config_file")
    c.ssh_config = o.value;
  else if (n == "known_hosts")
    c.known_hosts = o.value;
  else if (n == "host_key_policy")
    c.host_key_policy = o.value;
  else
    return false;
  return true;
}

bool apply_typed(Connection& c, const ConnectionOption& o) {
  const std::string& n = o.name;
  if (n == "port")
    c.port = static_cast<std::uint16_t>(to_number(o, 65'535));
  else if (n == "use_keys")
    c.use_keys = to_bool(o);
  else if (n == "allow_agent")
    c.allow_agent = to_bool(o);
  else if (n == "legacy_algorithms")
    c.legacy_algorithms = to_bool(o);
  else if (n == "timeout" || n == "read_timeout_override")
    c.timeout = seconds(o);
  else if (n == "conn_timeout")
    c.conn_timeout = seconds(o);
  else if (n == "auth_timeout")
    c.auth_timeout = seconds(o);
  else if (n == "banner_timeout")
    c.banner_timeout = seconds(o);
  else
    return false;
  return true;
}

}  // namespace

std::vector<std::string_view> connection_option_names() {
  return {std::begin(kNames), std::end(kNames)};
}

ConnectionOption parse_option_assignment(std::string_view assignment) {
  const std::size_t eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw Error(Failure::usage, "--option '" + std::string(assignment.substr(0, 40)) +
                                    "' is not NAME=VALUE (e.g. --option port=2222)");
  }
  return {std::string(assignment.substr(0, eq)), std::string(assignment.substr(eq + 1)),
          "--option"};
}

std::vector<ConnectionOption> load_connection_options(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Failure::usage, path + ": cannot read the connection options file");
  std::ostringstream text;
  text << in.rdbuf();
  util::YamlNode root;
  try {
    root = util::parse_yaml(text.str(), path);  // JSON is YAML too
  } catch (const util::YamlError& e) {
    throw Error(Failure::usage, e.what());
  }
  if (!root.is_map()) {
    throw Error(Failure::usage, path + ": expected a mapping of option names to values");
  }
  std::vector<ConnectionOption> options;
  for (const util::YamlEntry& entry : root.entries()) {
    const std::string& name = entry.key.scalar();
    if (!entry.value.is_scalar()) {
      throw Error(Failure::usage, path + ":" + std::to_string(entry.key.line()) + ": option " +
                                      name + " needs a single value");
    }
    options.push_back({name, entry.value.scalar(), path});
  }
  return options;
}

void apply_connection_option(Connection& connection, const ConnectionOption& option) {
  if (apply_text(connection, option) || apply_typed(connection, option)) return;
  const std::string near = config::closest_word(option.name, connection_option_names(), 3);
  throw Error(Failure::usage, option.origin + ": unknown connection option '" + option.name + "'" +
                                  (near.empty() ? " (see man iosctl, CONNECTION OPTIONS)"
                                                : " (did you mean '" + near + "'?)"));
}

}  // namespace iosctl::cli
