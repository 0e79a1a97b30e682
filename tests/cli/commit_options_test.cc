// `iosctl commit` and the undo commands in-process: bad option combinations
// and bad file names are refused before any connection is opened.

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

class CommitOptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = (std::filesystem::temp_directory_path() / "iosctl_commit_options.cfg").string();
    std::ofstream(file_) << "version 17.3\nhostname r1\nend\n";
  }
  void TearDown() override { std::filesystem::remove(file_); }
  std::string file_;
};

TEST_F(CommitOptionsTest, AnOptionBeforeTheCandidateTakesOneValue) {
  // `--dest-file-system bootflash: r1.cfg`: the option takes one word and
  // the candidate stays the candidate, for every option that may repeat.
  const std::vector<std::vector<std::string>> forms = {
      {"compare", "--dest-file-system", "bootflash:", file_},
      {"commit", "--candidate-file", "c.txt", file_},
      {"commit", "--merge", "--merge-file", "m.txt", file_},
      {"commit", "--rollback-file", "r.txt", file_},
      {"commit", "--confirm-timeout", "5", "--health-check", "show version=~XE", file_},
      {"--key-file", file_, "compare", file_},
      {"--option", "conn_timeout=5", "compare", file_},
  };
  for (const std::vector<std::string>& form : forms) {
    std::vector<std::string> args = {"-H", "r1"};
    args.insert(args.end(), form.begin(), form.end());
    const iosctl::test::CliResult r = iosctl::test::run_iosctl_unreachable(args);
    EXPECT_EQ(r.exit_code, 6) << form[0] << " " << form[1] << ": " << r.err;
    EXPECT_EQ(r.connects, 1) << form[0] << " " << form[1] << ": " << r.err;
  }
}

TEST_F(CommitOptionsTest, HealthCheckNeedsAConfirmTimeout) {
  // Without a timer a failing check could not be undone by the device.
  const iosctl::test::CliResult r = iosctl::test::run_iosctl_unreachable(
      {"-H", "r1", "commit", file_, "--health-check", "show version=~XE"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err,
            "iosctl: error: --health-check needs --confirm-timeout MIN, so that a failing check "
            "can be undone by the device's revert timer\n");
}

TEST_F(CommitOptionsTest, AutoConfirmNeedsAHealthCheck) {
  // --auto-confirm alone has nothing to decide on.
  const iosctl::test::CliResult r = iosctl::test::run_iosctl_unreachable(
      {"-H", "r1", "commit", file_, "--confirm-timeout", "5", "--auto-confirm"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err,
            "iosctl: error: --auto-confirm needs at least one --health-check to decide on\n");
}

TEST_F(CommitOptionsTest, ConfirmTimeoutOutsideIosRangeIsRefused) {
  // IOS takes 1-120 minutes.
  const test::CliResult r =
      test::run_iosctl_unreachable({"-H", "r1", "commit", file_, "--confirm-timeout", "121"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "iosctl: error: --confirm-timeout 121: IOS accepts 1 to 120 minutes\n");
}

TEST_F(CommitOptionsTest, MalformedHealthCheckIsRefused) {
  // The check's form is checked before connecting.
  const iosctl::test::CliResult r = iosctl::test::run_iosctl_unreachable(
      {"-H", "r1", "commit", file_, "--confirm-timeout", "5", "--health-check", "show version"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.connects, 0);
  EXPECT_NE(r.err.find("write it as \"COMMAND=~REGEX\""), std::string::npos) << r.err;
}

TEST_F(CommitOptionsTest, FileNamesMustBePlain) {
  // A device file name with a path or a space would break the device commands.
  const test::CliResult r =
      test::run_iosctl_unreachable({"-H", "r1", "rollback", "--rollback-file", "flash:/x y.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err,
            "iosctl: error: --rollback-file 'flash:/x y.txt': a file name is up to 128 letters, "
            "digits, '.', '_' and '-', with no path, not starting with '.' or '-' (e.g. "
            "candidate_config.txt)\n");
}

TEST_F(CommitOptionsTest, NonPositiveReplaceTimeoutIsRefused) {
  // --replace-timeout takes seconds above 0.
  const test::CliResult r =
      test::run_iosctl_unreachable({"-H", "r1", "commit", file_, "--replace-timeout", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "iosctl: error: --replace-timeout must be a number of seconds above 0 (e.g. 600)\n");
}

TEST_F(CommitOptionsTest, MergeCandidateNeedsNoVersionButAnEnd) {
  // --merge checks the file as lines to add: no `version` needed, `end` is.
  const std::string merge =
      (std::filesystem::temp_directory_path() / "iosctl_merge_no_end.cfg").string();
  std::ofstream(merge) << "ntp server 192.0.2.1\n";
  const iosctl::test::CliResult r =
      iosctl::test::run_iosctl_unreachable({"-H", "r1", "commit", "--merge", merge});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err, "iosctl: error: " + merge +
                       ":1: error: missing final 'end' (the device cannot diff a merge "
                       "file without it: 'received error code 5') (fix: add a line 'end' "
                       "at the end of the file)\n");
  std::filesystem::remove(merge);
}

}  // namespace
}  // namespace iosctl::cli
