#include "support/scratch_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace iosctl::test {

namespace fs = std::filesystem;

ScratchDir::ScratchDir(const std::string& prefix) {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  path_ = (fs::path(testing::TempDir()) / ("iosctl-" + prefix + "-" + std::to_string(getpid()) +
                                           "-" + info->test_suite_name() + "." + info->name()))
              .string();
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string ScratchDir::write(const std::string& name, const std::string& text) const {
  const fs::path file = fs::path(path_) / name;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  return file.string();
}

}  // namespace iosctl::test
