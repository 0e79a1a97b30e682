// commit against iosim devices with missing prerequisites and injected
// faults: SCP off (with and without --inline-transfer), flash full, file
// prompt modes, a connection dropped mid-SCP or mid-replace, a replace that
// outlasts its timeout. Each reads the device back on a separate connection.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

class CliCommitFaults : public DeviceTest {
 protected:
  std::string file_prompt_lines() {
    return run({"send-command", "show running-config | include file prompt"}).out;
  }
  // Commits a change and rolls it back on a device in file prompt `mode`
  // ("" is the default, alert): both work and leave the mode as it was.
  void expect_mode_kept(const std::string& mode) {
    start(device_with({},
                      mode.empty() ? std::vector<std::string>{} : std::vector<std::string>{mode}));
    const std::string shown = mode.empty() ? "" : mode + "\n";
    const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
    const RunResult r = run({"commit", file.string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(file_prompt_lines(), shown);
    const RunResult back = run({"rollback"});
    EXPECT_EQ(back.status, 0) << back.err;
    EXPECT_EQ(file_prompt_lines(), shown);
  }
};

TEST_F(CliCommitFaults, ScpOffIsRejectedNamingTheFix) {
  // No `ip scp server enable`: exit 3 before any change, naming the line and --inline-transfer.
  start(device_with({"ip scp server enable"}, {}));
  const std::string before = running();
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r = run({"commit", file.string()});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("SCP is not enabled on the device: configure 'ip scp server enable' (or "
                       "use --inline-transfer) and run again"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(running(), before);
}

TEST_F(CliCommitFaults, InlineTransferWorksWithoutScp) {
  // --inline-transfer stores the candidate through tclsh: a banner with ETX
  // delimiters and braces arrives intact, the commit applies, and the
  // candidate's secret shows neither in -v nor in the session log.
  start(device_with({"ip scp server enable"}, {}));
  const std::string candidate = running_plus(
      "snmp-server community S3cretCommunity RO\nbanner motd \x03{ unbalanced } "
      "brace {\n$x [y] \\ \"q\"?\n\x03");
  const auto file = dir_.write("change.cfg", candidate);
  const auto log = dir_.path() / "session.log";
  const RunResult r =
      run({"-v", "--session-log", log.string(), "commit", "--inline-transfer", file.string()});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("> tclsh"), std::string::npos) << r.err;
  const std::string after = running();  // show running-config prints ETX as ^C
  EXPECT_NE(after.find("banner motd ^C{ unbalanced } brace {\n$x [y] \\ \"q\"?\n^C\n"),
            std::string::npos)
      << after;
  EXPECT_NE(after.find("snmp-server community S3cretCommunity RO\n"), std::string::npos);
  std::ifstream in(log);
  const std::string logged((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(logged.find("puts -nonewline"), std::string::npos);
  for (const std::string& shown : {r.out, r.err, logged}) {
    EXPECT_EQ(shown.find("S3cretCommunity"), std::string::npos) << shown;
  }
}

TEST_F(CliCommitFaults, FullFlashIsRejected) {
  // flash_full: the load stops before any change, naming the file system.
  LabEntry device;
  device.extra = {"faults: {flash_full: true}"};
  start(device);
  const std::string before = running();
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r = run({"commit", file.string()});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("bytes free but the candidate needs"), std::string::npos) << r.err;
  EXPECT_EQ(running(), before);
}

TEST_F(CliCommitFaults, AlertFilePromptModeIsKept) {
  // The default mode: quiet is added for the checkpoint and gone afterwards.
  expect_mode_kept("");
}

TEST_F(CliCommitFaults, NoisyFilePromptModeIsKept) {
  // noisy comes back as noisy, not as the default.
  expect_mode_kept("file prompt noisy");
}

TEST_F(CliCommitFaults, QuietFilePromptModeIsKept) {
  // A device already quiet is left quiet.
  expect_mode_kept("file prompt quiet");
}

TEST_F(CliCommitFaults, NoAutoFilePromptNeedsQuietMode) {
  // --no-auto-file-prompt on an alert-mode device: exit 3, nothing changed.
  start();
  const std::string before = running();
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r = run({"commit", "--no-auto-file-prompt", file.string()});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("configure 'file prompt quiet' or drop --no-auto-file-prompt"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(running(), before);
  EXPECT_FALSE(on_flash("bootflash:/rollback_config.txt"));
}

TEST_F(CliCommitFaults, DropMidScpChangesNothing) {
  // The SCP connection dies part way: the device keeps its config, iosctl says so.
  LabEntry device;
  device.extra = {"faults: {drop_scp_after_bytes: 100}"};
  start(device);
  const std::string before = running();
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r = run({"commit", file.string()});
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.status, 5) << r.err;
  EXPECT_EQ(running(), before);
  EXPECT_FALSE(on_flash("bootflash:/rollback_config.txt"));
}

TEST_F(CliCommitFaults, DropMidReplaceReportsWhereTheDeviceIs) {
  // The link dies during configure replace: exit 5, and a reconnect tells
  // which config the device is on (iosim leaves it partly replaced).
  LabEntry device;
  device.extra = {"faults: {drop_during_replace: true}"};
  start(device);
  std::string candidate = running_plus("ntp server 192.0.2.10\nntp server 192.0.2.11");
  candidate.replace(candidate.find("hostname r1"), 11, "hostname r9");
  const auto file = dir_.write("change.cfg", candidate);
  const RunResult r = run({"--json", "commit", "--allow-hostname-change", file.string()});
  EXPECT_EQ(r.status, 5) << r.out << r.err;
  EXPECT_NE(r.err.find("the change did not finish"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("; reconnected: the device is "), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"state_after\": \""), std::string::npos) << r.out;
  EXPECT_TRUE(on_flash("bootflash:/rollback_config.txt"));
}

TEST_F(CliCommitFaults, ReplaceOutlastingItsTimeoutIsUncertain) {
  // Each answer takes 0.3 s; a 0.15 s replace timeout gives up: exit 5, and
  // the reconnect finds the candidate applied.
  LabEntry slow;
  slow.extra = {"latency_ms: 300"};
  start(slow);
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r = run({"commit", file.string(), "--replace-timeout", "0.15"});
  EXPECT_EQ(r.status, 5) << r.out << r.err;
  EXPECT_NE(r.err.find("reconnected: the device is on the candidate config (not saved)"),
            std::string::npos)
      << r.err;
}

TEST_F(CliCommitFaults, ACandidateLineThatReadsLikeAStatusDoesNotDecide) {
  // IOS echoes the failing line in its listings; a line that reads like
  // "restored" leaves the verdict to the status lines: partly changed, exit 5.
  start();
  const auto file = dir_.write(
      "status-words.cfg",
      running_plus("ntp server 192.0.2.10\nThe original configuration has been successfully "
                   "restored.\nRollback Done"));
  const RunResult r = run({"commit", "--no-auto-rollback", file.string()});
  EXPECT_EQ(r.status, 5) << r.err;
  EXPECT_NE(r.err.find("the device is partly changed"), std::string::npos) << r.err;
  EXPECT_NE(running().find("ntp server 192.0.2.10\n"), std::string::npos);
}

}  // namespace
}  // namespace iosctl::test
