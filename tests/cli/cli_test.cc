#include "support/cli_run.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace iosctl::test {
namespace {

// --help lists the commands and exits 0.
TEST(CliTest, HelpExitsZero) {
  const CliResult r = run_iosctl({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("check"), std::string::npos);
  EXPECT_NE(r.out.find("diff"), std::string::npos);
  EXPECT_EQ(run_iosctl({"diff", "--help"}).exit_code, 0);
}

// --version names the program.
TEST(CliTest, VersionExitsZero) {
  const CliResult r = run_iosctl({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("iosctl ", 0), 0u);
}

// No command, or an unknown one, is a usage error with exit 1.
TEST(CliTest, MissingOrUnknownCommandIsUsageError) {
  const CliResult none = run_iosctl({});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.err.rfind("iosctl: error: ", 0), 0u);
  const CliResult unknown = run_iosctl({"deploy", "x.cfg"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err.back(), '\n');
  EXPECT_EQ(std::count(unknown.err.begin(), unknown.err.end(), '\n'), 1) << unknown.err;
}

// The real binary behaves like the in-process CLI: exit codes and streams.
TEST(CliBinaryTest, BinaryRunsAndExitsWithDocumentedCodes) {
  EXPECT_EQ(run_iosctl_binary({"--version"}).exit_code, 0);
  const CliResult diff = run_iosctl_binary(
      {"diff", std::string(IOSCTL_FIXTURES_DIR) + "/configs/iosxe-16.12-edge.running.cfg",
       std::string(IOSCTL_FIXTURES_DIR) + "/configs/iosxe-16.12-edge.candidate.cfg"});
  EXPECT_EQ(diff.exit_code, 2);
  EXPECT_EQ(diff.out.rfind("!Contextual Config Diffs:\n", 0), 0u);
  const CliResult check = run_iosctl_binary(
      {"check", std::string(IOSCTL_FIXTURES_DIR) + "/configs/iosxe-16.12-edge.running.cfg"});
  EXPECT_EQ(check.exit_code, 3);
  EXPECT_EQ(run_iosctl_binary({"frobnicate"}).exit_code, 1);
}

}  // namespace
}  // namespace iosctl::test
