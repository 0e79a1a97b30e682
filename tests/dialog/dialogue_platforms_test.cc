#include "iosctl/dialog/dialogue.h"
#include "iosctl/driver/platform_profile.h"
#include "support/scripted_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::dialog {
namespace {

using test::ScriptedStream;

TEST(DialogPlatforms, NxosStopsAtTheRejectedLine) {
  // NX-OS: prompts with a trailing space, `% Invalid command`, then `end`.
  ScriptedStream stream = ScriptedStream::from_fixture("nxos_config_cycle.txt");
  Dialogue dialogue(stream, driver::platform_profile("cisco_nxos"), {});
  dialogue.open();
  EXPECT_EQ(dialogue.prompt(), "n9k-1#");
  const ConfigResult result = dialogue.send_config(
      {"interface Ethernet1/10", "description uplink", "ip address 10.0.50.3/24", "no shutdown"});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, "ip address 10.0.50.3/24");
  EXPECT_EQ(result.errors[0].message, "% Invalid command at '^' marker.");
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogPlatforms, XrCommitsBeforeLeaving) {
  // IOS XR: the lines go to a candidate; `commit` applies them, then `end`.
  ScriptedStream stream = ScriptedStream::from_fixture("xr_config_commit.txt");
  Dialogue dialogue(stream, driver::platform_profile("cisco_xr"), {});
  dialogue.open();
  EXPECT_EQ(dialogue.host(), "RP/0/RP0/CPU0:xr1");
  const ConfigResult result =
      dialogue.send_config({"interface GigabitEthernet0/0/0/0", "description core link"});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_TRUE(result.committed);
  EXPECT_EQ(result.output,
            "RP/0/RP0/CPU0:xr1(config)#interface GigabitEthernet0/0/0/0\n"
            "RP/0/RP0/CPU0:xr1(config-if)#description core link\n"
            "RP/0/RP0/CPU0:xr1(config-if)#commit\nMon Mar  1 10:00:02.404 UTC\n");
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogPlatforms, XrFailedCommitIsAbortedAndReported) {
  // A failed XR commit is reported as the `commit` line's error and the candidate aborted.
  PlatformProfile xr = driver::platform_profile("cisco_xr");
  xr.prepare.clear();
  ScriptedStream stream = ScriptedStream::from_fixture("xr_commit_failed.txt");
  Dialogue dialogue(stream, xr, {});
  dialogue.open();
  const ConfigResult result = dialogue.send_config({"router bgp 65000"});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, "commit");
  EXPECT_TRUE(result.errors[0].message.starts_with(
      "% Failed to commit one or more configuration items during a pseudo-atomic operation."));
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogPlatforms, EosEnablesAndTracksInterfaceLevels) {
  // Arista EOS: `>` then enable, preparation, and `(config-if-Et1)` levels.
  ScriptedStream stream = ScriptedStream::from_fixture("eos_config_cycle.txt");
  Options options;
  options.enable_secret = "eos-s3cret";
  Dialogue dialogue(stream, driver::platform_profile("arista_eos"), options);
  dialogue.open();
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  dialogue.enter_config();
  dialogue.send_command("interface Ethernet1");
  EXPECT_EQ(dialogue.sub_mode(), "config-if-Et1");
  dialogue.send_command("description to spine1");
  dialogue.exit_config();
  EXPECT_EQ(dialogue.prompt(), "leaf1#");
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogPlatforms, JunosCommitAndQuitLearnsTheNewHostName) {
  // Junos: `[edit]` above the prompt means config; `commit and-quit` leaves it, renamed.
  ScriptedStream stream = ScriptedStream::from_fixture("junos_config_commit.txt");
  Dialogue dialogue(stream, driver::platform_profile("juniper_junos"), {});
  dialogue.open();
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_EQ(dialogue.host(), "admin@vmx1");
  const ConfigResult result = dialogue.send_config(
      {"set interfaces ge-0/0/0 description uplink", "set system host-name vmx2"});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_TRUE(result.committed);
  EXPECT_EQ(result.output,
            "admin@vmx1#set interfaces ge-0/0/0 description uplink\n\n"
            "admin@vmx1#set system host-name vmx2\n\n"
            "admin@vmx1#commit and-quit\ncommit complete\nExiting configuration mode\n\n");
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_EQ(dialogue.host(), "admin@vmx2");
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogPlatforms, JunosSyntaxErrorRollsBack) {
  // A Junos syntax error: no commit, `rollback 0`, `exit configuration-mode`.
  PlatformProfile junos = driver::platform_profile("juniper_junos");
  junos.prepare.clear();
  ScriptedStream stream = ScriptedStream::from_fixture("junos_syntax_error.txt");
  Dialogue dialogue(stream, junos, {});
  dialogue.open();
  const ConfigResult result = dialogue.send_config({"set interfaces ge-0/0/0 descripton uplink"});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, "set interfaces ge-0/0/0 descripton uplink");
  EXPECT_EQ(result.errors[0].message, "syntax error.");
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogPlatforms, SrosPrivateCandidateIsCommitted) {
  // SR OS MD-CLI: the context line above the prompt shows `(pr)`; commit, then quit-config.
  ScriptedStream stream = ScriptedStream::from_fixture("sros_config_commit.txt");
  Dialogue dialogue(stream, driver::platform_profile("nokia_sros"), {});
  dialogue.open();
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_EQ(dialogue.host(), "A:admin@pe1");
  dialogue.enter_config();
  EXPECT_EQ(dialogue.mode(), Mode::config);
  EXPECT_EQ(dialogue.sub_mode(), "/");
  const ConfigResult result = dialogue.send_config(
      {R"(/configure router "Base" interface "system" ipv4 primary address 192.0.2.1)",
       R"(/configure router "Base" interface "system" ipv4 primary prefix-length 32)"});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_TRUE(result.committed);
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

}  // namespace
}  // namespace iosctl::dialog
