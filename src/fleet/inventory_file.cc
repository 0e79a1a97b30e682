#include "iosctl/fleet/inventory_file.h"

#include "iosctl/config/text.h"
#include "iosctl/error.h"
#include "iosctl/fleet/inventory_schema.h"
#include "iosctl/ios/device_args.h"

#include <yaml-cpp/yaml.h>

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

int line_of(const YAML::Node& node) { return node.Mark().is_null() ? 1 : node.Mark().line + 1; }

nlohmann::json to_json(const YAML::Node& node) {
  // yaml-cpp tags a plain scalar "?" and a quoted one "!": quoted text stays text.
  if (node.IsScalar()) {
    return node.Tag() == "?" ? plain_scalar_value(node.Scalar()) : nlohmann::json(node.Scalar());
  }
  if (node.IsSequence()) {
    nlohmann::json list = nlohmann::json::array();
    for (const YAML::Node& item : node) list.push_back(to_json(item));
    return list;
  }
  if (!node.IsMap()) return nullptr;
  nlohmann::json map = nlohmann::json::object();
  for (auto it = node.begin(); it != node.end(); ++it)
    map[it->first.Scalar()] = to_json(it->second);
  return map;
}

// Reads one file, remembering its name so that every message names a line.
class Reader {
 public:
  explicit Reader(const std::string& display) : display_(display) {}

  InventoryFile read(const YAML::Node& root, InventoryFileKind kind) {
    InventoryFile file;
    if (kind == InventoryFileKind::hosts) {
      file.hosts = read_named(root, root, "host");
    } else if (kind == InventoryFileKind::groups) {
      file.groups = read_named(root, root, "group");
    } else if (kind == InventoryFileKind::defaults) {
      if (!root.IsNull()) file.defaults = read_entry(root, root, "");
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

  std::string origin(const YAML::Node& at) const {
    return display_ + ":" + std::to_string(line_of(at));
  }

  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
    throw Error(Failure::usage, origin(at) + ": " + message);
  }

  void note_clear_text(const YAML::Node& key, const std::string& value, std::string_view what) {
    if (warning_ || value.empty()) return;
    const std::string w(what);
    warning_ = origin(key) + ": clear-text " + w + " (use " + w + "_env: VAR or " + w +
               "_file: PATH so the file holds no secret)";
  }

  // yaml-cpp 0.7 keeps both entries of a repeated key, so we look ourselves.
  // `label` names what the keys are ("host"), or "" for plain keys.
  void check_unique(const YAML::Node& map, std::string_view label) const {
    std::map<std::string, int> first_line;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) fail(it->first, "a key must be a single value");
      const auto [at, fresh] = first_line.emplace(it->first.Scalar(), line_of(it->first));
      if (fresh) continue;
      const std::string first = std::to_string(at->second);
      if (label.empty()) {
        fail(it->first,
             "duplicate key '" + at->first + "' (first on line " + first + "; keep one)");
      }
      fail(it->first, std::string(label) + " '" + at->first + "' is defined twice (first on line " +
                          first + "; rename or merge them)");
    }
  }

  // Fails on a repeated key or one not in `known`; `hint` follows when no
  // known key is near enough to suggest.
  void check_keys(const YAML::Node& map, NameList known, const std::string& hint) const {
    check_unique(map, "");
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string key = it->first.Scalar();
      if (contains(known, key)) continue;
      if (key == "<<") {
        fail(it->first,
             "yaml merge keys (<<) are not supported (write the keys out, or share "
             "them through a group)");
      }
      fail(it->first, unknown_name("key", key, known, hint));
    }
  }

  std::string scalar(const YAML::Node& key, const YAML::Node& value, std::string_view what) const {
    if (!value.IsScalar())
      fail(key, std::string(what) + ": expected a single value, not a list or mapping");
    return value.Scalar();
  }

  int port(const YAML::Node& key, const YAML::Node& value, std::string_view what) const {
    const std::string text = scalar(key, value, what);
    const std::optional<int> number = parse_port(text);
    if (!number) {
      fail(key, std::string(what) + ": expected a number from 1 to 65535 (got '" + text + "')");
    }
    return *number;
  }

  // Reads the hosts (`what` "host", at least one) or the groups ("group").
  std::vector<InventoryEntry> read_named(const YAML::Node& map, const YAML::Node& at,
                                         std::string_view what) {
    if (what == "host" && (map.IsNull() || (map.IsMap() && map.size() == 0))) {
      fail(at, "no hosts (list at least one, e.g. r1: {hostname: 192.0.2.1})");
    }
    if (map.IsNull()) return {};
    if (!map.IsMap()) {
      fail(at, "expected a mapping of " + std::string(what) +
                   " names to their settings (e.g. r1: {hostname: 192.0.2.1})");
    }
    check_unique(map, what);
    std::vector<InventoryEntry> entries;
    for (auto it = map.begin(); it != map.end(); ++it) {
      entries.push_back(read_entry(it->second, it->first, std::string(what)));
    }
    return entries;
  }

  void read_single(const YAML::Node& root, InventoryFile& file) {
    const std::string hint =
        "(a single-file inventory has hosts:, groups: and defaults: sections; a Nornir hosts "
        "file must be named hosts.yaml)";
    if (!root.IsMap()) fail(root, "expected a mapping with a hosts: section " + hint);
    check_keys(root, kSections, hint);
    if (!root["hosts"])
      fail(root, "no hosts: section (add one, e.g. hosts: {r1: {hostname: 192.0.2.1}})");
    for (auto it = root.begin(); it != root.end(); ++it) {
      const std::string section = it->first.Scalar();
      if (section == "hosts") {
        file.hosts = read_named(it->second, it->first, "host");
      } else if (section == "groups") {
        file.groups = read_named(it->second, it->first, "group");
      } else if (!it->second.IsNull()) {
        file.defaults = read_entry(it->second, it->first, "");
      }
    }
  }

  // Reads a host or group (`what` "host" or "group") named by `key`, or the
  // defaults (`what` "").
  InventoryEntry read_entry(const YAML::Node& map, const YAML::Node& key, const std::string& what) {
    InventoryEntry entry;
    entry.name = what.empty() ? "" : key.Scalar();
    entry.origin = origin(key);
    EntryState state{
        entry, what.empty() ? "the defaults" : what + " '" + entry.name + "'", "", "", {}};
    if (map.IsNull()) return entry;
    if (!map.IsMap()) {
      fail(key, state.owner + " must be a mapping of keys (e.g. hostname: 192.0.2.1)");
    }
    for (auto it = map.begin(); what.empty() && it != map.end(); ++it) {
      if (it->first.Scalar() == "groups") {
        fail(it->first, "the defaults cannot name groups (list groups on each host or group)");
      }
    }
    check_keys(map, entry_keys(), "(custom values go under data:)");
    for (auto it = map.begin(); it != map.end(); ++it) read_key(state, it->first, it->second);
    for (Setting& s : state.passthrough) {
      if (std::none_of(entry.netmiko_options.begin(), entry.netmiko_options.end(),
                       [&](const Setting& o) { return o.name == s.name; })) {
        entry.netmiko_options.push_back(std::move(s));
      }
    }
    return entry;
  }

  void read_key(EntryState& s, const YAML::Node& key, const YAML::Node& value) {
    const std::string name = key.Scalar();
    InventoryEntry& e = s.entry;
    if (value.IsNull()) return;  // Nornir reads an empty value as None: not set
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
      if (!value.IsMap()) fail(key, "data: expected a mapping of names to values");
      check_unique(value, "");
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
  void set_secret(EntryState& s, SecretRef& ref, std::string& set_by, const YAML::Node& key,
                  const YAML::Node& value) {
    const std::string name = key.Scalar();
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

  std::vector<Setting> group_list(const YAML::Node& key, const YAML::Node& value) const {
    const std::string fix = "groups: expected a list of group names (e.g. groups: [core])";
    if (!value.IsSequence()) fail(key, fix);
    std::vector<Setting> groups;
    for (const YAML::Node& item : value) {
      if (!item.IsScalar()) fail(item, fix);
      groups.push_back(Setting{"groups", item.Scalar(), origin(item)});
    }
    return groups;
  }

  void read_connections(EntryState& s, const YAML::Node& key, const YAML::Node& value) {
    if (!value.IsMap()) {
      fail(key, "connection_options: expected a mapping of connection plugins (e.g. netmiko:)");
    }
    check_unique(value, "");
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string plugin = it->first.Scalar();
      if (plugin == "netmiko" || plugin == "napalm") {
        read_plugin(s, plugin, it->first, it->second);
        continue;
      }
      // Other plugins (scrapli, netconf, ...) set up connections iosctl never
      // opens, so a Nornir inventory may keep them; a near miss is a typo.
      if (!config::closest_word(plugin, kPlugins).empty()) {
        fail(it->first, unknown_name("connection plugin", plugin, kPlugins, ""));
      }
    }
  }

  void read_plugin(EntryState& s, const std::string& plugin, const YAML::Node& key,
                   const YAML::Node& value) {
    if (value.IsNull()) return;
    const std::string path = "connection_options." + plugin;
    if (!value.IsMap()) fail(key, path + ": expected a mapping (e.g. {port: 22, extras: {}})");
    check_keys(value, connection_keys(),
               "in " + path + " (use hostname, port, username, password, platform or extras)");
    ConnectionOverrides& o = plugin == "netmiko" ? s.entry.netmiko : s.entry.napalm;
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string name = it->first.Scalar();
      const std::string what = path + "." + name;
      const YAML::Node v = it->second;  // a copy: it-> yields a temporary
      if (v.IsNull()) continue;
      if (name == "hostname") {
        o.hostname = scalar(it->first, v, what);
      } else if (name == "port") {
        o.port = port(it->first, v, what);
      } else if (name == "username") {
        o.username = scalar(it->first, v, what);
      } else if (name == "platform") {
        o.platform = scalar(it->first, v, what);
      } else if (name == "password") {
        o.password =
            SecretRef{SecretRef::Kind::clear_text, scalar(it->first, v, what), origin(it->first)};
        note_clear_text(it->first, o.password.value, "password");
      } else if (plugin == "netmiko") {
        read_netmiko_extras(s, it->first, v);
      } else {
        read_napalm_extras(s, it->first, v);
      }
    }
  }

  void read_netmiko_extras(EntryState& s, const YAML::Node& key, const YAML::Node& value) {
    const std::string path = "connection_options.netmiko.extras";
    if (!value.IsMap()) fail(key, path + ": expected a mapping of Netmiko arguments");
    check_unique(value, "");
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string name = it->first.Scalar();
      if (const std::string_view own = netmiko_own_key(name); !own.empty()) {
        fail(it->first, path + "." + name + ": set connection_options.netmiko." + std::string(own) +
                            " instead");
      }
      if (!contains(netmiko_argument_names(), name)) {
        fail(it->first, unknown_name("netmiko option", name, netmiko_argument_names(),
                                     "(see Netmiko's ConnectHandler arguments)"));
      }
      if (!it->second.IsNull())
        s.entry.netmiko_options.push_back(option(it->first, it->second, path));
    }
  }

  void read_napalm_extras(EntryState& s, const YAML::Node& key, const YAML::Node& value) {
    const std::string path = "connection_options.napalm.extras";
    if (!value.IsMap()) fail(key, path + ": expected a mapping (e.g. {optional_args: {}})");
    check_keys(value, kNapalmExtras, "in " + path + " (use optional_args or timeout)");
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it->second.IsNull()) continue;
      if (it->first.Scalar() == "timeout") {
        s.passthrough.push_back(option(it->first, it->second, path));
      } else {
        read_optional_args(s, it->first, it->second);
      }
    }
  }

  void read_optional_args(EntryState& s, const YAML::Node& key, const YAML::Node& value) {
    const std::string path = "connection_options.napalm.extras.optional_args";
    if (!value.IsMap()) fail(key, path + ": expected a mapping of NAPALM optional arguments");
    check_unique(value, "");
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string name = it->first.Scalar();
      const bool own = contains(napalm_option_names(), name);
      if (!own && !contains(netmiko_argument_names(), name) && name != "port") {
        std::vector<std::string_view> known(napalm_option_names().begin(),
                                            napalm_option_names().end());
        known.insert(known.end(), netmiko_argument_names().begin(), netmiko_argument_names().end());
        fail(it->first, unknown_name("napalm optional_args name", name, known,
                                     "(use NAPALM's ios optional_args or Netmiko's arguments)"));
      }
      if (it->second.IsNull()) continue;
      (own ? s.entry.napalm_options : s.passthrough).push_back(option(it->first, it->second, path));
    }
  }

  // One extras or optional_args value, kept as written; a secret is noted.
  Setting option(const YAML::Node& key, const YAML::Node& value, const std::string& path) {
    const std::string name = key.Scalar();
    const std::string text = scalar(key, value, path + "." + name);
    if (name == "secret") note_clear_text(key, text, "secret");
    check_device_value(key, name, text);
    return Setting{name, text, origin(key)};
  }

  // Values that go into device commands are checked here, before any host
  // is contacted, with the rules of ios/device_args.h; the error names the
  // line ("inv/hosts.yaml:7: dest_file_system 'x': a file system is ...").
  void check_device_value(const YAML::Node& key, const std::string& name,
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
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw Error(Failure::usage, display_path + ":" + std::to_string(e.mark.line + 1) +
                                    ": not valid YAML: " + e.msg +
                                    " (check the indentation and quoting there)");
  }
  return Reader(display_path).read(root, kind);
}

}  // namespace iosctl::fleet
