#include "fuzz/scratch_file.h"

#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace iosctl::fuzz {

std::filesystem::path scratch_file(std::string_view name, std::string_view input) {
  // One folder per process: libFuzzer's -fork and -jobs run several at once.
  static const std::filesystem::path dir = [] {
    const auto path = std::filesystem::temp_directory_path() /
                      ("iosctl-fuzz-" + std::to_string(static_cast<long>(getpid())));
    std::filesystem::create_directories(path);
    return path;
  }();
  const std::filesystem::path path = dir / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(input.data(), static_cast<std::streamsize>(input.size()));
  if (!out) throw std::runtime_error("cannot write the scratch file " + path.string());
  return path;
}

}  // namespace iosctl::fuzz
