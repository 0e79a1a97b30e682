#include "iosctl/sim/state_store.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

namespace iosctl::sim {
namespace {

constexpr const char* kRunning = "running-config";
constexpr const char* kStartup = "startup-config";
constexpr const char* kFlash = "flash";

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Writes beside and renames, so a crash leaves the old or the new bytes.
std::optional<std::string> write_file(const std::filesystem::path& path, const std::string& bytes) {
  const std::filesystem::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return "cannot write '" + partial.string() + "'";
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) return "cannot write '" + path.string() + "': " + ec.message();
  return std::nullopt;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string encode_file_name(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const bool plain = std::isalnum(c) || c == '_' || c == '-' || c == '+' || (c == '.' && i > 0);
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string decode_file_name(std::string_view encoded) {
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%' && i + 2 < encoded.size() && hex_value(encoded[i + 1]) >= 0 &&
        hex_value(encoded[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(encoded[i + 1]) * 16 + hex_value(encoded[i + 2]));
      i += 2;
    } else {
      out += encoded[i];
    }
  }
  return out;
}

StateStore::StateStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

std::optional<DeviceState> StateStore::load() {
  std::optional<std::string> running = read_file(dir_ / kRunning);
  if (!running) return std::nullopt;
  DeviceState state;
  state.running_config = std::move(*running);
  state.startup_config = read_file(dir_ / kStartup).value_or("");
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / kFlash, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.ends_with(".partial")) continue;
    state.files[decode_file_name(name)] = read_file(entry.path()).value_or("");
  }
  saved_ = state;
  return state;
}

std::optional<std::string> StateStore::save(const DeviceState& state) {
  std::error_code ec;
  std::filesystem::create_directories(dir_ / kFlash, ec);
  if (ec) return "cannot create '" + (dir_ / kFlash).string() + "': " + ec.message();
  for (const auto& [name, bytes] : state.files) {
    const auto old = saved_.files.find(name);
    if (old != saved_.files.end() && old->second == bytes) continue;
    if (auto error = write_file(dir_ / kFlash / encode_file_name(name), bytes)) return error;
  }
  for (const auto& [name, bytes] : saved_.files) {
    if (!state.files.contains(name))
      std::filesystem::remove(dir_ / kFlash / encode_file_name(name), ec);
  }
  if (state.startup_config != saved_.startup_config || !std::filesystem::exists(dir_ / kStartup)) {
    if (auto error = write_file(dir_ / kStartup, state.startup_config)) return error;
  }
  // Written last: its presence is what load() takes as "a state was saved".
  if (state.running_config != saved_.running_config || !std::filesystem::exists(dir_ / kRunning)) {
    if (auto error = write_file(dir_ / kRunning, state.running_config)) return error;
  }
  saved_ = state;
  return std::nullopt;
}

}  // namespace iosctl::sim
