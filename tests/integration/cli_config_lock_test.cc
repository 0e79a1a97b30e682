// commit and rollback while another session holds the exclusive
// configuration lock (`configure terminal lock`): both are refused before any
// change with exit 3, and work once the other session leaves config mode.

#include "integration/support_device_test.h"
#include "integration/support_ssh_client.h"

#include <gtest/gtest.h>

#include <csignal>
#include <memory>
#include <string>

namespace iosctl::test {
namespace {

class CliConfigLock : public DeviceTest {
 protected:
  void SetUp() override {
    LabEntry device;
    device.users.push_back("- {username: ops, password: secret, privilege: 15}");
    start(device);
    before_ = running();
    candidate_ = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10")).string();
  }
  // Logs `ops` in on its own SSH session and takes the lock in config mode.
  void lock_as_ops() {
    ops_ = connect_to(port_, "ops");
    ASSERT_NE(ops_, nullptr);
    ASSERT_EQ(login_with_password(ops_.get(), "secret"), SSH_AUTH_SUCCESS);
    shell_ = std::make_unique<ShellSession>(ops_.get());
    shell_->read_until("#", deadline_in(10));
    shell_->send("configure terminal lock\n");
    shell_->read_until("(config)#", deadline_in(10));
  }
  void unlock() {
    shell_->send("end\n");
    shell_->read_until("r1#", deadline_in(10));
  }
  std::string before_;
  std::string candidate_;
  SessionPtr ops_;
  std::unique_ptr<ShellSession> shell_;
};

TEST_F(CliConfigLock, CommitIsRefusedWhileAnotherSessionHoldsTheLock) {
  // The lock is checked before the file prompt or the checkpoint is touched.
  lock_as_ops();
  const RunResult r = run({"commit", candidate_});
  EXPECT_EQ(r.status, 3) << r.err;
  // The line number is the device's (a vty); the rest of the message is fixed.
  EXPECT_TRUE(r.err.starts_with("iosctl: error: " + target() +
                                ": the configuration is locked by user 'ops' on line "))
      << r.err;
  EXPECT_TRUE(
      r.err.ends_with("; the device is unchanged: run again once they leave "
                      "configuration mode\n"))
      << r.err;
  unlock();
  EXPECT_EQ(running(), before_);
  EXPECT_EQ(run({"send-command", "dir flash:rollback_config.txt"}).status, 3);
  const RunResult again = run({"commit", candidate_});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(running().find("ntp server 192.0.2.10\n"), std::string::npos);
}

TEST_F(CliConfigLock, RollbackIsRefusedWhileLocked) {
  // rollback to the checkpoint waits for the lock the same way.
  ASSERT_EQ(run({"commit", candidate_}).status, 0);
  const std::string committed = running();
  lock_as_ops();
  const RunResult r = run({"rollback"});
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("the configuration is locked by user 'ops'"), std::string::npos) << r.err;
  unlock();
  EXPECT_EQ(running(), committed);
}

TEST_F(CliConfigLock, ALockTakenAfterTheCheckIsReportedWithTheQuietModeItLeaves) {
  // The lock arrives while the checkpoint is taken: iosctl cannot remove the
  // quiet mode it added, says so, and the next run repairs it. Answers come
  // 40 ms late, so the commit is still at the checkpoint when it is stopped.
  LabEntry slow;
  slow.users.push_back("- {username: ops, password: secret, privilege: 15}");
  slow.extra = {"latency_ms: 40"};
  start(slow);
  ASSERT_EQ(run({"status"}).status, 0);
  auto commit = spawn({"-v", "commit", candidate_});
  ASSERT_TRUE(commit->wait_for_err("saving the running config as the checkpoint", deadline_in(30)));
  commit->send_signal(SIGSTOP);
  lock_as_ops();
  commit->send_signal(SIGCONT);
  EXPECT_EQ(commit->wait(deadline_in(60)), 3) << commit->err();
  EXPECT_NE(commit->err().find("'file prompt quiet' that iosctl added stays in the running config"),
            std::string::npos)
      << commit->err();
  unlock();
  EXPECT_NE(run({"status"}).out.find("'file prompt quiet' left by the interrupted"),
            std::string::npos);
  const RunResult again = run({"commit", candidate_});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("restored 'no file prompt quiet'"), std::string::npos) << again.err;
  const std::string after = running();
  EXPECT_NE(after.find("ntp server 192.0.2.10\n"), std::string::npos);
  EXPECT_EQ(after.find("file prompt quiet"), std::string::npos);
}

}  // namespace
}  // namespace iosctl::test
