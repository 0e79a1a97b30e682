#include "dialog/dialogue_harness.h"
#include "iosctl/dialog/dialogue.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "support/error_of.h"
#include "support/scripted_stream.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace iosctl::dialog {
namespace {

using test::ScriptedStream;
using Clock = std::chrono::steady_clock;

using test::error_of;

// Options that enable with `secret` when the login lands at user EXEC.
Options with_secret(std::string secret) {
  Options options;
  options.enable_secret = std::move(secret);
  return options;
}

TEST(DialogOpen, UserExecLoginEnablesThenPrepares) {
  // At `>` with a secret: enable answers `Password:`, then the IOS preparation runs.
  ScriptedStream stream = ScriptedStream::from_fixture("ios_login_user_exec_enable.txt");
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), with_secret("s3cret-enable"));
  dialogue.open();
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_EQ(dialogue.prompt(), "r1#");
  EXPECT_EQ(dialogue.host(), "r1");
  EXPECT_EQ(stream.sent(), "\nenable\ns3cret-enable\nterminal length 0\nterminal width 511\n");
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogOpen, PrivilegedLoginOnlyPrepares) {
  // At `#` there is nothing to enable; preparation waits for each echo and prompt.
  ScriptedStream stream = ScriptedStream::from_fixture("ios_login_privileged.txt");
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), {});
  dialogue.open();
  EXPECT_EQ(dialogue.mode(), Mode::privileged_exec);
  EXPECT_EQ(dialogue.prompt(), "csr1000v#");
  EXPECT_EQ(stream.sent(), "\nterminal length 0\nterminal width 511\n");
  EXPECT_TRUE(stream.finished()) << stream.remaining();
}

TEST(DialogOpen, SplitReadsGiveTheSameSession) {
  // Replies cut into 1, 2, 3 and 7 byte reads lead to the same session.
  for (const std::size_t chunk : {1u, 2u, 3u, 7u}) {
    ScriptedStream stream = ScriptedStream::from_fixture("ios_login_user_exec_enable.txt", chunk);
    Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), with_secret("s3cret-enable"));
    dialogue.open();
    EXPECT_EQ(dialogue.mode(), Mode::privileged_exec) << "chunk " << chunk;
    EXPECT_EQ(dialogue.prompt(), "r1#") << "chunk " << chunk;
    EXPECT_EQ(stream.sent(), "\nenable\ns3cret-enable\nterminal length 0\nterminal width 511\n")
        << "chunk " << chunk;
    EXPECT_TRUE(stream.finished()) << "chunk " << chunk << ": " << stream.remaining();
  }
}

TEST(DialogOpen, SessionLogNeverShowsTheSecret) {
  // Every byte is logged, in order, with the enable secret replaced, even in 1-byte reads.
  ScriptedStream stream = ScriptedStream::from_fixture("ios_login_user_exec_enable.txt", 1);
  std::string sent;
  std::string received;
  Options options = with_secret("s3cret-enable");
  options.log = [&](LogDirection direction, std::string_view bytes) {
    (direction == LogDirection::sent ? sent : received) += bytes;
  };
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), options);
  dialogue.open();
  EXPECT_EQ(sent, "\nenable\n<redacted>\nterminal length 0\nterminal width 511\n");
  EXPECT_EQ(received.find("s3cret"), std::string::npos);
  EXPECT_TRUE(received.ends_with("terminal width 511\r\nr1#")) << received;
  EXPECT_NE(received.find("Password: \r\nr1#"), std::string::npos) << received;
}

TEST(DialogOpen, WrongEnableSecretNamesTheFix) {
  // The secret is sent once; IOS asks twice more, prints `% Bad secrets` and stays at `>`.
  ScriptedStream stream = ScriptedStream::from_fixture("ios_enable_wrong_secret.txt");
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), with_secret("wrong-secret"));
  EXPECT_EQ(error_of([&] { dialogue.open(); }, Failure::unreachable),
            "enable failed: the device rejected the enable secret (% Bad secrets); set the "
            "correct enable secret for this device");
  EXPECT_EQ(stream.sent(), "\nenable\nwrong-secret\n\n\n");
  EXPECT_EQ(dialogue.mode(), Mode::user_exec);
}

TEST(DialogOpen, NoEnablePasswordOnTheDevice) {
  // `% No password set`: the fix is on the device or in the login, not in our secret.
  ScriptedStream stream = ScriptedStream::from_fixture("ios_enable_no_password_set.txt");
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), with_secret("x"));
  EXPECT_EQ(error_of([&] { dialogue.open(); }, Failure::unreachable),
            "enable failed: the device answered \"% No password set\"; configure an enable secret "
            "on the device or log in as a user with privilege 15");
}

TEST(DialogOpen, EnableWithoutASecretSaysSo) {
  // Asked for a password with no secret given: fail at once, naming the fix.
  ScriptedStream stream = ScriptedStream::from_fixture("ios_question_password.txt");
  Dialogue dialogue(stream, bare("cisco_ios"), {});
  dialogue.open();
  EXPECT_EQ(dialogue.mode(), Mode::user_exec);  // no secret: open() leaves it at `>`
  EXPECT_EQ(error_of([&] { dialogue.enter_enable(""); }, Failure::unreachable),
            "the device asks for a password (\"Password:\") and no enable secret was given; set "
            "the enable secret for this device");
}

TEST(DialogOpen, EveryReadHasTheDeadlineOfItsTimeout) {
  // Deadlines are now() + timeout, with time passed in; nothing sleeps.
  ScriptedStream stream = ScriptedStream::from_fixture("ios_login_privileged.txt");
  const Clock::time_point start = Clock::time_point{} + std::chrono::hours(1);
  Options options;
  options.timeout = std::chrono::seconds(12);
  options.now = [&] { return start; };
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), options);
  dialogue.open();
  ASSERT_EQ(stream.deadlines().size(), 3u);
  for (const Clock::time_point deadline : stream.deadlines()) {
    EXPECT_EQ(deadline, start + std::chrono::seconds(12));
  }
}

TEST(DialogOpen, NoPromptBeforeTheDeadline) {
  // A device that never shows a prompt ends in a timeout quoting what it showed.
  ScriptedStream stream(">\nlogin: \\c\n@timeout\n");
  Options options;
  options.timeout = std::chrono::milliseconds(1500);
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), options);
  EXPECT_EQ(error_of([&] { dialogue.open(); }, Failure::unreachable),
            "timed out after 1500ms waiting for a cisco_ios prompt (last line \"login:\"); check "
            "that the device type is cisco_ios and that the login ends at its command prompt");
}

TEST(DialogOpen, RejectedPreparationPointsAtTheDeviceType) {
  // A preparation command the device refuses means the device type is wrong.
  ScriptedStream stream(
      ">\n\nr1#\\c\n> terminal length 0\nterminal length 0\n                  ^\n"
      "% Invalid input detected at '^' marker.\n\nr1#\\c\n");
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), {});
  EXPECT_EQ(error_of([&] { dialogue.open(); }, Failure::usage),
            "session preparation failed: 'terminal length 0' was rejected with \"% Invalid input "
            "detected at '^' marker.\"; check that the device type is cisco_ios");
}

TEST(DialogOpen, LostConnectionIsUnreachable) {
  // The Stream's unreachable error passes through unchanged.
  ScriptedStream stream(">\n\nr1#\\c\n> terminal length 0\n@disconnect\n");
  Dialogue dialogue(stream, driver::platform_profile("cisco_ios"), {});
  EXPECT_EQ(error_of([&] { dialogue.open(); }, Failure::unreachable),
            "connection to the device was lost");
}

}  // namespace
}  // namespace iosctl::dialog
