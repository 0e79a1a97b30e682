#include "dialog/dialogue_harness.h"
#include "iosctl/dialog/dialogue.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "support/scripted_stream.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace iosctl::dialog {
namespace {

using test::ScriptedStream;

using Session = ScriptedSession;

TEST(DialogCommand, PagerIsAnsweredAndErased) {
  // ` --More-- ` gets a space; neither it nor its erase sequence reaches the output.
  Session s("ios_paging.txt");
  const CommandResult result = s.dialogue.send_command("show running-config");
  EXPECT_EQ(
      result.output,
      "Building configuration...\n\nCurrent configuration : 120 bytes\n!\nhostname r1\n!\n"
      "interface GigabitEthernet1\n ip address 192.0.2.1 255.255.255.0\n shutdown\n!\nend\n\n");
  EXPECT_EQ(result.prompt, "r1#");
  EXPECT_EQ(result.error, std::nullopt);
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogCommand, HostnameChangeIsLearnedWhenAnyPromptIsAccepted) {
  // After a replace that renames the device, any prompt ends it and becomes the new prompt.
  Session s("ios_hostname_change.txt");
  CommandOptions options;
  options.any_prompt = true;
  const CommandResult replace =
      s.dialogue.send_command("configure replace flash:candidate_config.txt force", options);
  EXPECT_EQ(replace.output, "Total number of passes: 1\nRollback Done\n\n");
  EXPECT_EQ(s.dialogue.host(), "pynet-rtr1");
  EXPECT_EQ(s.dialogue.send_command("show clock").output, "*10:00:00.000 UTC Mon Mar 1 2021\n");
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogCommand, OtherHostPromptDoesNotEndACommand) {
  // Without any_prompt, a prompt of another host is output; the deadline ends the wait.
  Options options;
  options.timeout = std::chrono::seconds(5);
  Session s("ios_hostname_change.txt", options);
  try {
    s.dialogue.send_command("configure replace flash:candidate_config.txt force");
    FAIL() << "expected a timeout";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::unreachable);
    EXPECT_STREQ(e.what(),
                 "timed out after 5s waiting for the prompt after 'configure replace "
                 "flash:candidate_config.txt force' (last line \"pynet-rtr1#\"); if the device "
                 "asks a question, give an answer for it; otherwise raise the timeout");
  }
}

TEST(DialogCommand, ConfirmAndFileNameQuestionsGetEnter) {
  // `delete` asks for the file name, then `[confirm]`; both get Enter by default.
  Session s("ios_question_confirm.txt");
  const CommandResult result = s.dialogue.send_command("delete flash:old.cfg");
  EXPECT_EQ(result.output, "Delete filename [old.cfg]? \nDelete flash:/old.cfg? [confirm]\n\n");
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogCommand, DestinationFilenameGetsEnter) {
  // `copy running-config startup-config` asks for the destination; Enter keeps the default.
  Session s("ios_question_destination.txt");
  const CommandResult result = s.dialogue.send_command("copy running-config startup-config");
  EXPECT_EQ(result.output,
            "Destination filename [startup-config]? \nBuilding configuration...\n[OK]\n");
  EXPECT_EQ(result.error, std::nullopt);
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogCommand, CallerAnswersOverrideThePlatformTable) {
  // An answer given for one command wins over the default for the same question.
  ScriptedStream stream(
      ">\n\nr1#\\c\n> delete flash:old.cfg\ndelete flash:old.cfg\nDelete filename [old.cfg]? \\c\n"
      ">\n\nDelete flash:/old.cfg? [confirm]\\c\n> n\nn\n\nr1#\\c\n");
  Dialogue dialogue(stream, bare("cisco_ios"), {});
  dialogue.open();
  CommandOptions options;
  options.answers = {Answer{R"(\[confirm\]$)", "n\n"}};
  dialogue.send_command("delete flash:old.cfg", options);
  EXPECT_EQ(stream.sent(), "\ndelete flash:old.cfg\n\nn\n");
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogCommand, PasswordQuestionGetsTheEnableSecret) {
  // A plain `Password:` during a command is answered with the enable secret.
  Options options;
  options.enable_secret = "s3cret-enable";
  ScriptedStream stream = ScriptedStream::from_fixture("ios_question_password.txt");
  Dialogue dialogue(stream, bare("cisco_ios"), std::move(options));
  // Find the prompt by hand: with a secret, open() would enable by itself.
  CommandOptions first;
  first.any_prompt = true;
  dialogue.send_command("", first);
  EXPECT_EQ(dialogue.mode(), Mode::user_exec);
  dialogue.send_command("enable");
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_EQ(stream.sent(), "\nenable\ns3cret-enable\n");
}

TEST(DialogCommand, PasswordTypedForTheCallerStaysOutOfTheLog) {
  // What is typed at any password question is masked, even from a caller's answer.
  std::string log;
  Options options;
  options.log = [&](LogDirection, std::string_view bytes) { log += bytes; };
  Session s("ios_question_scp_password.txt", options);
  CommandOptions command;
  command.answers = {Answer{R"([Pp]assword:$)", "scp-pa55\n"}};
  const CommandResult result =
      s.dialogue.send_command("copy scp://backup@192.0.2.10/r1.cfg flash:r1.cfg", command);
  EXPECT_EQ(result.output,
            "Destination filename [r1.cfg]? \nPassword:  Sending file modes: C0644 1234 r1.cfg\n!\n"
            "1234 bytes copied in 0.512 secs (2410 bytes/sec)\n");
  EXPECT_NE(s.stream.sent().find("scp-pa55\n"), std::string::npos);
  EXPECT_EQ(log.find("scp-pa55"), std::string::npos) << log;
  EXPECT_NE(log.find("<redacted>\n"), std::string::npos) << log;
}

TEST(DialogCommand, UnexpectedQuestionEndsAtTheDeadlineQuotingIt) {
  // Nobody answers `[no]:`; the timeout error quotes the question so the user can add an answer.
  Options options;
  options.timeout = std::chrono::seconds(30);
  Session s("ios_unexpected_question.txt", options);
  try {
    s.dialogue.send_command("configure replace flash:candidate_config.txt");
    FAIL() << "expected a timeout";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::unreachable);
    EXPECT_STREQ(e.what(),
                 "timed out after 30s waiting for the prompt after 'configure replace "
                 "flash:candidate_config.txt' (last line \"configuration. Enter Y if you are sure "
                 "you want to proceed. ? [no]:\"); if the device asks a question, give an answer "
                 "for it; otherwise raise the timeout");
  }
}

TEST(DialogCommand, FileErrorIsReported) {
  // `%Error opening ...` after the file name question is the command's error.
  Session s("ios_error_file.txt");
  const CommandResult result = s.dialogue.send_command("copy flash:missing.cfg running-config");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->line, "copy flash:missing.cfg running-config");
  EXPECT_EQ(result.error->message, "%Error opening flash:missing.cfg (No such file or directory)");
}

TEST(DialogCommand, UnknownCommandIsReported) {
  // An unknown word in EXEC: IOS tries to telnet to it and says so.
  Session s("ios_error_unknown_command.txt");
  const CommandResult result = s.dialogue.send_command("showboot");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->line, "showboot");
  EXPECT_EQ(result.error->message,
            "% Unknown command or computer name, or unable to find computer address");
}

TEST(DialogCommand, BadIpAddressIsReported) {
  // IOS-XE's combined `% Bad IP address or host name% Unknown command...` line is one error.
  ScriptedStream stream = ScriptedStream::from_fixture("ios_error_bad_ip.txt");
  Dialogue dialogue(stream, bare("cisco_xe"), {});
  dialogue.open();
  const CommandResult result = dialogue.send_command("end");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->message,
            "% Bad IP address or host name% Unknown command or computer name, or unable to find "
            "computer address");
}

TEST(DialogCommand, ScrolledLongCommandEchoIsStripped) {
  // The sideways-scrolled echo of a long command (`$`, backspaces) is not output.
  Session s("ios_long_command_scrolled.txt");
  const CommandResult result = s.dialogue.send_command(
      "show archive config differences flash:candidate_config.txt system:running-config");
  EXPECT_EQ(result.output, "!Contextual Config Diffs:\n+hostname r2\n-hostname r1\n\n");
}

TEST(DialogCommand, LineEndsAreNormalised) {
  // CR CR LF and LF line ends both come out as LF.
  Session s("ios_line_endings.txt");
  EXPECT_EQ(s.dialogue.send_command("show clock").output, "*10:00:00.000 UTC Mon Mar 1 2021\n");
  EXPECT_EQ(s.dialogue.send_command("show users").output,
            "    Line       User       Host(s)              Idle       Location\n"
            "*  2 vty 0     admin      idle                 00:00:00 192.0.2.50\n\n");
  EXPECT_TRUE(s.stream.finished()) << s.stream.remaining();
}

TEST(DialogCommand, ExpectPatternEndsTheReadBeforeThePrompt) {
  // With `expect`, the read ends where the pattern appears; the mode is unchanged.
  ScriptedStream stream(
      ">\n\nr1#\\c\n> copy running-config flash:backup.cfg\ncopy running-config flash:backup.cfg\n"
      "Destination filename [backup.cfg]? \\c\n>\n\n2816 bytes copied in 0.103 secs\nr1#\\c\n");
  Dialogue dialogue(stream, bare("cisco_ios"), {});
  dialogue.open();
  CommandOptions options;
  options.expect = R"(Destination filename \[[^\]]*\]\?)";
  options.platform_answers = false;
  const CommandResult asked =
      dialogue.send_command("copy running-config flash:backup.cfg", options);
  EXPECT_EQ(asked.output, "Destination filename [backup.cfg]? ");
  EXPECT_EQ(asked.prompt, "Destination filename [backup.cfg]?");
  EXPECT_EQ(dialogue.send_command("").output, "2816 bytes copied in 0.103 secs\n");
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogCommand, BadExpectPatternIsAUsageError) {
  // A caller's regex that does not compile is reported before anything is sent.
  ScriptedStream stream(">\n\nr1#\\c\n");
  Dialogue dialogue(stream, bare("cisco_ios"), {});
  dialogue.open();
  CommandOptions options;
  options.expect = "[unclosed";
  try {
    dialogue.send_command("show clock", options);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::usage);
    EXPECT_TRUE(std::string(e.what()).starts_with(
        "invalid regular expression for the expected pattern '[unclosed' ("))
        << e.what();
  }
  EXPECT_EQ(stream.sent(), "\n");
}

}  // namespace
}  // namespace iosctl::dialog
