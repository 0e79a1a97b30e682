#include "iosctl/config/normalize.h"

#include "iosctl/config/parse.h"
#include "iosctl/config/render.h"

#include <gtest/gtest.h>

namespace iosctl::config {
namespace {

// The `show running-config` framing and IOS's own lines are not configuration.
TEST(NormalizeTest, DropsVolatileLines) {
  const Config c = normalize(
      parse_config("Building configuration...\n\nCurrent configuration : 1234 bytes\n!\n"
                   "! Last configuration change at 09:14:02 UTC Tue Nov 3 2026 by netops\n"
                   "! NVRAM config last updated at 09:14:05 UTC Tue Nov 3 2026 by netops\n"
                   "version 16.12\nntp clock-period 17208\nntp server 192.0.2.10\nend\n"));
  EXPECT_EQ(render_canonical(c), "version 16.12\nntp server 192.0.2.10\nend\n");
  EXPECT_EQ(render(c), "version 16.12\nntp server 192.0.2.10\nend\n");
}

// Classic IOS prefixes `show startup-config` with its NVRAM usage.
TEST(NormalizeTest, DropsStartupConfigUsageLine) {
  EXPECT_TRUE(is_volatile_line("Using 1316 out of 196600 bytes"));
  EXPECT_FALSE(is_volatile_line("ntp server 192.0.2.1"));
  EXPECT_FALSE(is_volatile_line("description Using 10 out of 20 bytesx"));
}

}  // namespace
}  // namespace iosctl::config
