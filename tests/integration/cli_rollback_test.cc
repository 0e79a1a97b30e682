// rollback, discard, --dry-run and merge against iosim over SSH, each
// checked by reading the device back on a separate connection.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::test {
namespace {

class CliRollback : public DeviceTest {
 protected:
  void SetUp() override {
    start();
    before_ = running();
  }
  std::string before_;
};

TEST_F(CliRollback, RollbackRestoresTheCheckpoint) {
  // After a commit, rollback replaces with rollback_config.txt: the old config, saved.
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  ASSERT_EQ(run({"commit", file.string()}).status, 0);
  const RunResult r = run({"rollback"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "rolled back to the checkpoint bootflash:/rollback_config.txt; saved\n");
  EXPECT_EQ(running(), before_);
  EXPECT_EQ(run({"send-command", "show running-config | include file prompt"}).out, "");
}

TEST_F(CliRollback, RollbackWithoutCheckpointIsRejected) {
  // No commit ever ran: exit 3 naming the missing checkpoint.
  const RunResult r = run({"rollback"});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("there is no checkpoint bootflash:/rollback_config.txt on the device: "
                       "nothing to roll back to"),
            std::string::npos)
      << r.err;
}

TEST_F(CliRollback, DryRunShowsTheDiffAndChangesNothing) {
  // --dry-run: exit 2 with the diff, running unchanged, candidate file removed again.
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r = run({"commit", file.string(), "--dry-run"});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.out, "+ntp server 192.0.2.10\ndry run: differences found; nothing committed\n");
  EXPECT_EQ(running(), before_);
  EXPECT_FALSE(on_flash("bootflash:/candidate_config.txt"));
  EXPECT_FALSE(on_flash("bootflash:/rollback_config.txt"));
}

TEST_F(CliRollback, DiscardDeletesTheCandidate) {
  // compare leaves candidate_config.txt on flash; discard deletes it.
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  ASSERT_EQ(run({"compare", file.string()}).status, 2);
  ASSERT_TRUE(on_flash("bootflash:/candidate_config.txt"));
  const RunResult r = run({"discard"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "deleted bootflash:/candidate_config.txt\n");
  EXPECT_FALSE(on_flash("bootflash:/candidate_config.txt"));
  EXPECT_EQ(run({"discard"}).out, "nothing to discard\n");
}

TEST_F(CliRollback, MergeAddsItsLines) {
  // compare --merge lists the new lines; commit --merge adds them and keeps the rest.
  const auto file = dir_.write("merge.cfg", "ntp server 192.0.2.10\nend\n");
  const RunResult cmp = run({"compare", "--merge", file.string()});
  EXPECT_EQ(cmp.status, 2) << cmp.err;
  EXPECT_NE(cmp.out.find("ntp server 192.0.2.10"), std::string::npos) << cmp.out;
  const RunResult r = run({"commit", "--merge", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "+ntp server 192.0.2.10\nmerged: 1 line added, 0 removed; saved\n");
  const std::string after = running();
  EXPECT_NE(after.find("ntp server 192.0.2.10\n"), std::string::npos) << after;
  EXPECT_EQ(after.size(), before_.size() + std::string("ntp server 192.0.2.10\n").size());
  EXPECT_EQ(run({"send-command", "show running-config | include file prompt"}).out, "");
}

TEST_F(CliRollback, FailingMergeLineIsRolledBack) {
  // A merge with a line the device rejects: exit 4 naming it, the original back.
  const auto file = dir_.write("merge.cfg", "ntp server 192.0.2.10\nlogging 0255.255.1\nend\n");
  const RunResult r = run({"commit", "--merge", file.string()});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  EXPECT_NE(r.err.find("failed to apply 'logging 0255.255.1'; the device was restored to its "
                       "original config"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(running(), before_);
}

TEST_F(CliRollback, MergeFileWithoutEndIsRefusedOffline) {
  // No `end`: exit 3 before connecting, naming the fix.
  const auto file = dir_.write("merge.cfg", "ntp server 192.0.2.10\n");
  const RunResult r = run({"commit", "--merge", file.string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("missing final 'end'"), std::string::npos) << r.err;
  EXPECT_EQ(running(), before_);
}

}  // namespace
}  // namespace iosctl::test
