#include "dialog/dialogue_harness.h"
#include "iosctl/dialog/dialogue.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "support/scripted_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::dialog {
namespace {

using test::ScriptedStream;

using Session = ScriptedSession;

TEST(DialogConfig, ModesFollowThePromptWithATruncatedHostname) {
  // Each config level is tracked, though the prompt shows only 20 hostname characters.
  Session s("ios_config_submodes_truncated.txt");
  EXPECT_EQ(s.dialogue.host(), "veryveryverylonghostname");
  s.dialogue.enter_config();
  EXPECT_EQ(s.dialogue.mode(), Mode::config);
  EXPECT_EQ(s.dialogue.sub_mode(), "config");
  EXPECT_EQ(s.dialogue.prompt(), "veryveryverylonghost(config)#");
  s.dialogue.send_command("interface GigabitEthernet1");
  EXPECT_EQ(s.dialogue.sub_mode(), "config-if");
  s.dialogue.send_command("description uplink");
  s.dialogue.send_command("router ospf 1");
  EXPECT_EQ(s.dialogue.sub_mode(), "config-router");
  s.dialogue.exit_config();
  EXPECT_EQ(s.dialogue.mode(), Mode::privileged_exec);
  EXPECT_EQ(s.dialogue.sub_mode(), "");
  EXPECT_EQ(s.dialogue.host(), "veryveryverylonghostname");
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogConfig, SendConfigShowsTheSessionAsATerminalWould) {
  // send_config enters, sends each line, and ends; the output reads like the terminal.
  Session s("ios_config_submodes_truncated.txt");
  const ConfigResult result =
      s.dialogue.send_config({"interface GigabitEthernet1", "description uplink", "router ospf 1"});
  EXPECT_EQ(result.output,
            "veryveryverylonghost(config)#interface GigabitEthernet1\n"
            "veryveryverylonghost(config-if)#description uplink\n"
            "veryveryverylonghost(config-if)#router ospf 1\n");
  EXPECT_TRUE(result.errors.empty());
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(s.dialogue.mode(), Mode::privileged_exec);
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogConfig, HostnameLineChangesThePromptAtOnce) {
  // `hostname core-sw-2` shows `core-sw-2(config)#` next; the dialogue follows it.
  Session s("ios_config_hostname.txt");
  const ConfigResult result = s.dialogue.send_config({"hostname core-sw-2"});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_EQ(s.dialogue.host(), "core-sw-2");
  EXPECT_EQ(s.dialogue.prompt(), "core-sw-2#");
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogConfig, InvalidInputStopsAtTheFailingLine) {
  // The failing line and the device's message are reported; later lines are not sent.
  Session s("ios_error_invalid_input.txt");
  const ConfigResult result =
      s.dialogue.send_config({"logging 0255.255.1", "logging host 192.0.2.9"});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, "logging 0255.255.1");
  EXPECT_EQ(result.errors[0].message, "% Invalid input detected at '^' marker.");
  EXPECT_EQ(result.output,
            "R1(config)#logging 0255.255.1\n                   ^\n"
            "% Invalid input detected at '^' marker.\n\n");
  EXPECT_EQ(s.dialogue.mode(), Mode::privileged_exec);
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogConfig, IncompleteCommandIsReported) {
  // `% Incomplete command.` names the line that lacked its argument.
  Session s("ios_error_incomplete.txt");
  const ConfigResult result = s.dialogue.send_config({"logging"});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, "logging");
  EXPECT_EQ(result.errors[0].message, "% Incomplete command.");
}

TEST(DialogConfig, AmbiguousCommandIsReported) {
  // `% Ambiguous command:  "a"` keeps its two spaces and quotes.
  Session s("ios_error_ambiguous.txt");
  const ConfigResult result = s.dialogue.send_config({"a"});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, "a");
  EXPECT_EQ(result.errors[0].message, "% Ambiguous command:  \"a\"");
}

TEST(DialogConfig, YesNoQuestionInConfigModeGetsYes) {
  // Replacing RSA keys asks `[yes/no]:`; the default answer is yes.
  Session s("ios_question_yes_no.txt");
  const ConfigResult result = s.dialogue.send_config({"crypto key generate rsa modulus 2048"});
  EXPECT_TRUE(result.errors.empty());
  EXPECT_NE(result.output.find("Do you really want to replace them? [yes/no]: yes\n"),
            std::string::npos)
      << result.output;
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogConfig, CallerErrorPatternFailsALine) {
  // An extra error pattern catches what the platform's markers do not.
  ScriptedStream stream(
      ">\n\nr1#\\c\n> configure terminal\nconfigure terminal\nr1(config)#\\c\n"
      "> interface Tunnel0\ninterface Tunnel0\n%Warning: tunnel source not set\nr1(config-if)#\\c\n"
      "> end\nend\nr1#\\c\n");
  Dialogue dialogue(stream, bare("cisco_ios"), {});
  dialogue.open();
  ConfigOptions options;
  options.error_pattern = "^%Warning";
  const ConfigResult result = dialogue.send_config({"interface Tunnel0", "no shutdown"}, options);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, "interface Tunnel0");
  EXPECT_EQ(result.errors[0].message, "%Warning: tunnel source not set");
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogConfig, SecretsInConfigLinesAreRedactedInResults) {
  // A rejected line with a password is reported without the password.
  ScriptedStream stream(
      ">\n\nr1#\\c\n> configure terminal\nconfigure terminal\nr1(config)#\\c\n"
      "> username bob secret 0 Pl4in\nusername bob secret 0 Pl4in\n% Invalid input detected at "
      "'^' marker.\nr1(config)#\\c\n> end\nend\nr1#\\c\n");
  std::string log;
  Options options;
  options.log = [&](LogDirection, std::string_view bytes) { log += bytes; };
  Dialogue dialogue(stream, bare("cisco_ios"), options);
  dialogue.open();
  const ConfigResult result = dialogue.send_config({"username bob secret 0 Pl4in"});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, "username bob secret 0 <redacted>");
  EXPECT_EQ(result.output.find("Pl4in"), std::string::npos) << result.output;
  EXPECT_EQ(log.find("Pl4in"), std::string::npos) << log;
}

TEST(DialogConfig, ConfigModeRefusedAtUserExec) {
  // Without enable there is no config mode; the error says what to give.
  ScriptedStream stream(">\n\nr1>\\c\n");
  Dialogue dialogue(stream, bare("cisco_ios"), {});
  dialogue.open();
  try {
    dialogue.send_config({"hostname r2"});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::invalid);
    EXPECT_STREQ(e.what(),
                 "cannot enter config mode from user EXEC; set the enable secret for this device");
  }
  EXPECT_EQ(stream.sent(), "\n");
}

}  // namespace
}  // namespace iosctl::dialog
