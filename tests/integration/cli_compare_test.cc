// iosctl compare against iosim over SSH: no change (exit 0), a change (exit
// 2), a bad candidate refused before anything is sent (exit 3), a device
// without SCP (exit 3 naming the fix), and the MD5 check skipping a second copy.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

using CliCompare = DeviceTest;

TEST_F(CliCompare, SameConfigHasNoChanges) {
  // A candidate equal to the running config: exit 0 and `no changes`.
  start();
  const auto file = dir_.write("same.cfg", running());
  const RunResult r = run({"compare", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "no changes\n");
}

TEST_F(CliCompare, ChangeIsShownAndExitsTwo) {
  // An added line is shown as the device shows it, exit 2.
  start();
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r = run({"compare", file.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.out, "+ntp server 192.0.2.10\n") << r.err;
  const RunResult local = run({"compare", file.string(), "--diff-source", "local"});
  EXPECT_EQ(local.status, 2) << local.err;
  EXPECT_NE(local.out.find("+ntp server 192.0.2.10\n"), std::string::npos) << local.out;
}

TEST_F(CliCompare, CandidateErrorIsRefusedAndNothingIsCopied) {
  // A candidate without `end`: exit 3 naming the file, and flash stays empty of it.
  start();
  std::string text = running();
  text.erase(text.rfind("end"));
  const auto file = dir_.write("no-end.cfg", text);
  const RunResult r = run({"compare", file.string()});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("iosctl: error: " + file.string() + ":"), std::string::npos) << r.err;
  const RunResult dir = run({"send-command", "dir bootflash:/candidate_config.txt"});
  EXPECT_NE((dir.out + dir.err).find("No such file or directory"), std::string::npos)
      << dir.out << dir.err;
}

TEST_F(CliCompare, DeviceWithoutScpNamesTheFix) {
  // No `ip scp server enable`: exit 3 with the line that fixes it.
  start(lab_fixture("iosxe-r2-no-scp.cfg"));
  const auto file = dir_.write("cand.cfg", "version 16.12\nhostname r2\nend\n");
  const RunResult r = run({"compare", file.string()});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_EQ(without_key_warning(r.err),
            "iosctl: error: " + target() +
                ": SCP is not enabled on the device: configure 'ip scp server enable' (or use "
                "--inline-transfer) and run again\n");
}

TEST_F(CliCompare, SecondCompareSkipsTheCopy) {
  // The same candidate again: verify /md5 matches and nothing is copied.
  start();
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult first = run({"-v", "compare", file.string()});
  EXPECT_EQ(first.status, 2) << first.err;
  EXPECT_NE(first.err.find("copying the candidate to bootflash:/candidate_config.txt"),
            std::string::npos)
      << first.err;
  const RunResult second = run({"-v", "compare", file.string()});
  EXPECT_EQ(second.status, 2) << second.err;
  EXPECT_NE(second.err.find("bootflash:/candidate_config.txt already holds the candidate"),
            std::string::npos)
      << second.err;
  EXPECT_EQ(second.err.find("copying the candidate"), std::string::npos) << second.err;
  EXPECT_EQ(second.out, first.out);
}

TEST_F(CliCompare, JsonCarriesBothDiffsWithSecretsRedacted) {
  // --json gives the device's and iosctl's diff, secrets masked in both.
  start();
  const auto file = dir_.write("secret.cfg", running_plus("enable secret 9 $9$abcdefgh$ijklmnop"));
  const RunResult r = run({"--json", "compare", file.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.out.find("\"device\": \"+enable secret 9 <redacted>\\n\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"line\": \"enable secret 9 <redacted>\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"agree\": true"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ijklmnop"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace iosctl::test
