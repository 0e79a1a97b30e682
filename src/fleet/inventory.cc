#include "iosctl/fleet/inventory.h"

#include "iosctl/config/text.h"
#include "iosctl/error.h"
#include "iosctl/fleet/inventory_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace iosctl::fleet {
namespace {

namespace fs = std::filesystem;

using Levels = std::vector<const InventoryEntry*>;

// Parents of parents: Nornir inventories nest a few levels (site, role,
// platform); a longer chain is a generated or hostile file.
constexpr int kMaxGroupDepth = 64;

// Returns the number of values in `data`, nested ones included.
std::size_t data_values(const nlohmann::json& data) {
  std::size_t count = 0;
  std::vector<const nlohmann::json*> todo{&data};
  while (!todo.empty()) {
    const nlohmann::json* next = todo.back();
    todo.pop_back();
    ++count;
    if (next->is_structured()) {
      for (const nlohmann::json& item : *next) todo.push_back(&item);
    }
  }
  return count - 1;  // not `data` itself
}

// Where the files of one inventory are, as the user's -i path names them.
struct Files {
  std::string hosts;
  std::optional<std::string> groups;
  std::optional<std::string> defaults;
  bool single = false;
  std::string groups_place;  // where an undefined group should be defined
};

bool is_file(const fs::path& path) {
  std::error_code ignored;
  return fs::is_regular_file(path, ignored);
}

// Nornir's SimpleInventory default names are hosts.yaml, groups.yaml and
// defaults.yaml; .yml is accepted as well.
std::optional<std::string> find_file(const fs::path& dir, const std::string& stem) {
  for (const char* extension : {".yaml", ".yml"}) {
    const fs::path path = dir / (stem + extension);
    if (is_file(path)) return path.string();
  }
  return std::nullopt;
}

Files nornir_files(const fs::path& dir, std::string hosts) {
  Files files{std::move(hosts), find_file(dir, "groups"), find_file(dir, "defaults"), false, ""};
  files.groups_place = "in " + files.groups.value_or((dir / "groups.yaml").string());
  return files;
}

Files locate(const std::string& path) {
  std::error_code ignored;
  const fs::file_status status = fs::status(path, ignored);
  if (!fs::exists(status)) {
    throw Error(Failure::usage, "inventory " + path +
                                    ": no such file (fix: give -i a directory holding "
                                    "hosts.yaml, or an inventory file)");
  }
  if (fs::is_directory(status)) {
    const std::optional<std::string> hosts = find_file(path, "hosts");
    if (!hosts) {
      throw Error(Failure::usage, "inventory " + (fs::path(path) / "hosts.yaml").string() +
                                      ": no such file (fix: write the hosts there, or give -i "
                                      "the inventory file)");
    }
    return nornir_files(path, *hosts);
  }
  const std::string name = fs::path(path).filename().string();
  if (name == "hosts.yaml" || name == "hosts.yml") {
    return nornir_files(fs::path(path).parent_path(), path);
  }
  return Files{path, std::nullopt, std::nullopt, true, "under groups: in " + path};
}

InventoryFile read_file(const std::string& path, InventoryFileKind kind) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    throw Error(Failure::usage,
                "inventory " + path + ": cannot read it (fix: check the file's permissions)");
  }
  return parse_inventory_file(text.str(), path, kind);
}

// Each setting name once, the nearest level's first.
void merge_settings(std::vector<Setting>& into, const std::vector<Setting>& from) {
  for (const Setting& setting : from) {
    if (std::none_of(into.begin(), into.end(),
                     [&](const Setting& s) { return s.name == setting.name; })) {
      into.push_back(setting);
    }
  }
}

// Returns the first value `get` finds, nearest level first.
template <typename Get>
auto nearest(const Levels& levels, Get get) {
  for (const InventoryEntry* level : levels) {
    if (get(*level)) return get(*level);
  }
  return decltype(get(*levels.front())){};
}

SecretRef nearest_secret(const Levels& levels, SecretRef (*get)(const InventoryEntry&)) {
  for (const InventoryEntry* level : levels) {
    if (get(*level).kind != SecretRef::Kind::none) return get(*level);
  }
  return {};
}

// Nornir's get_connection_parameters() takes connection_options.<plugin>.X
// from any level before the host's own X (nornir/core/inventory.py), so a
// connection value overrides the resolved attribute. iosctl opens one SSH
// session for both roles, so netmiko's value wins over napalm's.
void apply_overrides(Host& host, const Levels& levels) {
  for (ConnectionOverrides InventoryEntry::*plugin :
       {&InventoryEntry::napalm, &InventoryEntry::netmiko}) {
    auto of = [plugin](const InventoryEntry& l) -> const ConnectionOverrides& { return l.*plugin; };
    if (auto v = nearest(levels, [&](const auto& l) { return of(l).hostname; })) host.hostname = v;
    if (auto v = nearest(levels, [&](const auto& l) { return of(l).port; })) host.port = v;
    if (auto v = nearest(levels, [&](const auto& l) { return of(l).username; })) host.username = v;
    if (auto v = nearest(levels, [&](const auto& l) { return of(l).platform; })) host.platform = v;
    for (const InventoryEntry* level : levels) {
      if (of(*level).password.kind == SecretRef::Kind::none) continue;
      host.password = of(*level).password;
      break;
    }
  }
}

// Checks the group references of one inventory and resolves its hosts.
class Resolver {
 public:
  Resolver(const InventoryFile& file, std::string groups_place, const InventoryLimits& limits)
      : file_(file), groups_place_(std::move(groups_place)), limits_(limits) {
    for (const InventoryEntry& group : file_.groups) by_name_.emplace(group.name, &group);
    for (const InventoryEntry& group : file_.groups) data_values_[&group] = data_values(group.data);
    if (file_.defaults) data_values_[&*file_.defaults] = data_values(file_.defaults->data);
  }

  Inventory resolve() const {
    for (const InventoryEntry& group : file_.groups) check_refs(group, "group");
    for (const InventoryEntry& host : file_.hosts) check_refs(host, "host");
    check_chains();
    Inventory inventory;
    for (const InventoryEntry& host : file_.hosts) inventory.hosts.push_back(resolve(host));
    for (const InventoryEntry& group : file_.groups) inventory.groups.push_back(group.name);
    return inventory;
  }

 private:
  void check_refs(const InventoryEntry& entry, const std::string& what) const {
    for (const Setting& ref : entry.groups) {
      if (by_name_.contains(ref.value)) continue;
      std::vector<std::string_view> known;
      for (const InventoryEntry& group : file_.groups) known.push_back(group.name);
      const std::string near = config::closest_word(ref.value, known);
      throw Error(Failure::usage, ref.origin + ": " + what + " '" + entry.name +
                                      "' names undefined group '" + ref.value + "' " +
                                      (near.empty() ? "(define it " + groups_place_ + ")"
                                                    : "(did you mean '" + near + "'?)"));
    }
  }

  // Fails on a parent chain leading back to itself or longer than
  // kMaxGroupDepth, walking with an explicit stack: a 50,000-deep chain
  // must not recurse. `height` is 1 + the tallest parent's, once known.
  void check_chains() const {
    struct Step {
      const InventoryEntry* group;
      std::size_t next;  // the parent reference to look at next
    };
    std::unordered_map<const InventoryEntry*, int> height;  // 0 while on the path
    for (const InventoryEntry& start : file_.groups) {
      if (height.contains(&start)) continue;
      std::vector<Step> path{{&start, 0}};
      height[&start] = 0;
      while (!path.empty()) {
        Step& top = path.back();
        if (top.next == top.group->groups.size()) {
          finish(top.group, height);
          path.pop_back();
          continue;
        }
        const Setting& ref = top.group->groups[top.next++];
        const InventoryEntry* parent = by_name_.at(ref.value);
        const auto known = height.find(parent);
        if (known != height.end() && known->second > 0) continue;
        if (known != height.end()) fail_cycle(path, ref);
        height[parent] = 0;
        path.push_back({parent, 0});
      }
    }
  }

  // Records the height of `group`, whose parents are all done.
  void finish(const InventoryEntry* group,
              std::unordered_map<const InventoryEntry*, int>& height) const {
    int tallest = 0;
    for (const Setting& ref : group->groups) {
      tallest = std::max(tallest, height.at(by_name_.at(ref.value)));
    }
    if (tallest + 1 > kMaxGroupDepth) {
      throw Error(Failure::usage,
                  group->origin + ": group '" + group->name + "' has parent groups nested more " +
                      "than " + std::to_string(kMaxGroupDepth) +
                      " levels deep (flatten the chain of groups: parents of parents)");
    }
    height[group] = tallest + 1;
  }

  template <typename Step>
  [[noreturn]] void fail_cycle(const std::vector<Step>& path, const Setting& ref) const {
    std::string cycle;
    bool in_cycle = false;
    for (const Step& step : path) {
      in_cycle = in_cycle || step.group->name == ref.value;
      if (in_cycle) cycle += step.group->name + " -> ";
    }
    throw Error(Failure::usage, ref.origin + ": groups form a cycle: " + cycle + ref.value +
                                    " (remove one of these parent groups)");
  }

  // Nornir's order: each group of the entry in turn, then that group's own
  // parents depth-first, each group once (an explicit stack, no recursion).
  void add_groups(const InventoryEntry& entry, Levels& levels) const {
    struct Step {
      const InventoryEntry* entry;
      std::size_t next;
    };
    std::unordered_set<const InventoryEntry*> seen{&entry};
    std::vector<Step> stack{{&entry, 0}};
    while (!stack.empty()) {
      Step& top = stack.back();
      if (top.next == top.entry->groups.size()) {
        stack.pop_back();
        continue;
      }
      const InventoryEntry* group = by_name_.at(top.entry->groups[top.next++].value);
      if (!seen.insert(group).second) continue;
      charge(1, entry);
      levels.push_back(group);
      stack.push_back({group, 0});
    }
  }

  Host resolve(const InventoryEntry& entry) const {
    Levels levels{&entry};
    add_groups(entry, levels);
    Host host;
    host.name = entry.name;
    host.origin = entry.origin;
    for (std::size_t i = 1; i < levels.size(); ++i) host.groups.push_back(levels[i]->name);
    if (file_.defaults) levels.push_back(&*file_.defaults);
    host.hostname = nearest(levels, [](const InventoryEntry& l) { return l.hostname; });
    host.port = nearest(levels, [](const InventoryEntry& l) { return l.port; });
    host.username = nearest(levels, [](const InventoryEntry& l) { return l.username; });
    host.platform = nearest(levels, [](const InventoryEntry& l) { return l.platform; });
    host.candidate = nearest(levels, [](const InventoryEntry& l) { return l.candidate; });
    host.password = nearest_secret(levels, [](const InventoryEntry& l) { return l.password; });
    host.secret = nearest_secret(levels, [](const InventoryEntry& l) { return l.secret; });
    for (const InventoryEntry* level : levels) {
      if (level != &entry) charge(data_values_.at(level), entry);
      for (const auto& [key, value] : level->data.items()) {
        if (!host.data.contains(key)) host.data[key] = value;
      }
      merge_settings(host.netmiko_options, level->netmiko_options);
      merge_settings(host.napalm_options, level->napalm_options);
    }
    apply_overrides(host, levels);
    return host;
  }

  void charge(std::size_t values, const InventoryEntry& host) const {
    inherited_ += values;
    if (inherited_ <= limits_.max_inherited) return;
    throw Error(Failure::usage,
                host.origin + ": the hosts inherit more than " +
                    std::to_string(limits_.max_inherited) +
                    " groups and data values in all (share fewer or smaller groups among many "
                    "hosts)");
  }

  const InventoryFile& file_;
  std::string groups_place_;
  const InventoryLimits& limits_;
  std::map<std::string, const InventoryEntry*> by_name_;
  std::unordered_map<const InventoryEntry*, std::size_t> data_values_;  // groups, defaults
  mutable std::size_t inherited_ = 0;  // charge(): what all hosts so far inherit
};

std::string placeholder_value(const std::string& pattern, const std::string& key,
                              const Host& host) {
  if (key == "name") return host.name;
  if (key == "hostname") return host.hostname.value_or(host.name);
  if (key == "platform" && host.platform) return *host.platform;
  const auto found = host.data.find(key);
  if (found != host.data.end() && found->is_string()) return found->get<std::string>();
  if (found != host.data.end() && (found->is_number() || found->is_boolean())) {
    return found->dump();
  }
  const std::string head = "candidate template '" + pattern + "': ";
  if (key == "platform") {
    throw Error(Failure::usage, head + "host '" + host.name +
                                    "' has no platform for {platform} (set platform: ios)");
  }
  if (found != host.data.end()) {
    throw Error(Failure::usage, head + "data key {" + key + "} of host '" + host.name +
                                    "' is not a single value (use a scalar data key)");
  }
  throw Error(Failure::usage, head + "unknown placeholder {" + key +
                                  "} (use {name}, {hostname}, {platform} or a data key)");
}

}  // namespace

Inventory load_inventory(const std::string& path, const InventoryLimits& limits) {
  const Files files = locate(path);
  InventoryFile all =
      read_file(files.hosts, files.single ? InventoryFileKind::single : InventoryFileKind::hosts);
  std::vector<std::string> warnings;
  if (all.warning) warnings.push_back(*all.warning);
  if (files.groups) {
    InventoryFile groups = read_file(*files.groups, InventoryFileKind::groups);
    all.groups = std::move(groups.groups);
    if (groups.warning) warnings.push_back(*groups.warning);
  }
  if (files.defaults) {
    InventoryFile defaults = read_file(*files.defaults, InventoryFileKind::defaults);
    all.defaults = std::move(defaults.defaults);
    if (defaults.warning) warnings.push_back(*defaults.warning);
  }
  Inventory inventory = Resolver(all, files.groups_place, limits).resolve();
  inventory.warnings = std::move(warnings);
  return inventory;
}

std::string expand_host_template(const std::string& pattern, const Host& host) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    const std::size_t close = pattern.find('}', i + 1);
    if (close == std::string::npos) {
      throw Error(Failure::usage, "candidate template '" + pattern +
                                      "': { without } (write placeholders as {name})");
    }
    out += placeholder_value(pattern, pattern.substr(i + 1, close - i - 1), host);
    i = close + 1;
  }
  return out;
}

}  // namespace iosctl::fleet
