#include "iosctl/cli/config_file.h"

#include "iosctl/config/check.h"
#include "iosctl/error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace iosctl::cli {
namespace fs = std::filesystem;

std::string read_config_file(std::string_view path) {
  const std::string name(path);
  std::error_code ec;
  if (fs::is_directory(name, ec)) {
    throw Error(Failure::usage, "cannot read '" + name + "': it is a directory (fix: name a file)");
  }
  const auto size = fs::file_size(name, ec);
  if (!ec && size > config::kMaxCandidateBytes) {
    throw Error(Failure::invalid, "'" + name + "' is " +
                                      std::to_string((size + (1u << 20) - 1) >> 20) +
                                      " MiB, over the 64 MiB limit for a configuration "
                                      "(fix: check that it is the right file)");
  }
  std::ifstream in(name, std::ios::binary);
  if (!in) {
    throw Error(Failure::usage,
                "cannot read '" + name + "': " + std::strerror(errno) + " (fix: check the path)");
  }
  // One read into a buffer of the file's size: a 64 MiB config is read once,
  // not grown through a stream.
  std::string bytes(ec ? 0 : size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.good()) {
    // Size unknown (a pipe) or the file grew: read the rest as a stream.
    std::ostringstream rest;
    rest << in.rdbuf();
    bytes += rest.str();
  }
  return bytes;
}

void write_config_file(std::string_view path, std::string_view bytes) {
  const std::string name(path);
  const std::string temporary = name + ".iosctl-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      const std::string reason = std::strerror(errno);
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw Error(Failure::usage, "cannot write '" + name + "': " + reason +
                                      " (fix: check the directory is writable)");
    }
  }
  std::error_code ec;
  fs::rename(temporary, name, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw Error(Failure::usage, "cannot write '" + name + "': " + ec.message() +
                                    " (fix: check the directory is writable)");
  }
}

std::string fixed_copy_path(std::string_view path) {
  const fs::path p(path);
  fs::path fixed = p.parent_path() / p.stem();
  fixed += ".fixed";
  fixed += p.extension();
  return fixed.string();
}

}  // namespace iosctl::cli
