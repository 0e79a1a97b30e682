#include "support/scripted_stream.h"

#include "iosctl/error.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace iosctl::test {
namespace {

using Clock = std::chrono::steady_clock;

TEST(DialogScriptedStream, RepliesFollowWhatWasSent) {
  // Replies come out once the send before them was made; lines get CRLF unless they end in \c.
  ScriptedStream s("> show clock\nshow clock\n10:00\nr1#\\c\n");
  EXPECT_EQ(s.read(Clock::now()), "");  // the device waits for us
  s.write("show clock\n");
  EXPECT_EQ(s.read(Clock::now()), "show clock\r\n10:00\r\nr1#");
  EXPECT_TRUE(s.finished());
  EXPECT_EQ(s.sent(), "show clock\n");
}

TEST(DialogScriptedStream, OutputBeforeOurSendStaysQueued) {
  // A send may overtake device output not read yet; that output still comes first.
  ScriptedStream s("banner\nr1>\\c\n>\n\\r\\nr1>\\c\n");
  s.write("\n");
  EXPECT_EQ(s.read(Clock::now()), "banner\r\nr1>");
  EXPECT_EQ(s.read(Clock::now()), "\r\nr1>");
  EXPECT_TRUE(s.finished());
}

TEST(DialogScriptedStream, ChunksEscapesAndLineEnds) {
  // @chunk splits replies; @eol changes line ends; escapes give control bytes.
  ScriptedStream s("@chunk 2\n@eol lf\nab\\x41\\b\\\\\n@eol crcrlf\n@break\nz\n");
  EXPECT_EQ(s.read(Clock::now()), "ab");
  EXPECT_EQ(s.read(Clock::now()), "A\b");
  EXPECT_EQ(s.read(Clock::now()), "\\\n");
  EXPECT_EQ(s.read(Clock::now()), "z\r");
  EXPECT_EQ(s.read(Clock::now()), "\r\n");
  EXPECT_TRUE(s.finished());
}

TEST(DialogScriptedStream, TimeoutAndDisconnect) {
  // @timeout reads nothing; @disconnect throws the unreachable error a lost link gives.
  ScriptedStream s("@timeout\n@disconnect\n");
  EXPECT_EQ(s.read(Clock::now()), "");
  try {
    s.read(Clock::now());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::unreachable);
    EXPECT_STREQ(e.what(), "connection to the device was lost");
  }
}

TEST(DialogScriptedStream, UnexpectedSendFailsTheTest) {
  // Sending anything but the next expected bytes is a test failure.
  EXPECT_NONFATAL_FAILURE(
      {
        ScriptedStream s("> show clock\n");
        try {
          s.write("show clocks\n");
        } catch (const Error&) {
        }
      },
      "expected to send \"show clock\\n\" but sent \"show clocks\\n\"");
  EXPECT_NONFATAL_FAILURE(
      {
        ScriptedStream s("r1#\\c\n");
        try {
          s.write("\n");
        } catch (const Error&) {
        }
      },
      "unexpected send \"\\n\": the transcript expects no more");
}

TEST(DialogScriptedStream, RecordsEachDeadline) {
  // Tests can check that every read was given the deadline they expect.
  ScriptedStream s("x\n");
  const Clock::time_point at = Clock::time_point{} + std::chrono::seconds(7);
  s.read(at);
  ASSERT_EQ(s.deadlines().size(), 1u);
  EXPECT_EQ(s.deadlines()[0], at);
}

}  // namespace
}  // namespace iosctl::test
