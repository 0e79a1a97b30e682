// Confirmed commits against iosim over SSH: the device's own timer reverts
// an unconfirmed change, `confirm` keeps it, health checks decide with
// --auto-confirm, and another user's pending commit is left alone.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

class CliConfirm : public DeviceTest {
 protected:
  // One device with a second user `ops`; timers run 60 times faster, so a
  // one-minute confirm timeout ends after one second.
  void SetUp() override {
    LabEntry device;
    device.users.push_back("- {username: ops, password: secret, privilege: 15}");
    start(device, {"--time-scale", "60"});
    before_ = running();
    candidate_ = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10")).string();
  }
  bool startup_has(const std::string& text) {
    return run({"send-command", "show startup-config"}).out.find(text) != std::string::npos;
  }
  std::string before_;
  std::string candidate_;
};

TEST_F(CliConfirm, UnconfirmedCommitIsRevertedByTheDevice) {
  // A confirmed commit left alone: pending at first, then the timer restores the original.
  const RunResult r = run({"commit", candidate_, "--confirm-timeout", "1"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "+ntp server 192.0.2.10\ncommitted: 1 line added, 0 removed; pending confirmation: "
            "'iosctl confirm' within 1 min keeps it, else the device reverts\n");
  EXPECT_TRUE(pending_commit_cleared());
  EXPECT_EQ(running(), before_);
  EXPECT_FALSE(startup_has("ntp server 192.0.2.10"));
}

TEST_F(CliConfirm, ConfirmKeepsTheChangeAndSaves) {
  // commit then confirm: the change stays, is saved, and nothing is pending.
  ASSERT_EQ(run({"commit", candidate_, "--confirm-timeout", "5"}).status, 0);
  const RunResult status = run({"status"});
  EXPECT_TRUE(status.out.starts_with("pending confirmed commit: by admin, 4 min")) << status.out;
  EXPECT_FALSE(startup_has("ntp server 192.0.2.10"));  // never saved while the timer runs
  const RunResult r = run({"confirm"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "confirmed; saved\n");
  EXPECT_NE(running().find("ntp server 192.0.2.10\n"), std::string::npos);
  EXPECT_TRUE(startup_has("ntp server 192.0.2.10"));
  EXPECT_TRUE(run({"status"}).out.starts_with("no pending confirmed commit"));
}

TEST_F(CliConfirm, ConfirmWithNothingPendingIsRejected) {
  // confirm without a pending commit: exit 3 saying so.
  const RunResult r = run({"confirm"});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("no confirmed commit is pending on the device: nothing to confirm"),
            std::string::npos)
      << r.err;
}

TEST_F(CliConfirm, AnotherUsersPendingCommitIsLeftAlone) {
  // admin's pending commit: ops can neither commit over it, confirm nor roll it back.
  ASSERT_EQ(run({"commit", candidate_, "--confirm-timeout", "5"}).status, 0);
  const std::string pending = running();
  const auto other = dir_.write("other.cfg", running_plus("ntp server 192.0.2.20"));
  const RunResult commit = run_as("ops", {"commit", other.string()});
  EXPECT_EQ(commit.status, 3) << commit.err;
  EXPECT_NE(commit.err.find("a confirmed commit by 'admin' is pending on the device; the device "
                            "is unchanged"),
            std::string::npos)
      << commit.err;
  EXPECT_EQ(run_as("ops", {"confirm"}).status, 3);
  EXPECT_EQ(run_as("ops", {"rollback"}).status, 3);
  EXPECT_EQ(running(), pending);
}

TEST_F(CliConfirm, RollbackRevertsAPendingCommitAtOnce) {
  // rollback during the timer: `configure revert now`, original back, nothing pending.
  ASSERT_EQ(run({"commit", candidate_, "--confirm-timeout", "5"}).status, 0);
  const RunResult r = run({"rollback"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("reverted the pending commit to bootflash:archive")) << r.out;
  EXPECT_EQ(running(), before_);
  EXPECT_TRUE(run({"status"}).out.starts_with("no pending confirmed commit"));
}

TEST_F(CliConfirm, FailingHealthCheckRevertsWithExitFour) {
  // A check whose pattern is absent: exit 4 naming it, the original config back.
  const RunResult r =
      run({"commit", candidate_, "--confirm-timeout", "5", "--health-check",
           "show running-config | include ntp=~203\\.0\\.113\\.99", "--auto-confirm"});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  EXPECT_NE(r.err.find("health check 'show running-config | include ntp=~203\\.0\\.113\\.99' "
                       "failed (the output does not match 203\\.0\\.113\\.99); the device was "
                       "reverted to its original config"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(running(), before_);
  EXPECT_TRUE(run({"status"}).out.starts_with("no pending confirmed commit"));
}

TEST_F(CliConfirm, PassingHealthChecksConfirm) {
  // Both checks match on a new connection: confirmed and saved, nothing pending.
  const RunResult r = run({"--json", "commit", candidate_, "--confirm-timeout", "5",
                           "--health-check", "show running-config | include ntp=~192\\.0\\.2\\.10",
                           "--health-check", "show version=~IOS XE", "--auto-confirm"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"pending_confirm\": false"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"saved\": true"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"health_check\":"), std::string::npos) << r.out;
  EXPECT_TRUE(run({"status"}).out.starts_with("no pending confirmed commit"));
  EXPECT_TRUE(startup_has("ntp server 192.0.2.10"));
}

TEST_F(CliConfirm, HealthCheckNeedsAConfirmTimeout) {
  // A health check without a timer to fall back on is a usage error, nothing sent.
  const RunResult r = run({"commit", candidate_, "--health-check", "show version=~XE"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--health-check needs --confirm-timeout MIN"), std::string::npos) << r.err;
  EXPECT_EQ(running(), before_);
}

TEST_F(CliConfirm, OwnPendingCommitIsNeverNoChanges) {
  // The same commit again while one's own confirmed commit is pending: exit
  // 3 naming confirm and rollback, and no save under the revert timer even
  // with --save always (startup-config keeps the old config).
  ASSERT_EQ(run({"commit", candidate_, "--confirm-timeout", "60"}).status, 0);
  for (const std::vector<std::string>& again :
       {std::vector<std::string>{"commit", candidate_},
        std::vector<std::string>{"commit", candidate_, "--save", "always"},
        std::vector<std::string>{"--json", "commit", candidate_}}) {
    const RunResult r = run(again);
    EXPECT_EQ(r.status, 3) << r.out << r.err;
    EXPECT_NE((r.out + r.err)
                  .find("your confirmed commit is still pending; the device is "
                        "unchanged: run 'iosctl confirm' to keep it or 'iosctl "
                        "rollback' to undo it first"),
              std::string::npos)
        << r.out << r.err;
  }
  EXPECT_FALSE(startup_has("ntp server 192.0.2.10"));
  EXPECT_NE(run({"status"}).out.find("pending confirmed commit: by admin"), std::string::npos);
  ASSERT_EQ(run({"rollback"}).status, 0);
  EXPECT_EQ(running(), before_);
}

class CliConfirmRestart : public DeviceTest {
 protected:
  // One device whose state outlives iosim (--state-dir): stopping and
  // starting iosim is the device's reload.
  void SetUp() override { start(LabEntry{}, {"--state-dir", (dir_.path() / "state").string()}); }
};

TEST_F(CliConfirmRestart, ReloadDuringAPendingCommitBootsTheOldConfig) {
  // A device that reloads while its confirmed commit is pending boots its
  // startup-config (never saved under the timer): the old config runs,
  // nothing is pending, and the next commit goes through.
  const std::string before = running();
  const std::string candidate = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  ASSERT_EQ(run({"commit", candidate, "--confirm-timeout", "10"}).status, 0);
  ASSERT_TRUE(run({"status"}).out.starts_with("pending confirmed commit: by admin"));
  for (const int signal : {SIGKILL, SIGTERM}) {
    restart(signal);
    EXPECT_EQ(running(), before) << "after signal " << signal;
    const RunResult status = run({"status"});
    EXPECT_EQ(status.status, 0) << status.err;
    EXPECT_TRUE(status.out.starts_with("no pending confirmed commit")) << status.out;
    EXPECT_EQ(status.out.find("unsaved"), std::string::npos) << status.out;
  }
  const RunResult again = run({"commit", candidate});
  EXPECT_EQ(again.status, 0) << again.out << again.err;
  EXPECT_NE(running().find("ntp server 192.0.2.10\n"), std::string::npos);
}

}  // namespace
}  // namespace iosctl::test
