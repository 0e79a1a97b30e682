#include "iosctl/fleet/inventory_file.h"

#include "iosctl/config/text.h"
#include "iosctl/error.h"
#include "iosctl/fleet/inventory_schema.h"
#include "iosctl/ios/device_args.h"
#include "iosctl/util/yaml_reader.h"

#include <algorithm>
#include <map>
#include <span>

namespace iosctl::fleet {
namespace {

constexpr std::string_view kPlugins[] = {"netmiko", "napalm"};
constexpr std::string_view kSections[] = {"defaults", "groups", "hosts"};
// NAPALM driver constructor arguments Nornir's napalm plugin takes from extras.
constexpr std::string_view kNapalmExtras[] = {"optional_args", "timeout"};

bool contains(NameList names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Returns why `name` cannot be a host name, or "" when it can. Host names
// fill {name} in file templates (--session-log 'logs/{name}.log'), so a '/'
// or '..' would write outside that folder; no IOS hostname holds either.
std::string host_name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.find('/') != std::string_view::npos) return "contains '/'";
  if (name.find("..") != std::string_view::npos) return "contains '..'";
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "contains a control character";
  }
  return "";
}

// `name` with control characters written as \xNN, for a message.
std::string shown(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
      continue;
    }
    constexpr char kHex[] = "0123456789abcdef";
    out += std::string("\\x") + kHex[byte >> 4] + kHex[byte & 15];
  }
  return out;
}

// The recursion is as deep as the data's nesting, which the reader limits
// (YamlLimits::max_depth), and visits at most YamlLimits::max_nodes nodes.
nlohmann::json to_json(const util::YamlNode& node) {
  // Quoted text stays text; a plain scalar may be a number or a boolean.
  if (node.is_scalar()) {
    return node.plain() ? plain_scalar_value(node.scalar()) : nlohmann::json(node.scalar());
  }
  if (node.is_sequence()) {
    nlohmann::json list = nlohmann::json::array();
    for (const util::YamlNode& item : node.items()) list.push_back(to_json(item));
    return list;
  }
  if (!node.is_map()) return nullptr;
  nlohmann::json map = nlohmann::json::object();
  for (const util::YamlEntry& e : node.entries()) map[e.key.scalar()] = to_json(e.value);
  return map;
}

// The reader refuses every repeated key; the names of hosts and groups get
// their own words.
util::YamlOptions reader_options(InventoryFileKind kind) {
  util::YamlOptions options;
  options.duplicate_key_message = [kind](std::span<const std::string> parents, std::string_view key,
                                         int first_line) {
    const std::string first = std::to_string(first_line);
    std::string label;
    if (parents.empty() && kind == InventoryFileKind::hosts) label = "host";
    if (parents.empty() && kind == InventoryFileKind::groups) label = "group";
    if (parents.size() == 1 && kind == InventoryFileKind::single) {
      if (parents[0] == "hosts") label = "host";
      if (parents[0] == "groups") label = "group";
    }
    if (label.empty())
      return "duplicate key '" + std::string(key) + "' (first on line " + first + "; keep one)";
    return label + " '" + std::string(key) + "' is defined twice (first on line " + first +
           "; rename or merge them)";
  };
  return options;
}

// Reads one file, remembering its name so that every message names a line.
class Reader {
 public:
  explicit Reader(const std::string& display) : display_(display) {}

  InventoryFile read(const util::YamlNode& root, InventoryFileKind kind) {
    InventoryFile file;
    if (kind == InventoryFileKind::hosts) {
      file.hosts = read_named(root, root, "host");
    } else if (kind == InventoryFileKind::groups) {
      file.groups = read_named(root, root, "group");
    } else if (kind == InventoryFileKind::defaults) {
      if (!root.is_null()) file.defaults = read_entry(root, root, "");
    } else {
      read_single(root, file);
    }
    file.warning = warning_;
    return file;
  }

 private:
  // What a file's entry is in messages; the state that spans its keys.
  struct EntryState {
    InventoryEntry& entry;
    std::string owner;         // "host 'r1'", "group 'core'", "the defaults"
    std::string password_key;  // which of password/password_env/password_file
    std::string secret_key;
    std::vector<Setting> passthrough;  // NAPALM optional_args meant for Netmiko
  };

  std::string origin(const util::YamlNode& at) const {
    return display_ + ":" + std::to_string(at.line());
  }

  [[noreturn]] void fail(const util::YamlNode& at, const std::string& message) const {
    throw Error(Failure::usage, origin(at) + ": " + message);
  }

  void note_clear_text(const util::YamlNode& key, const std::string& value, std::string_view what) {
    if (warning_ || value.empty()) return;
    const std::string w(what);
    warning_ = origin(key) + ": clear-text " + w + " (use " + w + "_env: VAR or " + w +
               "_file: PATH so the file holds no secret)";
  }

  // Fails on a key not in `known`; `hint` follows when no known key is near
  // enough to suggest (the reader has refused repeated keys).
  void check_keys(const util::YamlNode& map, NameList known, const std::string& hint) const {
    for (const util::YamlEntry& e : map.entries()) {
      const std::string key = e.key.scalar();
      if (contains(known, key)) continue;
      if (key == "<<") {
        fail(e.key,
             "yaml merge keys (<<) are not supported (write the keys out, or share "
             "them through a group)");
      }
      fail(e.key, unknown_name("key", key, known, hint));
    }
  }

  std::string scalar(const util::YamlNode& key, const util::YamlNode& value,
                     std::string_view what) const {
    if (!value.is_scalar())
      fail(key, std::string(what) + ": expected a single value, not a list or mapping");
    return value.scalar();
  }

  int port(const util::YamlNode& key, const util::YamlNode& value, std::string_view what) const {
    const std::string text = scalar(key, value, what);
    const std::optional<int> number = parse_port(text);
    if (!number) {
      fail(key, std::string(what) + ": expected a number from 1 to 65535 (got '" + text + "')");
    }
    return *number;
  }

  // Reads the hosts (`what` "host", at least one) or the groups ("group").
  std::vector<InventoryEntry> read_named(const util::YamlNode& map, const util::YamlNode& at,
                                         std::string_view what) {
    if (what == "host" && (map.is_null() || (map.is_map() && map.size() == 0))) {
      fail(at, "no hosts (list at least one, e.g. r1: {hostname: 192.0.2.1})");
    }
    if (map.is_null()) return {};
    if (!map.is_map()) {
      fail(at, "expected a mapping of " + std::string(what) +
                   " names to their settings (e.g. r1: {hostname: 192.0.2.1})");
    }
    std::vector<InventoryEntry> entries;
    for (const util::YamlEntry& e : map.entries()) {
      const std::string problem = what == "host" ? host_name_problem(e.key.scalar()) : "";
      if (!problem.empty()) {
        fail(e.key, "host name '" + shown(e.key.scalar()) + "' " + problem +
                        " (use letters, digits, '-', '_' and '.': the name goes into file "
                        "names such as --session-log 'logs/{name}.log')");
      }
      entries.push_back(read_entry(e.value, e.key, std::string(what)));
    }
    return entries;
  }

  void read_single(const util::YamlNode& root, InventoryFile& file) {
    const std::string hint =
        "(a single-file inventory has hosts:, groups: and defaults: sections; a Nornir hosts "
        "file must be named hosts.yaml)";
    if (!root.is_map()) fail(root, "expected a mapping with a hosts: section " + hint);
    check_keys(root, kSections, hint);
    if (!root.find("hosts"))
      fail(root, "no hosts: section (add one, e.g. hosts: {r1: {hostname: 192.0.2.1}})");
    for (const util::YamlEntry& e : root.entries()) {
      const std::string section = e.key.scalar();
      if (section == "hosts") {
        file.hosts = read_named(e.value, e.key, "host");
      } else if (section == "groups") {
        file.groups = read_named(e.value, e.key, "group");
      } else if (!e.value.is_null()) {
        file.defaults = read_entry(e.value, e.key, "");
      }
    }
  }

  // Reads a host or group (`what` "host" or "group") named by `key`, or the
  // defaults (`what` "").
  InventoryEntry read_entry(const util::YamlNode& map, const util::YamlNode& key,
                            const std::string& what) {
    InventoryEntry entry;
    entry.name = what.empty() ? "" : key.scalar();
    entry.origin = origin(key);
    EntryState state{
        entry, what.empty() ? "the defaults" : what + " '" + entry.name + "'", "", "", {}};
    if (map.is_null()) return entry;
    if (!map.is_map()) {
      fail(key, state.owner + " must be a mapping of keys (e.g. hostname: 192.0.2.1)");
    }
    for (const util::YamlEntry& e : map.entries()) {
      if (what.empty() && e.key.scalar() == "groups") {
        fail(e.key, "the defaults cannot name groups (list groups on each host or group)");
      }
    }
    check_keys(map, entry_keys(), "(custom values go under data:)");
    for (const util::YamlEntry& e : map.entries()) read_key(state, e.key, e.value);
    for (Setting& s : state.passthrough) {
      if (std::none_of(entry.netmiko_options.begin(), entry.netmiko_options.end(),
                       [&](const Setting& o) { return o.name == s.name; })) {
        entry.netmiko_options.push_back(std::move(s));
      }
    }
    return entry;
  }

  void read_key(EntryState& s, const util::YamlNode& key, const util::YamlNode& value) {
    const std::string name = key.scalar();
    InventoryEntry& e = s.entry;
    if (value.is_null()) return;  // Nornir reads an empty value as None: not set
    if (name == "hostname") {
      e.hostname = scalar(key, value, name);
    } else if (name == "port") {
      e.port = port(key, value, name);
    } else if (name == "username") {
      e.username = scalar(key, value, name);
    } else if (name == "platform") {
      e.platform = scalar(key, value, name);
    } else if (name == "groups") {
      e.groups = group_list(key, value);
    } else if (name == "data") {
      if (!value.is_map()) fail(key, "data: expected a mapping of names to values");
      e.data = to_json(value);
    } else if (name == "connection_options") {
      read_connections(s, key, value);
    } else if (name == "candidate") {
      const std::string pattern = scalar(key, value, name);
      if (pattern.empty()) fail(key, "candidate: expected a path such as configs/{name}.cfg");
      e.candidate = Setting{name, pattern, origin(key)};
    } else if (name.starts_with("password")) {
      set_secret(s, e.password, s.password_key, key, value);
    } else {
      set_secret(s, e.secret, s.secret_key, key, value);
    }
  }

  // `key` is one of password, password_env, password_file or the same three
  // for secret; `set_by` remembers which one this entry already used.
  void set_secret(EntryState& s, SecretRef& ref, std::string& set_by, const util::YamlNode& key,
                  const util::YamlNode& value) {
    const std::string name = key.scalar();
    const std::string text = scalar(key, value, name);
    if (!set_by.empty()) {
      fail(key, set_by + " and " + name + " are both set for " + s.owner + " (keep one)");
    }
    set_by = name;
    SecretRef::Kind kind = SecretRef::Kind::clear_text;
    if (name.ends_with("_env")) {
      kind = SecretRef::Kind::env;
      if (!is_env_name(text)) {
        fail(key, name + ": '" + text +
                      "' is not an environment variable name (use letters, digits and _)");
      }
    } else if (name.ends_with("_file")) {
      kind = SecretRef::Kind::file;
      if (text.empty())
        fail(key,
             name + ": expected the path of a file holding the " + name.substr(0, name.find('_')));
    } else {
      note_clear_text(key, text, name);
      check_device_value(key, name, text);
    }
    ref = SecretRef{kind, text, origin(key)};
  }

  std::vector<Setting> group_list(const util::YamlNode& key, const util::YamlNode& value) const {
    const std::string fix = "groups: expected a list of group names (e.g. groups: [core])";
    if (!value.is_sequence()) fail(key, fix);
    std::vector<Setting> groups;
    for (const util::YamlNode& item : value.items()) {
      if (!item.is_scalar()) fail(item, fix);
      groups.push_back(Setting{"groups", item.scalar(), origin(item)});
    }
    return groups;
  }

  void read_connections(EntryState& s, const util::YamlNode& key, const util::YamlNode& value) {
    if (!value.is_map()) {
      fail(key, "connection_options: expected a mapping of connection plugins (e.g. netmiko:)");
    }
    for (const util::YamlEntry& e : value.entries()) {
      const std::string plugin = e.key.scalar();
      if (plugin == "netmiko" || plugin == "napalm") {
        read_plugin(s, plugin, e.key, e.value);
        continue;
      }
      // Other plugins (scrapli, netconf, ...) set up connections iosctl never
      // opens, so a Nornir inventory may keep them; a near miss is a typo.
      if (!config::closest_word(plugin, kPlugins).empty()) {
        fail(e.key, unknown_name("connection plugin", plugin, kPlugins, ""));
      }
    }
  }

  void read_plugin(EntryState& s, const std::string& plugin, const util::YamlNode& key,
                   const util::YamlNode& value) {
    if (value.is_null()) return;
    const std::string path = "connection_options." + plugin;
    if (!value.is_map()) fail(key, path + ": expected a mapping (e.g. {port: 22, extras: {}})");
    check_keys(value, connection_keys(),
               "in " + path + " (use hostname, port, username, password, platform or extras)");
    ConnectionOverrides& o = plugin == "netmiko" ? s.entry.netmiko : s.entry.napalm;
    for (const util::YamlEntry& e : value.entries()) {
      const std::string name = e.key.scalar();
      const std::string what = path + "." + name;
      const util::YamlNode& v = e.value;
      if (v.is_null()) continue;
      if (name == "hostname") {
        o.hostname = scalar(e.key, v, what);
      } else if (name == "port") {
        o.port = port(e.key, v, what);
      } else if (name == "username") {
        o.username = scalar(e.key, v, what);
      } else if (name == "platform") {
        o.platform = scalar(e.key, v, what);
      } else if (name == "password") {
        o.password = SecretRef{SecretRef::Kind::clear_text, scalar(e.key, v, what), origin(e.key)};
        note_clear_text(e.key, o.password.value, "password");
      } else if (plugin == "netmiko") {
        read_netmiko_extras(s, e.key, v);
      } else {
        read_napalm_extras(s, e.key, v);
      }
    }
  }

  void read_netmiko_extras(EntryState& s, const util::YamlNode& key, const util::YamlNode& value) {
    const std::string path = "connection_options.netmiko.extras";
    if (!value.is_map()) fail(key, path + ": expected a mapping of Netmiko arguments");
    for (const util::YamlEntry& e : value.entries()) {
      const std::string name = e.key.scalar();
      if (const std::string_view own = netmiko_own_key(name); !own.empty()) {
        fail(e.key, path + "." + name + ": set connection_options.netmiko." + std::string(own) +
                        " instead");
      }
      if (!contains(netmiko_argument_names(), name)) {
        fail(e.key, unknown_name("netmiko option", name, netmiko_argument_names(),
                                 "(see Netmiko's ConnectHandler arguments)"));
      }
      if (!e.value.is_null()) s.entry.netmiko_options.push_back(option(e.key, e.value, path));
    }
  }

  void read_napalm_extras(EntryState& s, const util::YamlNode& key, const util::YamlNode& value) {
    const std::string path = "connection_options.napalm.extras";
    if (!value.is_map()) fail(key, path + ": expected a mapping (e.g. {optional_args: {}})");
    check_keys(value, kNapalmExtras, "in " + path + " (use optional_args or timeout)");
    for (const util::YamlEntry& e : value.entries()) {
      if (e.value.is_null()) continue;
      if (e.key.scalar() == "timeout") {
        s.passthrough.push_back(option(e.key, e.value, path));
      } else {
        read_optional_args(s, e.key, e.value);
      }
    }
  }

  void read_optional_args(EntryState& s, const util::YamlNode& key, const util::YamlNode& value) {
    const std::string path = "connection_options.napalm.extras.optional_args";
    if (!value.is_map()) fail(key, path + ": expected a mapping of NAPALM optional arguments");
    for (const util::YamlEntry& e : value.entries()) {
      const std::string name = e.key.scalar();
      const bool own = contains(napalm_option_names(), name);
      if (!own && !contains(netmiko_argument_names(), name) && name != "port") {
        std::vector<std::string_view> known(napalm_option_names().begin(),
                                            napalm_option_names().end());
        known.insert(known.end(), netmiko_argument_names().begin(), netmiko_argument_names().end());
        fail(e.key, unknown_name("napalm optional_args name", name, known,
                                 "(use NAPALM's ios optional_args or Netmiko's arguments)"));
      }
      if (e.value.is_null()) continue;
      (own ? s.entry.napalm_options : s.passthrough).push_back(option(e.key, e.value, path));
    }
  }

  // One extras or optional_args value, kept as written; a secret is noted.
  Setting option(const util::YamlNode& key, const util::YamlNode& value, const std::string& path) {
    const std::string name = key.scalar();
    const std::string text = scalar(key, value, path + "." + name);
    if (name == "secret") note_clear_text(key, text, "secret");
    check_device_value(key, name, text);
    return Setting{name, text, origin(key)};
  }

  // Values that go into device commands are checked here, before any host
  // is contacted, with the rules of ios/device_args.h; the error names the
  // line ("inv/hosts.yaml:7: dest_file_system 'x': a file system is ...").
  void check_device_value(const util::YamlNode& key, const std::string& name,
                          const std::string& text) const {
    const std::string what = origin(key) + ": " + name;
    if (name == "dest_file_system") {
      (void)ios::FileSystem(text, what);
    } else if (name == "candidate_cfg" || name == "rollback_cfg" || name == "merge_cfg") {
      (void)ios::FileName(text, what);
    } else if (name == "secret") {
      ios::check_secret(text, what);
    }
  }

  std::string display_;
  std::optional<std::string> warning_;
};

}  // namespace

InventoryFile parse_inventory_file(std::string_view text, const std::string& display_path,
                                   InventoryFileKind kind) {
  util::YamlNode root;
  try {
    root = util::parse_yaml(text, display_path, reader_options(kind));
  } catch (const util::YamlError& e) {
    const bool syntax = e.kind() == util::YamlError::Kind::syntax;
    throw Error(Failure::usage,
                e.what() + std::string(syntax ? " (check the indentation and quoting there)" : ""));
  }
  return Reader(display_path).read(root, kind);
}

}  // namespace iosctl::fleet
