// `iosctl compare` in-process: a bad candidate or bad option is refused
// before any connection is opened.

#include "iosctl/cli/cli.h"
#include "iosctl/error.h"
#include "support/cli_run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace iosctl::cli {
namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

TEST(CompareCommand, CandidateErrorNeverConnects) {
  // A candidate without `end` exits 3 with its finding and no connection.
  const std::string file = write_file("iosctl_compare_no_end.cfg", "version 17.3\nhostname r1\n");
  const iosctl::test::CliResult r =
      iosctl::test::run_iosctl_unreachable({"-H", "r1", "compare", file});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err,
            "iosctl: error: " + file +
                ":2: error: missing final 'end' (configure replace answers '%The input file is "
                "not a valid config file.') (fix: add a line 'end' at the end of the file)\n");
  std::filesystem::remove(file);
}

TEST(CompareCommand, UnknownDiffSourceIsAUsageError) {
  // --diff-source takes device, local or both only.
  const test::CliResult r =
      test::run_iosctl_unreachable({"-H", "r1", "compare", "x.cfg", "--diff-source", "nope"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err,
            "iosctl: error: --diff-source: nope not in {device,local,both} (fix: see iosctl "
            "--help)\n");
}

TEST(CompareCommand, MissingCandidateFileIsAUsageError) {
  // An unreadable candidate exits 1 before connecting.
  const test::CliResult r =
      test::run_iosctl_unreachable({"-H", "r1", "compare", "/nonexistent/cand.cfg"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.connects, 0);
  EXPECT_NE(r.err.find("/nonexistent/cand.cfg"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace iosctl::cli
