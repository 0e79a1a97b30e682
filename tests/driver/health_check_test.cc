// Health checks: parsing `CMD=~REGEX` and judging a command's output.

#include "iosctl/driver/health_check.h"

#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "support/scripted_stream.h"

#include <gtest/gtest.h>

namespace iosctl::driver {
namespace {

std::string usage_error(std::string_view spec) {
  try {
    parse_health_check(spec);
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::usage);
    return e.what();
  }
  return "(no error)";
}

TEST(HealthCheck, SplitsAtTheFirstMatchOperator) {
  // The command is trimmed; the regex keeps everything after `=~`, `=~` included.
  const HealthCheck c = parse_health_check(" show ip route =~ via 10\\.0\\.0\\.1=~x");
  EXPECT_EQ(c.command.str(), "show ip route");
  EXPECT_EQ(c.pattern, " via 10\\.0\\.0\\.1=~x");
}

TEST(HealthCheck, MalformedChecksNameTheForm) {
  // No operator, an empty side, or a broken regex: one line naming the fix.
  EXPECT_EQ(usage_error("show version"),
            "--health-check 'show version': write it as \"COMMAND=~REGEX\", e.g. \"show ip "
            "interface brief=~GigabitEthernet1 +\\S+ +YES\"");
  EXPECT_NE(usage_error("=~up").find("write it as \"COMMAND=~REGEX\""), std::string::npos);
  EXPECT_NE(usage_error("show version=~").find("write it as"), std::string::npos);
  EXPECT_NE(usage_error("show version=~(unclosed").find("the regex does not compile"),
            std::string::npos);
}

TEST(HealthCheck, JudgesEachOutput) {
  // A match passes; no match and a rejected command fail with the reason.
  dialog::PlatformProfile profile = platform_profile("cisco_ios");
  profile.prepare.clear();
  test::ScriptedStream stream(
      ">\n\nr1#\\c\n"
      "> show ip interface brief\nshow ip interface brief\nGigabitEthernet1 192.0.2.1 YES up up\n"
      "r1#\\c\n"
      "> show clock\nshow clock\n*10:00:00.000 UTC Tue Nov 24 2026\nr1#\\c\n"
      "> show bogus\nshow bogus\n     ^\n% Invalid input detected at '^' marker.\n\nr1#\\c\n");
  GenericDriver driver(stream, profile, {});
  driver.open();
  const std::vector<HealthCheckResult> results = run_health_checks(
      driver, {parse_health_check("show ip interface brief=~GigabitEthernet1 .* up +up"),
               parse_health_check("show clock=~1999"), parse_health_check("show bogus=~x")});
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].passed);
  EXPECT_FALSE(results[1].passed);
  EXPECT_EQ(results[1].reason, "the output does not match 1999");
  EXPECT_FALSE(results[2].passed);
  EXPECT_EQ(results[2].reason, "the device rejected it: % Invalid input detected at '^' marker.");
}

}  // namespace
}  // namespace iosctl::driver
