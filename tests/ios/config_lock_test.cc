#include "iosctl/ios/config_lock.h"

#include <gtest/gtest.h>

namespace iosctl::ios {
namespace {

TEST(ParseConfigLock, LockedSectionNamesUserAndLine) {
  // The holder is read from the Parser Configure Lock section, whatever the column widths.
  const auto holder = parse_config_lock(
      "\nParser Configure Lock\n---------------------\nOwner PID : 3\nUser : netops\n"
      "TTY : 4\nType : EXCLUSIVE\nState : LOCKED\nClass : EXPOSED\n");
  ASSERT_TRUE(holder.has_value());
  EXPECT_EQ(holder->user, "netops");
  EXPECT_EQ(holder->tty, "4");
}

TEST(ParseConfigLock, FreeLockAndOtherSectionsAreNoLock) {
  // FREE means nobody holds it; a Config Session Lock section is not the parser lock.
  EXPECT_FALSE(parse_config_lock("Parser Configure Lock\n---------------------\n"
                                 "Owner PID         : -1\nUser              : unknown\n"
                                 "TTY               : -1\nType              : NO LOCK\n"
                                 "State             : FREE\n")
                   .has_value());
  EXPECT_FALSE(parse_config_lock("Config Session Lock\n---------------------\nOwner PID : 578\n"
                                 "TTY number : 2\nState : LOCKED\n")
                   .has_value());
}

TEST(ParseConfigLock, SecondSectionLockedIsFound) {
  // Some releases print several parser-lock sections; any LOCKED one counts.
  const auto holder = parse_config_lock(
      "Parser Configure Lock\nUser : unknown\nTTY : -1\nState : FREE\n\n"
      "Parser Configure Lock\nUser : bob\nTTY : 7\nState : LOCKED\n");
  ASSERT_TRUE(holder.has_value());
  EXPECT_EQ(holder->user, "bob");
}

TEST(RefusedByLock, RecognisesTheRefusal) {
  // The line IOS prints instead of entering configuration mode.
  EXPECT_TRUE(
      refused_by_lock("Configuration mode locked exclusively by user 'a' process '88' "
                      "from terminal '0'. Please try later.\n"));
  EXPECT_FALSE(
      refused_by_lock("Configuration mode locked exclusively. The lock will be "
                      "cleared once you exit out of configuration mode using end/exit\n"));
}

}  // namespace
}  // namespace iosctl::ios
