#include "iosctl/sim/file_endpoint.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>

namespace iosctl::sim {

std::string FileEndpoint::default_name() const {
  switch (kind) {
    case Kind::running:
      return "running-config";
    case Kind::startup:
      return "startup-config";
    case Kind::flash:
    case Kind::null:
    case Kind::unknown:
      break;
  }
  return name;
}

FileEndpoint resolve_endpoint(const DeviceCore& device, std::string_view typed) {
  FileEndpoint out;
  out.typed = std::string(typed);
  if (typed == "running-config") {
    out.kind = FileEndpoint::Kind::running;
    return out;
  }
  if (typed == "startup-config") {
    out.kind = FileEndpoint::Kind::startup;
    return out;
  }
  const std::optional<FsPath> path = split_path(typed);
  if (!path) return out;
  if (path->fs == "system" && path->name == "running-config") {
    out.kind = FileEndpoint::Kind::running;
  } else if (path->fs == "nvram" && path->name == "startup-config") {
    out.kind = FileEndpoint::Kind::startup;
  } else if (path->fs == "null" && path->name.empty()) {
    out.kind = FileEndpoint::Kind::null;
  } else if (device.flash.owns(path->fs)) {
    out.kind = FileEndpoint::Kind::flash;
    out.fs = path->fs;
    out.name = path->name;
  }
  return out;
}

std::optional<std::string> endpoint_bytes(const DeviceCore& device, const FileEndpoint& source) {
  switch (source.kind) {
    case FileEndpoint::Kind::running:
      return device.config_file_text();
    case FileEndpoint::Kind::startup:
      if (device.startup.empty()) return std::nullopt;
      return device.startup;
    case FileEndpoint::Kind::null:
      return std::string();
    case FileEndpoint::Kind::flash: {
      const FlashFile* file = device.flash.get(source.name);
      if (!file) return std::nullopt;
      return file->bytes;
    }
    case FileEndpoint::Kind::unknown:
      break;
  }
  return std::nullopt;
}

std::string no_such_file(std::string_view typed) {
  return "%Error opening " + std::string(typed) + " (No such file or directory)\n";
}

std::string md5_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_md5(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

}  // namespace iosctl::sim
