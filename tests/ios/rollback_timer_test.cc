// Reading `show archive config rollback timer`: who owns a pending confirmed
// commit and how long it has left, and "nothing pending".

#include "iosctl/ios/rollback_timer.h"

#include <gtest/gtest.h>

namespace iosctl::ios {
namespace {

// A pending change names its user, timer, time left and the archive it reverts to.
TEST(RollbackTimer, ReadsAPendingChange) {
  const std::optional<PendingCommit> p = parse_rollback_timer(
      "Time configured(or reset): 10:15:02 UTC Tue Nov 24 2026\n"
      "Timer type: absolute\nTimer value: 5 min\nTime remaining: 4 min 12 sec\n"
      "Archive file: bootflash:archive-Nov-24-10-15-02.120-3\nUser: admin\n");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user, "admin");
  EXPECT_EQ(p->minutes, 5);
  EXPECT_EQ(p->seconds_left, 4 * 60 + 12);
  EXPECT_EQ(p->archive_file, "bootflash:archive-Nov-24-10-15-02.120-3");
}

// The device's "none pending" answer means no pending commit.
TEST(RollbackTimer, NothingPending) {
  EXPECT_FALSE(parse_rollback_timer("%No Rollback Confirmed Change pending\n"));
}

// Output without a User line (an unknown layout) is not taken as pending,
// and a missing time-remaining line leaves that field empty.
TEST(RollbackTimer, NeedsTheUser) {
  EXPECT_FALSE(parse_rollback_timer("Timer type: absolute\nTimer value: 5 min\n"));
  const std::optional<PendingCommit> p =
      parse_rollback_timer("User: ops\r\nTimer value: 2 min\r\n");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->user, "ops");
  EXPECT_EQ(p->minutes, 2);
  EXPECT_FALSE(p->seconds_left);
}

}  // namespace
}  // namespace iosctl::ios
