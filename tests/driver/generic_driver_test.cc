#include "iosctl/driver/generic_driver.h"

#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "support/scripted_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::driver {
namespace {

using test::ScriptedStream;

// The prompt exchange every transcript starts with (no session preparation).
constexpr std::string_view kLogin = ">\n\nr1#\\c\n";

dialog::PlatformProfile bare(std::string_view platform) {
  dialog::PlatformProfile profile = platform_profile(platform);
  profile.prepare.clear();
  return profile;
}

// A ScriptedStream of kLogin + `rest` and an opened driver over it.
struct Fixture {
  explicit Fixture(const std::string& rest, std::string_view type = "cisco_ios")
      : stream(std::string(kLogin) + rest), driver(stream, bare(type), {}) {
    driver.open();
  }
  ScriptedStream stream;
  GenericDriver driver;
};

constexpr const char* kEnterConfig =
    "> configure terminal\nconfigure terminal\n"
    "Enter configuration commands, one per line.  End with CNTL/Z.\nr1(config)#\\c\n";
constexpr const char* kEnd = "> end\nend\nr1#\\c\n";
constexpr const char* kInvalid =
    "      ^\n% Invalid input detected at '^' marker.\n\nr1(config)#\\c\n";

TEST(GenericDriver, SendCommandReturnsOutputWithoutEchoOrPrompt) {
  // A show command gives back just its output, and no error.
  Fixture f("> show clock\nshow clock\n*10:00:00.000 UTC Mon Mar 1 2021\nr1#\\c\n");
  const CommandOutcome r = f.driver.send_command("show clock");
  EXPECT_EQ(r.command, "show clock");
  EXPECT_EQ(r.output, "*10:00:00.000 UTC Mon Mar 1 2021\n");
  EXPECT_FALSE(r.error);
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(GenericDriver, RejectedCommandCarriesTheDeviceMessage) {
  // `% Invalid input` becomes the outcome's error, the output is kept.
  Fixture f(
      "> show bogus\nshow bogus\n     ^\n% Invalid input detected at '^' marker.\n\nr1#\\c\n");
  const CommandOutcome r = f.driver.send_command("show bogus");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, "% Invalid input detected at '^' marker.");
}

TEST(GenericDriver, SendConfigCountsTheLinesAppliedBeforeARejection) {
  // The second of three lines is refused: one applied, the third never sent.
  Fixture f(std::string(kEnterConfig) +
            "> ntp server 192.0.2.1\nntp server 192.0.2.1\nr1(config)#\\c\n" +
            "> logging 0255.255.1\nlogging 0255.255.1\n" + kInvalid + kEnd);
  const ConfigOutcome o =
      f.driver.send_config({"ntp server 192.0.2.1", "logging 0255.255.1", "hostname r9"}, {});
  EXPECT_EQ(o.applied, 1u);
  EXPECT_EQ(o.total, 3u);
  ASSERT_TRUE(o.error);
  EXPECT_EQ(o.error->line, "logging 0255.255.1");
  EXPECT_EQ(o.error->message, "% Invalid input detected at '^' marker.");
  EXPECT_FALSE(o.saved);
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(GenericDriver, SaveRunsWriteMemoryAfterEveryLineApplied) {
  // --save: `write memory` follows the config session, and its reply is in the output.
  Fixture f(std::string(kEnterConfig) +
            "> ntp server 192.0.2.1\nntp server 192.0.2.1\nr1(config)#\\c\n" + kEnd +
            "> write memory\nwrite memory\nBuilding configuration...\n[OK]\nr1#\\c\n");
  const ConfigOutcome o = f.driver.send_config({"ntp server 192.0.2.1"}, {"", true});
  EXPECT_FALSE(o.error);
  EXPECT_TRUE(o.saved);
  EXPECT_EQ(o.applied, 1u);
  EXPECT_EQ(o.output,
            "r1(config)#ntp server 192.0.2.1\nr1#write memory\nBuilding configuration...\n[OK]\n");
}

TEST(GenericDriver, SaveCommandPerPlatform) {
  // IOS saves with write memory, NX-OS with copy, Junos by its commit (none).
  EXPECT_FALSE(save_command("juniper_junos"));
  EXPECT_EQ(save_command("cisco_ios"), "write memory");
  EXPECT_EQ(save_command("cisco_nxos"), "copy running-config startup-config");
}

constexpr const char* kRunning =
    "> show running-config\nshow running-config\nBuilding configuration...\n\n"
    "Current configuration : 60 bytes\n!\n! Last configuration change at 10:00:00 UTC\n!\n"
    "version 16.12\nhostname r1\n!\nend\n\nr1#\\c\n";

TEST(GenericDriver, GetConfigDropsTheShowHeaderAndVolatileLines) {
  // Normalised: no `Building configuration`, no `Current configuration`.
  Fixture f(kRunning);
  const std::string text = f.driver.get_config(ConfigSource::running, false);
  EXPECT_EQ(text.find("Building"), std::string::npos) << text;
  EXPECT_EQ(text.find("Current configuration"), std::string::npos) << text;
  EXPECT_TRUE(text.starts_with("version 16.12\nhostname r1\n")) << text;
}

TEST(GenericDriver, GetConfigRawKeepsWhatTheDeviceSent) {
  // --raw: the output as printed, header included.
  Fixture f(kRunning);
  const std::string text = f.driver.get_config(ConfigSource::running, true);
  EXPECT_TRUE(text.starts_with("Building configuration...\n\nCurrent configuration : 60 bytes\n"))
      << text;
}

TEST(GenericDriver, GetConfigOfARejectedSourceThrowsInvalid) {
  // A device without startup-config support rejects the command: Error{invalid}.
  Fixture f(
      "> show startup-config\nshow startup-config\n% Invalid input detected at '^' "
      "marker.\nr1#\\c\n");
  try {
    f.driver.get_config(ConfigSource::startup, false);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::invalid);
    EXPECT_EQ(std::string(e.what()),
              "'show startup-config' was rejected: % Invalid input detected at '^' marker.");
  }
}

}  // namespace
}  // namespace iosctl::driver
