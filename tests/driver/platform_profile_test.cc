#include "iosctl/driver/platform_profile.h"

#include "iosctl/dialog/prompt_rules.h"
#include "iosctl/error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::driver {
namespace {

TEST(Profile, EveryKnownTypeHasACompilingProfile) {
  // Each listed device type resolves, names itself, and its patterns compile.
  const std::vector<std::string> names = platform_names();
  EXPECT_EQ(names, (std::vector<std::string>{"cisco_ios", "cisco_xe", "cisco_nxos", "cisco_xr",
                                             "arista_eos", "juniper_junos", "nokia_sros"}));
  for (const std::string& name : names) {
    const dialog::PlatformProfile profile = platform_profile(name);
    EXPECT_EQ(profile.name, name);
    EXPECT_NO_THROW(dialog::PromptRules rules(profile)) << name;
    EXPECT_FALSE(profile.prepare.empty()) << name;
    EXPECT_FALSE(profile.config_enter.empty()) << name;
    EXPECT_FALSE(profile.config_exit.empty()) << name;
    EXPECT_FALSE(profile.error_prefixes.empty()) << name;
  }
}

TEST(Profile, IosPreparesLikeNetmiko) {
  // IOS_BEHAVIOR 2: paging off and a wide terminal; config via `configure terminal` / `end`.
  const dialog::PlatformProfile ios = platform_profile("cisco_ios");
  EXPECT_EQ(ios.prepare, (std::vector<std::string>{"terminal length 0", "terminal width 511"}));
  EXPECT_EQ(ios.enable, "enable");
  EXPECT_EQ(ios.config_enter, "configure terminal");
  EXPECT_EQ(ios.config_exit, "end");
  EXPECT_EQ(ios.commit, "");
  EXPECT_EQ(ios.config_host_limit, 20u);
}

TEST(Profile, CommitPlatformsCommitAndDiscard) {
  // XR commits in config mode; Junos commits and leaves; SR OS commits a private candidate.
  EXPECT_EQ(platform_profile("cisco_xr").commit, "commit");
  EXPECT_EQ(platform_profile("cisco_xr").discard, "abort");
  EXPECT_EQ(platform_profile("juniper_junos").commit, "commit and-quit");
  EXPECT_EQ(platform_profile("juniper_junos").discard, "rollback 0");
  EXPECT_EQ(platform_profile("nokia_sros").config_enter, "edit-config private");
  EXPECT_EQ(platform_profile("nokia_sros").commit, "commit");
}

TEST(Profile, UnknownTypeListsTheKnownOnes) {
  // A misspelt device type is a usage error that names the valid choices.
  EXPECT_EQ(find_platform_profile("cisco_iosxe"), std::nullopt);
  try {
    platform_profile("cisco_iosxe");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::usage);
    EXPECT_STREQ(e.what(),
                 "unknown device type 'cisco_iosxe'; use one of: cisco_ios, cisco_xe, cisco_nxos, "
                 "cisco_xr, arista_eos, juniper_junos, nokia_sros");
  }
}

}  // namespace
}  // namespace iosctl::driver
