#include "iosctl/config/hostname.h"

#include <gtest/gtest.h>

namespace iosctl::config {
namespace {

TEST(HostnameOf, TheTopLevelLineNamesTheDevice) {
  // CRLF, trailing blanks and an indented `hostname` in a block do not count.
  EXPECT_EQ(hostname_of("version 17.3\r\nhostname br1  \r\nip dhcp pool A\n hostname x\nend\n"),
            "br1");
}

TEST(HostnameOf, NoLineIsNoName) {
  EXPECT_EQ(hostname_of("version 17.3\n!\nend\n"), std::nullopt);
  EXPECT_EQ(hostname_of("hostname\n"), std::nullopt);
}

TEST(HostnameOf, TheLastLineWins) { EXPECT_EQ(hostname_of("hostname a\nhostname b\n"), "b"); }

}  // namespace
}  // namespace iosctl::config
