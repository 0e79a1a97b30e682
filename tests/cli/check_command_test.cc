#include "support/cli_run.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace iosctl::test {
namespace {

namespace fs = std::filesystem;

// A scratch copy of a fixture in a fresh temporary directory.
class CheckCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("iosctl-check-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string copy(const std::string& fixture, const std::string& name) {
    const fs::path to = dir_ / name;
    fs::copy_file(fixture_path(fixture), to);
    return to.string();
  }
  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

  fs::path dir_;
};

// A clean candidate: nothing printed, exit 0.
TEST_F(CheckCommandTest, CleanCandidateExitsZero) {
  const CliResult r = run_iosctl({"check", fixture_path("configs/iosxe-16.12-edge.candidate.cfg")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

// A saved show-run is not a candidate: each problem on its own line, exit 3.
TEST_F(CheckCommandTest, SavedShowRunIsRejected) {
  const std::string file = fixture_path("configs/iosxe-16.12-edge.running.cfg");
  const CliResult r = run_iosctl({"check", file});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out.rfind(file + ":1: error: ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(file + ":3: error: "), std::string::npos);
  EXPECT_NE(r.out.find("'^C'"), std::string::npos);
}

// --fix writes NAME.fixed.EXT beside the file, leaves the original alone,
// and the repaired copy checks clean.
TEST_F(CheckCommandTest, FixWritesRepairedCopyBeside) {
  const std::string file = copy("candidates/crlf-line-endings.cfg", "r1.cfg");
  const std::string before = read(file);
  const CliResult r = run_iosctl({"check", "--fix", file});
  const std::string fixed = (dir_ / "r1.fixed.cfg").string();
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(read(file), before);
  EXPECT_EQ(read(fixed).find('\r'), std::string::npos);
  EXPECT_NE(r.err.find("iosctl: wrote " + fixed), std::string::npos);
  EXPECT_EQ(run_iosctl({"check", fixed}).exit_code, 0);
}

// --fix --in-place repairs the file itself.
TEST_F(CheckCommandTest, FixInPlaceRepairsTheFile) {
  const std::string file = copy("candidates/caret-banner.cfg", "edge.cfg");
  EXPECT_EQ(run_iosctl({"check", file}).exit_code, 3);
  const CliResult r = run_iosctl({"check", "--fix", "--in-place", file});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(read(file).find('\x03'), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "edge.fixed.cfg"));
}

// What --fix cannot repair is still reported, and still fails.
TEST_F(CheckCommandTest, UnrepairableFindingsStillFail) {
  const std::string file = copy("candidates/missing-end.cfg", "r2.cfg");
  const CliResult r = run_iosctl({"check", "--fix", file});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find((dir_ / "r2.fixed.cfg").string() + ":"), std::string::npos) << r.out;
}

// --in-place alone is a usage error: it only means something with --fix.
TEST_F(CheckCommandTest, InPlaceNeedsFix) {
  const CliResult r = run_iosctl({"check", "--in-place", fixture_path("candidates/clean.cfg")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--fix"), std::string::npos);
}

// --json lists findings with line, severity, message and fix.
TEST_F(CheckCommandTest, JsonFindings) {
  const CliResult r =
      run_iosctl({"--json", "check", fixture_path("configs/iosxe-16.12-edge.running.cfg")});
  EXPECT_EQ(r.exit_code, 3);
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_GE(doc["findings"].size(), 3u);
  EXPECT_EQ(doc["findings"][0]["line"], 1);
  EXPECT_EQ(doc["findings"][0]["severity"], "error");
  EXPECT_TRUE(doc["findings"][0]["repairable"].get<bool>());
}

// A missing file is a usage error with the fix named.
TEST_F(CheckCommandTest, MissingFile) {
  const CliResult r = run_iosctl({"check", (dir_ / "nope.cfg").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "iosctl: error: cannot read '" + (dir_ / "nope.cfg").string() +
                       "': No such file or directory (fix: check the path)\n");
}

// A file over 64 MiB is refused before it is read.
TEST_F(CheckCommandTest, OversizedFileIsRejected) {
  const fs::path big = dir_ / "huge.cfg";
  { std::ofstream(big) << "version 16.12\n"; }
  fs::resize_file(big, (64u << 20) + 1);
  const CliResult r = run_iosctl({"check", big.string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "iosctl: error: '" + big.string() +
                       "' is 65 MiB, over the 64 MiB limit for a configuration (fix: check that "
                       "it is the right file)\n");
}

}  // namespace
}  // namespace iosctl::test
