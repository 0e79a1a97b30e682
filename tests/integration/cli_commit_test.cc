// iosctl commit against iosim over SSH: a change applied and saved, no
// change, a failing line with and without auto-rollback, archive off, and a
// hostname change.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

using CliCommit = DeviceTest;

TEST_F(CliCommit, ChangeIsAppliedAndSaved) {
  // An added line: exit 0, running equals the candidate, startup has it.
  start();
  const std::string candidate = running_plus("ntp server 192.0.2.10");
  const auto file = dir_.write("change.cfg", candidate);
  const RunResult r = run({"commit", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "+ntp server 192.0.2.10\ncommitted: 1 line added, 0 removed; saved\n");
  EXPECT_EQ(running(), candidate);
  const RunResult startup = run({"send-command", "show startup-config"});
  EXPECT_NE(startup.out.find("ntp server 192.0.2.10"), std::string::npos) << startup.out;
  EXPECT_EQ(startup.out.find("file prompt quiet"), std::string::npos) << startup.out;
}

TEST_F(CliCommit, NoChangeTouchesNothing) {
  // The running config as candidate: exit 0, `no changes`, no checkpoint taken.
  start();
  const auto file = dir_.write("same.cfg", running());
  const RunResult r = run({"commit", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "no changes\n");
  EXPECT_FALSE(on_flash("bootflash:/rollback_config.txt"));
}

TEST_F(CliCommit, FailingLineIsRevertedWithExitFour) {
  // A garbage line with auto-rollback: exit 4 naming it, running unchanged.
  start();
  const std::string before = running();
  const auto file = dir_.write("bad.cfg", running_plus("adfjasdfadfa"));
  const RunResult r = run({"commit", file.string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  EXPECT_EQ(r.out, "+adfjasdfadfa\n");
  EXPECT_NE(r.err.find("failed to apply 'adfjasdfadfa'; the device restored its original"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(running(), before);
  EXPECT_TRUE(on_flash("bootflash:/rollback_config.txt"));
}

TEST_F(CliCommit, FailingLineWithoutAutoRollbackIsUncertain) {
  // Without auto-rollback: exit 5, the failing line and the rollback next step.
  start();
  const auto file = dir_.write("bad.cfg", running_plus("adfjasdfadfa"));
  const RunResult r = run({"--json", "commit", file.string(), "--no-auto-rollback"});
  EXPECT_EQ(r.status, 5) << r.out << r.err;
  EXPECT_NE(r.err.find("the device is partly changed: 'iosctl rollback' restores the checkpoint"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("adfjasdfadfa"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"outcome\": \"uncertain\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"adfjasdfadfa\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"diff_text\": \"+adfjasdfadfa\\n\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"round_trips\": "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"commit\": "), std::string::npos) << r.out;  // its time in timings_ms
}

TEST_F(CliCommit, ArchiveOffIsRejectedWithExitThree) {
  // No `archive` section: auto-rollback cannot work; exit 3, nothing changed.
  std::ifstream in(lab_fixture("iosxe-r1.cfg"));
  std::ostringstream kept;
  for (std::string line; std::getline(in, line);) {
    if (line != "archive" && line.rfind(" path ", 0) != 0) kept << line << '\n';
  }
  start(dir_.write("no-archive.cfg", kept.str()));
  const std::string before = running();
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r = run({"commit", file.string()});
  EXPECT_EQ(r.status, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("the device is unchanged"), std::string::npos) << r.err;
  EXPECT_EQ(running(), before);
}

TEST_F(CliCommit, AnotherHostsCandidateIsRefused) {
  // The classic fleet mistake, br1's file on r1: exit 3 before any change,
  // naming the flag that says the rename is meant.
  start();
  const std::string before = running();
  std::string candidate = before;
  candidate.replace(candidate.find("hostname r1"), 11, "hostname br1");
  const auto file = dir_.write("br1.cfg", candidate);
  const RunResult r = run({"commit", file.string()});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("the candidate names the device 'br1' but it is 'r1'; the device is "
                       "unchanged"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--allow-hostname-change"), std::string::npos) << r.err;
  EXPECT_EQ(running(), before);
}

TEST_F(CliCommit, HostnameChangeIsFollowed) {
  // A new hostname: exit 0 and the session goes on at the new prompt to save.
  start();
  std::string candidate = running();
  candidate.replace(candidate.find("hostname r1"), 11, "hostname r9");
  const auto file = dir_.write("rename.cfg", candidate);
  const RunResult r = run({"commit", "--allow-hostname-change", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("; saved\n"), std::string::npos) << r.out;
  EXPECT_NE(running().find("hostname r9\n"), std::string::npos);
}

TEST_F(CliCommit, RiskyTransitionIsWarnedBeforeTheChange) {
  // A primary address changed under secondaries: a warning on stderr naming
  // the interface, the line and the two-step fix, before the commit goes on.
  start();
  std::string with_secondary = running();
  with_secondary.insert(with_secondary.find(" negotiation auto"),
                        " ip address 198.51.100.1 255.255.255.0 secondary\n");
  ASSERT_EQ(run({"commit", dir_.write("secondary.cfg", with_secondary).string()}).status, 0);
  std::string renumbered = with_secondary;
  renumbered.replace(renumbered.find("192.0.2.1 255"), 9, "192.0.2.9");
  const RunResult r = run({"commit", dir_.write("renumber.cfg", renumbered).string()});
  EXPECT_NE(without_key_warning(r.err).find(
                "iosctl: warning: " + target() +
                ": interface GigabitEthernet1: 'ip address 192.0.2.1 255.255.255.0': IOS will not "
                "change or remove a primary address while the interface has secondaries"),
            std::string::npos)
      << r.err;
}

TEST_F(CliCommit, RemovingTheArchiveIsWarnedAbout) {
  // The commit goes ahead, but says what the operator loses with `archive`.
  start();
  std::string candidate = running();
  candidate.erase(candidate.find("archive\n"),
                  candidate.find("interface ") - candidate.find("archive\n"));
  const auto file = dir_.write("no-archive.cfg", candidate);
  const RunResult r = run({"commit", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(
      r.err.find("iosctl: warning: " + target() + ": 'archive': the candidate removes `archive`"),
      std::string::npos)
      << r.err;
  EXPECT_EQ(running().find("\narchive\n"), std::string::npos);
}

}  // namespace
}  // namespace iosctl::test
