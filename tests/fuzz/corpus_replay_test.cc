// Every fuzz target over its seed corpus and its regressions (inputs that
// once crashed it), in the ordinary unit suite: a fixed crash stays fixed
// even where libFuzzer is not built.

#include "fuzz/targets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

namespace fs = std::filesystem;

struct Target {
  std::string name;
  void (*run)(std::string_view);
};

std::vector<Target> targets() {
  return {
#define IOSCTL_FUZZ_TARGET_ENTRY(name) {#name, &fuzz::name},
      IOSCTL_FUZZ_TARGETS(IOSCTL_FUZZ_TARGET_ENTRY)
#undef IOSCTL_FUZZ_TARGET_ENTRY
  };
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The files of `dir`, in a stable order; none when it does not exist.
std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FuzzCorpus, EveryTargetHasSeedsAndEverySeedFolderATarget) {
  std::set<std::string> names;
  for (const Target& target : targets()) {
    names.insert(target.name);
    EXPECT_FALSE(files_in(fs::path(IOSCTL_FUZZ_DIR) / "corpus" / target.name).empty())
        << "fuzz/corpus/" << target.name << " holds no seed";
  }
  for (const char* kind : {"corpus", "regressions"}) {
    const fs::path dir = fs::path(IOSCTL_FUZZ_DIR) / kind;
    if (!fs::is_directory(dir)) continue;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
      EXPECT_TRUE(names.contains(entry.path().filename().string()))
          << "fuzz/" << kind << "/" << entry.path().filename().string()
          << " names no target in fuzz/targets.h";
    }
  }
}

TEST(FuzzCorpus, EveryTargetRunsItsSeedsAndRegressions) {
  // A crash or sanitizer report here fails the whole test binary, naming
  // the input in the trace below.
  for (const Target& target : targets()) {
    for (const char* kind : {"corpus", "regressions"}) {
      for (const fs::path& file : files_in(fs::path(IOSCTL_FUZZ_DIR) / kind / target.name)) {
        SCOPED_TRACE(file.string());
        target.run(read_bytes(file));
      }
    }
  }
}

}  // namespace
}  // namespace iosctl::test
