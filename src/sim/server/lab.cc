#include "iosctl/sim/lab.h"

#include "iosctl/config/text.h"
#include "iosctl/error.h"
#include "iosctl/util/parse_bool.h"
#include "iosctl/util/yaml_reader.h"

#include <libssh/libssh.h>

#include <algorithm>
#include <arpa/inet.h>
#include <charconv>
#include <fstream>
#include <memory>
#include <set>
#include <span>
#include <sstream>

namespace iosctl::sim {
namespace {

using Node = util::YamlNode;

constexpr std::string_view kTopKeys[] = {"devices", "time_scale"};
// Above this a one-minute revert timer would fire within a few milliseconds.
constexpr double kMaxTimeScale = 3600;
constexpr std::string_view kDeviceKeys[] = {
    "name",           "listen", "hostname", "users",      "enable_secret", "running_config",
    "startup_config", "flash",  "platform", "latency_ms", "faults"};
constexpr std::string_view kUserKeys[] = {"username", "password", "public_key", "privilege"};
constexpr std::string_view kFlashKeys[] = {"name", "size"};
constexpr std::string_view kFaultKeys[] = {
    "slow_output_bps", "drop_scp_after_bytes", "drop_during_replace",    "reject_line",
    "flash_full",      "refuse_auth",          "legacy_algorithms_only", "login_banner"};

std::optional<std::string> read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool valid_device_name(std::string_view name) {
  return !name.empty() &&
         std::all_of(name.begin(), name.end(),
                     [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                              c == '.';
                     }) &&
         name != "." && name != "..";
}

// Reads one lab file, remembering where it is so every error can name a line.
class LabReader {
 public:
  explicit LabReader(std::filesystem::path path)
      : path_(std::move(path)), base_(path_.parent_path()) {}

  Lab read(const Node& root) {
    if (!root.is_map()) fail(root, "a lab file is a map with a 'devices' list");
    check_keys(root, kTopKeys);
    const Node* devices = root.find("devices");
    if (!devices || !devices->is_sequence() || devices->size() == 0) {
      fail(devices ? *devices : root, "'devices' must be a non-empty list of devices");
    }
    Lab lab;
    std::set<std::string> names;
    std::set<std::pair<std::string, std::uint16_t>> listens;
    for (const Node& entry : devices->items()) {
      LabDevice device = read_device(entry);
      if (!names.insert(device.setup.name).second) {
        fail(at(entry, "name"), "device name '" + device.setup.name + "' is used twice");
      }
      if (!listens.emplace(device.listen.address, device.listen.port).second) {
        fail(at(entry, "listen"), "listen address of device '" + device.setup.name +
                                      "' is already used by another device");
      }
      lab.devices.push_back(std::move(device));
    }
    if (root.find("time_scale")) {
      const std::string value = text(root, "time_scale", true);
      const std::optional<double> scale = parse_time_scale(value);
      if (!scale) fail(at(root, "time_scale"), "'time_scale' " + std::string(kTimeScaleHint));
      for (LabDevice& device : lab.devices) device.setup.time_scale = *scale;
    }
    return lab;
  }

 private:
  [[noreturn]] void fail(const Node& at, const std::string& message) const {
    throw Error(Failure::usage, path_.string() + ":" + std::to_string(at.line()) + ": " + message);
  }

  // The value of `key` in `map` (which the caller knows is there), else `map`.
  static const Node& at(const Node& map, std::string_view key) {
    const Node* value = map.find(key);
    return value ? *value : map;
  }

  void check_keys(const Node& map, std::span<const std::string_view> known) const {
    for (const util::YamlEntry& e : map.entries()) {
      const std::string& key = e.key.scalar();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      const std::string near = config::closest_word(key, known);
      if (!near.empty()) fail(e.key, "unknown key '" + key + "' (did you mean '" + near + "'?)");
      std::string all;
      for (std::string_view k : known) all += (all.empty() ? "" : ", ") + std::string(k);
      fail(e.key, "unknown key '" + key + "' (expected one of: " + all + ")");
    }
  }

  void require_map(const Node& node, const std::string& what) const {
    if (!node.is_map()) fail(node, what + " must be a map of keys");
  }

  std::string text(const Node& map, const char* key, bool required) const {
    const Node* node = map.find(key);
    if (!node) {
      if (required) fail(map, std::string("missing key '") + key + "'");
      return "";
    }
    if (!node->is_scalar()) fail(*node, std::string("'") + key + "' must be a single value");
    return node->scalar();
  }

  std::uint64_t number(const Node& map, const char* key, std::uint64_t low,
                       std::uint64_t high) const {
    const std::string value = text(map, key, true);
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n < low || n > high) {
      fail(at(map, key), std::string("'") + key + "' must be a whole number from " +
                             std::to_string(low) + " to " + std::to_string(high) + ", not '" +
                             value + "'");
    }
    return n;
  }

  bool flag(const Node& map, const char* key) const {
    const Node& node = at(map, key);
    const std::optional<bool> value =
        node.is_scalar() ? util::parse_bool(node.scalar()) : std::nullopt;
    if (!value) fail(node, std::string("'") + key + "' must be true or false (or yes/no, on/off)");
    return *value;
  }

  std::string file_text(const Node& map, const char* key) const {
    const std::string relative = text(map, key, true);
    const std::filesystem::path path = base_ / relative;
    std::optional<std::string> bytes = read_whole_file(path);
    if (!bytes)
      fail(at(map, key), std::string("cannot read ") + key + " file '" + path.string() + "'");
    return *bytes;
  }

  LabDevice read_device(const Node& entry) const {
    require_map(entry, "a device");
    check_keys(entry, kDeviceKeys);
    LabDevice device;
    DeviceSetup& setup = device.setup;
    setup.name = text(entry, "name", true);
    if (!valid_device_name(setup.name)) {
      fail(at(entry, "name"),
           "device name '" + setup.name + "' may only hold letters, digits, '-', '_' and '.'");
    }
    const std::string listen = text(entry, "listen", true);
    const std::optional<ListenAddress> address = parse_listen(listen);
    if (!address) {
      fail(at(entry, "listen"), "listen '" + listen +
                                    "' is not a loopback address:port (use 127.x.y.z:PORT, e.g. "
                                    "127.0.0.1:2222)");
    }
    device.listen = *address;
    setup.hostname = text(entry, "hostname", false);
    setup.enable_secret = text(entry, "enable_secret", false);
    read_platform(entry, setup);
    setup.running_config = file_text(entry, "running_config");
    setup.startup_config =
        entry.find("startup_config") ? file_text(entry, "startup_config") : setup.running_config;
    if (entry.find("flash")) read_flash(at(entry, "flash"), setup);
    if (entry.find("latency_ms"))
      device.latency_ms = static_cast<int>(number(entry, "latency_ms", 0, 600000));
    if (entry.find("faults")) device.faults = read_faults(at(entry, "faults"));
    device.users = read_users(entry);
    return device;
  }

  void read_platform(const Node& entry, DeviceSetup& setup) const {
    const std::string platform = entry.find("platform") ? text(entry, "platform", true) : "iosxe";
    if (platform != "ios" && platform != "iosxe") {
      fail(at(entry, "platform"), "platform '" + platform + "' is not one of: ios, iosxe");
    }
    setup.platform = platform == "ios" ? Platform::ios : Platform::iosxe;
    // Classic IOS routers keep files on flash:, IOS-XE routers on bootflash:.
    setup.flash_name = platform == "ios" ? "flash" : "bootflash";
  }

  void read_flash(const Node& flash, DeviceSetup& setup) const {
    require_map(flash, "'flash'");
    check_keys(flash, kFlashKeys);
    if (flash.find("name")) {
      setup.flash_name = text(flash, "name", true);
      if (setup.flash_name != "flash" && setup.flash_name != "bootflash") {
        fail(at(flash, "name"),
             "flash name '" + setup.flash_name + "' is not one of: flash, bootflash");
      }
    }
    if (flash.find("size")) setup.flash_size = number(flash, "size", 1, 1ull << 46);
  }

  std::vector<LabUser> read_users(const Node& entry) const {
    const Node* users = entry.find("users");
    if (!users || !users->is_sequence() || users->size() == 0) {
      fail(users ? *users : entry,
           "device needs 'users': a list of {username, password or "
           "public_key, privilege}");
    }
    std::vector<LabUser> result;
    for (const Node& node : users->items()) {
      require_map(node, "a user");
      check_keys(node, kUserKeys);
      LabUser user;
      user.username = text(node, "username", true);
      user.password = text(node, "password", false);
      if (node.find("public_key")) {
        const std::string value = text(node, "public_key", true);
        std::optional<std::string> key = read_public_key(value, base_);
        if (!key) {
          fail(at(node, "public_key"), "public_key of user '" + user.username +
                                           "' is neither an OpenSSH public key line nor a "
                                           "readable .pub file");
        }
        user.public_key = *key;
      }
      if (user.password.empty() && user.public_key.empty()) {
        fail(node, "user '" + user.username + "' needs a 'password' or a 'public_key'");
      }
      if (node.find("privilege"))
        user.privilege = static_cast<int>(number(node, "privilege", 0, 15));
      for (const LabUser& other : result) {
        if (other.username == user.username)
          fail(node, "user '" + user.username + "' is listed twice");
      }
      result.push_back(std::move(user));
    }
    return result;
  }

  LabFaults read_faults(const Node& node) const {
    require_map(node, "'faults'");
    check_keys(node, kFaultKeys);
    LabFaults faults;
    if (node.find("slow_output_bps"))
      faults.slow_output_bps = number(node, "slow_output_bps", 1, 1ull << 40);
    if (node.find("drop_scp_after_bytes")) {
      faults.drop_scp_after_bytes = number(node, "drop_scp_after_bytes", 0, 1ull << 46);
    }
    if (node.find("drop_during_replace"))
      faults.drop_during_replace = flag(node, "drop_during_replace");
    if (node.find("flash_full")) faults.flash_full = flag(node, "flash_full");
    if (node.find("refuse_auth")) faults.refuse_auth = flag(node, "refuse_auth");
    if (node.find("legacy_algorithms_only")) {
      faults.legacy_algorithms_only = flag(node, "legacy_algorithms_only");
    }
    if (node.find("login_banner")) faults.login_banner = text(node, "login_banner", true);
    if (const Node* lines = node.find("reject_line")) {
      if (lines->is_scalar()) {
        faults.reject_lines.push_back(lines->scalar());
      } else if (lines->is_sequence()) {
        for (const Node& line : lines->items()) {
          if (!line.is_scalar()) fail(line, "'reject_line' entries must be config lines");
          faults.reject_lines.push_back(line.scalar());
        }
      } else {
        fail(*lines, "'reject_line' must be a config line or a list of them");
      }
    }
    return faults;
  }

  std::filesystem::path path_;
  std::filesystem::path base_;
};

}  // namespace

Lab load_lab(const std::filesystem::path& path) {
  if (!std::ifstream(path)) {
    throw Error(Failure::usage, "cannot read lab file '" + path.string() + "'");
  }
  Node root;
  try {
    root = util::load_yaml_file(path);
  } catch (const util::YamlError& e) {
    throw Error(Failure::usage, e.what());
  }
  return LabReader(path).read(root);
}

std::optional<double> parse_time_scale(std::string_view text) {
  double scale = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), scale);
  if (ec != std::errc() || end != text.data() + text.size() || !(scale > 0) ||
      scale > kMaxTimeScale) {
    return std::nullopt;
  }
  return scale;
}

std::optional<ListenAddress> parse_listen(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string address(text.substr(0, colon));
  const std::string_view port_text = text.substr(colon + 1);
  in_addr ip{};
  if (inet_pton(AF_INET, address.c_str(), &ip) != 1) return std::nullopt;
  if ((ntohl(ip.s_addr) >> 24) != 127) return std::nullopt;
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
      port > 65535) {
    return std::nullopt;
  }
  return ListenAddress{address, static_cast<std::uint16_t>(port)};
}

std::optional<std::string> read_public_key(std::string_view value,
                                           const std::filesystem::path& base) {
  std::string line(value);
  if (line.find(' ') == std::string::npos) {
    std::optional<std::string> file = read_whole_file(base / line);
    if (!file) return std::nullopt;
    line = file->substr(0, file->find('\n'));
  }
  std::istringstream words(line);
  std::string type;
  std::string blob;
  words >> type >> blob;
  const ssh_keytypes_e key_type = ssh_key_type_from_name(type.c_str());
  if (key_type == SSH_KEYTYPE_UNKNOWN || blob.empty()) return std::nullopt;
  ssh_key key = nullptr;
  if (ssh_pki_import_pubkey_base64(blob.c_str(), key_type, &key) != SSH_OK) return std::nullopt;
  ssh_key_free(key);
  return type + " " + blob;
}

}  // namespace iosctl::sim
