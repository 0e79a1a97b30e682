#pragma once

// Test support: a temporary folder removed with everything in it.

#include <filesystem>
#include <string>

namespace iosctl::test {

// A fresh folder under $TMPDIR (or /tmp), removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to `name` inside the folder and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;
  // Returns the bytes of `name` inside the folder (empty if missing).
  std::string read(const std::string& name) const;

 private:
  std::filesystem::path path_;
};

}  // namespace iosctl::test
