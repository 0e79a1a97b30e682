#include "iosctl/dialog/echo.h"

#include <gtest/gtest.h>

#include <string>

namespace iosctl::dialog {
namespace {

TEST(DialogEcho, PlainEchoEndsAfterItsLineEnd) {
  // IOS echoes the command and CRLF before the output.
  EXPECT_EQ(find_echo_end("show clock\r\n*10:00:00.000 UTC Mon Mar 1 2021\r\nr1#", "show clock"),
            12u);
  EXPECT_EQ(find_echo_end("terminal length 0\r\nr1#", "terminal length 0"), 19u);
  EXPECT_EQ(find_echo_end("terminal length 0\nr1#", "terminal length 0"), 18u);
}

TEST(DialogEcho, IncompleteEchoWaits) {
  // Until the echo's line end arrives, the reply may still be the echo.
  EXPECT_EQ(find_echo_end("show cl", "show clock"), std::nullopt);
  EXPECT_EQ(find_echo_end("show clock", "show clock"), std::nullopt);
  EXPECT_EQ(find_echo_end("show clock\r", "show clock"), std::nullopt);
  EXPECT_EQ(find_echo_end("", "show clock"), std::nullopt);
}

TEST(DialogEcho, LeftoverBeforeTheEchoIsSkipped) {
  // A late prompt from the previous exchange comes before the echo.
  const std::string raw = "\r\nr1#terminal width 511\r\nr1#";
  EXPECT_EQ(find_echo_end(raw, "terminal width 511"), raw.size() - 3);
}

TEST(DialogEcho, WrappedEchoIsRecognised) {
  // Terminals wrap long echoes with " \r", "\r\n" or backspaces.
  const std::string cmd = "set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24";
  const std::string raw1 = "set interfaces ge-0/0/0 unit 0 family inet addr \ress 192.0.2.1/24\r\n";
  EXPECT_EQ(find_echo_end(raw1, cmd), raw1.size());
  const std::string raw2 =
      "set interfaces ge-0/0/0 unit 0 family\r\n inet address 192.0.2.1/24\r\n";
  EXPECT_EQ(find_echo_end(raw2, cmd), raw2.size());
  const std::string raw3 =
      "set interfaces ge-0/0/0 unit 0 fam\b\bamily inet address 192.0.2.1/24\r\n";
  EXPECT_EQ(find_echo_end(raw3, cmd), raw3.size());
}

TEST(DialogEcho, TrailingSpaceAfterEchoIsAllowed) {
  // Junos echoes `set cli screen-length 0 ` with a space before CRLF.
  const std::string raw = "set cli screen-length 0 \r\nScreen length set to 0\r\n";
  EXPECT_EQ(find_echo_end(raw, "set cli screen-length 0"), 26u);
}

TEST(DialogEcho, ScrolledLongCommandIsTheFirstLineWithBackspaces) {
  // IOS scrolls a command wider than the terminal sideways: `$` and runs of
  // `\b`; the text never appears whole, so the first such line is the echo.
  const std::string echo =
      "\b\b\b\b$ifferences flash:/cand.txt system:/runn      \b\b\b\b\b\bing-config\r\n";
  const std::string raw = echo + "!Contextual Config Diffs:\r\n";
  EXPECT_EQ(find_echo_end(raw,
                          "show archive config differences flash:/cand.txt "
                          "system:/running-config"),
            echo.size());
}

TEST(DialogEcho, AMismatchIsNotTakenForTheEcho) {
  // Output that starts like the command but differs later is not its echo.
  const std::string raw = "show clocks\r\nshow clock\r\n";
  EXPECT_EQ(find_echo_end(raw, "show clock"), raw.size());
}

TEST(DialogEcho, NoEchoWithinTheWindowMeansNone) {
  // A device that never echoes does not hang the reader: past the window the output starts at 0.
  const std::string raw(kEchoWindow + 20, 'x');
  EXPECT_EQ(find_echo_end(raw, "show clock"), 0u);
}

TEST(DialogEcho, EmptyCommandEchoesItsLineEnd) {
  // Pressing Enter echoes just the line end.
  EXPECT_EQ(find_echo_end("\r\nr1#", ""), 2u);
}

}  // namespace
}  // namespace iosctl::dialog
