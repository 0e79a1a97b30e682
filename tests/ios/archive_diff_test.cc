// Normalising `show archive config differences` output as NAPALM does.

#include "iosctl/ios/archive_diff.h"

#include <gtest/gtest.h>

namespace iosctl::ios {
namespace {

TEST(NormalizeArchiveDiff, NoChangesIsEmpty) {
  // The header and the no-change marker leave nothing.
  EXPECT_EQ(normalize_archive_diff("!Contextual Config Diffs:\r\n!No changes were found\r\n\r\n"),
            "");
}

TEST(NormalizeArchiveDiff, KeepsChangesDropsHeaderAndNoise) {
  // Changes stay in order; the header, ntp clock-period and file prompt quiet go.
  EXPECT_EQ(normalize_archive_diff("!Contextual Config Diffs:\r\n"
                                   "interface GigabitEthernet2\r\n"
                                   " +ip address 192.0.2.1 255.255.255.0\r\n"
                                   "+file prompt quiet\r\n"
                                   "-ntp clock-period 17179867\r\n"
                                   "interface GigabitEthernet2\r\n"
                                   " -no ip address\r\n"),
            "interface GigabitEthernet2\n"
            " +ip address 192.0.2.1 255.255.255.0\n"
            "interface GigabitEthernet2\n"
            " -no ip address\n");
}

TEST(NormalizeArchiveDiff, OldHeaderWithoutBang) {
  // IOS 12.4's header without `!` is dropped too.
  EXPECT_EQ(normalize_archive_diff("Contextual Config Diffs:\n+hostname r2\n"), "+hostname r2\n");
}

}  // namespace
}  // namespace iosctl::ios
