#include "iosctl/dialog/device_error.h"

#include "iosctl/driver/platform_profile.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace iosctl::dialog {
namespace {

std::string error_in(std::string_view platform, std::string_view output) {
  const std::optional<std::string> found =
      find_device_error(driver::platform_profile(platform), output);
  return found ? *found : "none";
}

TEST(DialogDeviceError, IosErrorKinds) {
  // IOS_BEHAVIOR 8: each kind is found, and the caret line above is not the message.
  EXPECT_EQ(
      error_in("cisco_ios", "                   ^\n% Invalid input detected at '^' marker.\n\n"),
      "% Invalid input detected at '^' marker.");
  EXPECT_EQ(error_in("cisco_ios", "% Incomplete command.\n\n"), "% Incomplete command.");
  EXPECT_EQ(error_in("cisco_ios", "% Ambiguous command:  \"a\"\n"), "% Ambiguous command:  \"a\"");
  EXPECT_EQ(error_in("cisco_ios", "%Error opening flash:x (No such file or directory)\n"),
            "%Error opening flash:x (No such file or directory)");
  EXPECT_EQ(error_in("cisco_ios",
                     "Translating \"showboot\"\n% Unknown command or computer name, "
                     "or unable to find computer address\n"),
            "% Unknown command or computer name, or unable to find computer address");
  EXPECT_EQ(error_in("cisco_ios",
                     "% Bad IP address or host name% Unknown command or computer "
                     "name, or unable to find computer address\n"),
            "% Bad IP address or host name% Unknown command or computer name, or unable to find "
            "computer address");
}

TEST(DialogDeviceError, IosOrdinaryOutputIsNoError) {
  // Syslog lines and warnings are not command errors.
  EXPECT_EQ(error_in("cisco_ios", "*Mar  1 00:00:01: %SYS-5-CONFIG_I: Configured from console\n"),
            "none");
  EXPECT_EQ(error_in("cisco_ios", "%Warning:There is a file already existing with this name\n"),
            "none");
  EXPECT_EQ(error_in("cisco_ios", "Building configuration...\n[OK]\n"), "none");
}

TEST(DialogDeviceError, OtherPlatformsMarkers) {
  // Each platform words its errors its own way.
  EXPECT_EQ(error_in("cisco_nxos", "                        ^\n% Invalid command at '^' marker.\n"),
            "% Invalid command at '^' marker.");
  EXPECT_EQ(error_in("cisco_xr",
                     "% Failed to commit one or more configuration items during a "
                     "pseudo-atomic operation.\n"),
            "% Failed to commit one or more configuration items during a pseudo-atomic operation.");
  EXPECT_EQ(error_in("arista_eos", "% Invalid input (at token 1: 'foo')\n"),
            "% Invalid input (at token 1: 'foo')");
  EXPECT_EQ(error_in("juniper_junos", "                 ^\nsyntax error.\n"), "syntax error.");
  EXPECT_EQ(error_in("juniper_junos", "'i' is ambiguous.\nPossible completions:\n"),
            "'i' is ambiguous.");
  EXPECT_EQ(error_in("juniper_junos", "error: configuration check-out failed\n"),
            "error: configuration check-out failed");
  EXPECT_EQ(error_in("nokia_sros", "MINOR: MGMT_CORE #2201: Unknown element - 'tt'\n"),
            "MINOR: MGMT_CORE #2201: Unknown element - 'tt'");
  EXPECT_EQ(error_in("juniper_junos", "commit complete\nExiting configuration mode\n"), "none");
}

}  // namespace
}  // namespace iosctl::dialog
