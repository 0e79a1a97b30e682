#pragma once

#include <string>

namespace iosctl::test {

// A directory of the running test's own, unique across concurrent runs
// (pid, suite and test name under testing::TempDir()); removed when the
// test ends.
class ScratchDir {
 public:
  // `prefix` names the kind of test, e.g. "inventory".
  explicit ScratchDir(const std::string& prefix);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `text` to `name` inside the directory; returns the file's path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

}  // namespace iosctl::test
