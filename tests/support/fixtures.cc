#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace iosctl::test {

std::string fixture_path(std::string_view relative) {
  return std::string(IOSCTL_FIXTURES_DIR) + "/" + std::string(relative);
}

std::string read_fixture(std::string_view relative) {
  std::ifstream in(fixture_path(relative), std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << relative;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace iosctl::test
