// The tclsh inline transfer: the pure Tcl encoder, and InlineTransfer's
// dialogue with a scripted device, refusals and Tcl errors included.

#include "iosctl/driver/inline_transfer.h"

#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "support/scripted_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace iosctl::driver {
namespace {

using test::ScriptedStream;

constexpr std::string_view kHead = "puts -nonewline $f \"";

// Reads back one line tcl_puts_lines made, as Tcl 8.3 would: `\ooo` (three
// digits, as the encoder promises) or `\c` for c. A raw `"`, `$`, `[`, `]`,
// brace or non-printable byte inside fails the test.
std::string tcl_unescape(std::string_view line) {
  EXPECT_TRUE(line.starts_with(kHead) && line.ends_with('"')) << line;
  const std::string_view body = line.substr(kHead.size(), line.size() - kHead.size() - 1);
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '\\') {
      const bool plain =
          c >= 0x20 && c < 0x7f && std::string_view("\"$[]{}?").find(c) == std::string_view::npos;
      EXPECT_TRUE(plain) << "raw byte " << static_cast<int>(c) << " in " << line;
      out += c;
      continue;
    }
    const std::string_view rest = body.substr(i + 1);
    if (!rest.empty() && rest[0] >= '0' && rest[0] <= '7') {
      EXPECT_GE(rest.size(), 3u) << line;
      out += static_cast<char>(std::stoi(std::string(rest.substr(0, 3)), nullptr, 8));
      i += 3;
    } else {
      EXPECT_FALSE(rest.empty()) << "a lone backslash ends " << line;
      if (!rest.empty()) out += rest[0];
      ++i;
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += tcl_unescape(line);
  return out;
}

TEST(TclEscape, SpecialAndControlBytesAreEscaped) {
  // Tcl's specials are backslashed; control, high and `?` bytes become 3-digit octal.
  EXPECT_EQ(tcl_escape("a \x03{}[]$\\\"?\r\n\t\xff~"),
            R"(a \003\{\}\[\]\$\\\"\077\015\012\011\377~)");
}

TEST(TclPutsLines, SmallConfigIsOneCommand) {
  // The exact command a short file with a banner becomes.
  EXPECT_EQ(
      tcl_puts_lines("banner motd \x03hi{\x03\nend\n", "f"),
      std::vector<std::string>{R"(puts -nonewline $f "banner motd \003hi\{\003\012end\012")"});
}

TEST(TclPutsLines, EveryByteValueRoundTrips) {
  // All 256 byte values, many times over, come back from the commands as they went in.
  std::string bytes;
  for (int round = 0; round < 8; ++round) {
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  }
  const std::vector<std::string> lines = tcl_puts_lines(bytes, "f");
  EXPECT_GT(lines.size(), 20u);
  EXPECT_EQ(joined(lines), bytes);
}

TEST(TclPutsLines, OctalEscapesNeverTakeTheNextDigit) {
  // A digit after a control byte stays a digit: escapes always have three digits.
  const std::vector<std::string> lines = tcl_puts_lines(std::string("\x01"
                                                                    "7\x03"
                                                                    "0",
                                                                    4),
                                                        "f");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], R"(puts -nonewline $f "\0017\0030")");
  EXPECT_EQ(tcl_unescape(lines[0]), std::string("\x01"
                                                "7\x03"
                                                "0"));
}

TEST(TclPutsLines, NoCommandIsWiderThanTheLimit) {
  // A long line is cut between escapes, never inside one, within the width.
  std::string bytes;
  for (int i = 0; i < 700; ++i) bytes += i % 3 == 0 ? "\x03" : (i % 3 == 1 ? "{" : "x");
  for (const std::size_t width : {std::size_t{40}, std::size_t{57}, kTclLineWidth}) {
    const std::vector<std::string> lines = tcl_puts_lines(bytes, "f", width);
    for (const std::string& line : lines) EXPECT_LE(line.size(), width) << line;
    EXPECT_EQ(joined(lines), bytes) << width;
  }
}

TEST(TclPutsLines, ConfigLinesAreNotSplitWhenTheyFit) {
  // Each command ends at a line end, so a config line is never cut in two.
  const std::string config =
      "hostname r1\nusername admin secret 9 $9$abc{def}\nbanner motd \x03hi\x03\nend\n";
  const std::vector<std::string> lines = tcl_puts_lines(config, "f", 70);
  ASSERT_GT(lines.size(), 1u);
  for (const std::string& line : lines) EXPECT_TRUE(tcl_unescape(line).ends_with('\n')) << line;
  EXPECT_EQ(joined(lines), config);
}

TEST(TclPutsLines, AnEmptyFileNeedsNoPuts) {
  // open ... w already makes an empty file.
  EXPECT_TRUE(tcl_puts_lines("", "f").empty());
}

// `text` as a transcript line: backslashes doubled.
std::string scripted(std::string_view text) {
  std::string out;
  for (const char c : text) out += c == '\\' ? std::string("\\\\") : std::string(1, c);
  return out;
}

// We send `command` in tclsh; the device echoes it, prints `reply` (transcript
// lines) and its Tcl prompt.
std::string at_tcl(std::string_view command, std::string_view reply = "") {
  return "> " + scripted(command) + "\n" + scripted(command) + "\n" + std::string(reply) +
         "r1(tcl)#\\c\n";
}

const ios::DevicePath kPath{ios::FileSystem("flash:", "test"),
                            ios::FileName("candidate_config.txt", "test")};
constexpr std::string_view kOpen = R"(set f [open "flash:/candidate_config.txt" w])";
constexpr std::string_view kTclsh = "> tclsh\ntclsh\nr1(tcl)#\\c\n";
constexpr std::string_view kTclquit = "> tclquit\ntclquit\nr1#\\c\n";

dialog::PlatformProfile bare() {
  dialog::PlatformProfile profile = platform_profile("cisco_ios");
  profile.prepare.clear();
  return profile;
}

// A scripted device logged in at `login` (the transcript of finding the prompt).
struct Fixture {
  explicit Fixture(const std::string& rest, std::string_view login = ">\n\nr1#\\c\n")
      : stream(std::string(login) + rest), driver(stream, bare(), {}), transfer(driver) {
    driver.open();
  }
  ScriptedStream stream;
  GenericDriver driver;
  InlineTransfer transfer;
};

// Returns the message of the Error push throws, checking its Failure.
std::string push_error(Fixture& f, std::string_view bytes, Failure failure = Failure::invalid) {
  try {
    f.transfer.push(bytes, kPath);
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), failure);
    return e.what();
  }
  ADD_FAILURE() << "push did not throw";
  return {};
}

TEST(InlineTransfer, StoresTheFileThroughTclsh) {
  // tclsh, open, one puts per chunk, close, tclquit: the dialogue NAPALM's inline transfer has.
  const std::string bytes = "banner motd \x03hi{\x03\nend\n";
  Fixture f(std::string(kTclsh) + at_tcl(kOpen, "file0\n") +
            at_tcl(R"(puts -nonewline $f "banner motd \003hi\{\003\012end\012")") +
            at_tcl("close $f") + std::string(kTclquit));
  f.transfer.push(bytes, kPath);
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
  EXPECT_EQ(f.driver.dialogue().prompt(), "r1#");
}

TEST(InlineTransfer, DeviceWithoutTclshNamesTheFix) {
  // `% Invalid input` for tclsh: nothing else is sent, and the fix is SCP.
  Fixture f("> tclsh\ntclsh\n  ^\n% Invalid input detected at '^' marker.\n\nr1#\\c\n");
  EXPECT_EQ(push_error(f, "end\n"),
            "inline transfer of flash:/candidate_config.txt failed: 'tclsh' was answered with "
            "\"% Invalid input detected at '^' marker.\"; use SCP instead: configure 'ip scp "
            "server enable' and run without --inline-transfer");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(InlineTransfer, UserExecTakesTclshForAHost) {
  // At `r1>` IOS looks `tclsh` up as a host name; the fix is privilege.
  Fixture f(
      "> tclsh\ntclsh\nTranslating \"tclsh\"...domain server (255.255.255.255)\n"
      "% Unknown command or computer name, or unable to find computer address\nr1>\\c\n",
      ">\n\nr1>\\c\n");
  EXPECT_EQ(push_error(f, "end\n"),
            "inline transfer of flash:/candidate_config.txt failed: 'tclsh' was answered with "
            "\"% Unknown command or computer name, or unable to find computer address\"; tclsh "
            "needs privileged EXEC: set the enable secret or log in with privilege 15");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(InlineTransfer, OpenFailureLeavesTclsh) {
  // Tcl's `couldn't open` ends the transfer after `tclquit`, naming the file-system option.
  Fixture f(std::string(kTclsh) +
            at_tcl(kOpen,
                   "couldn't open \"flash:/candidate_config.txt\": no such file or "
                   "directory\n") +
            std::string(kTclquit));
  EXPECT_EQ(push_error(f, "end\n"),
            "inline transfer of flash:/candidate_config.txt failed: 'set f [open "
            "\"flash:/candidate_config.txt\" w]' was answered with \"couldn't open "
            "\"flash:/candidate_config.txt\": no such file or directory\"; check the file system "
            "with --dest-file-system");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(InlineTransfer, FullFlashAtCloseLeavesTclsh) {
  // The write error comes at close; the fix is free space.
  Fixture f(std::string(kTclsh) + at_tcl(kOpen, "file0\n") +
            at_tcl(R"(puts -nonewline $f "end\012")") +
            at_tcl("close $f", "error writing \"file0\": no space left on device\n") +
            std::string(kTclquit));
  EXPECT_EQ(push_error(f, "end\n"),
            "inline transfer of flash:/candidate_config.txt failed: 'close $f' was answered with "
            "\"error writing \"file0\": no space left on device\"; delete files from the "
            "device's file system and run again");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(InlineTransfer, TclErrorAfterPutsNamesTheCommandNotItsText) {
  // A puts line may hold a secret, so the message numbers it instead of quoting it.
  Fixture f(std::string(kTclsh) + at_tcl(kOpen, "file0\n") +
            at_tcl(R"(puts -nonewline $f "enable secret s3cr3t\012")",
                   "invalid command name \"puts\"\n") +
            std::string(kTclquit));
  EXPECT_EQ(push_error(f, "enable secret s3cr3t\n"),
            "inline transfer of flash:/candidate_config.txt failed: 'puts (1 of 1)' was answered "
            "with \"invalid command name \"puts\"\"; use SCP instead: configure 'ip scp server "
            "enable' and run without --inline-transfer");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(InlineTransfer, ContinuationPromptIsAnErrorNotAWait) {
  // Were Tcl ever to ask for more (`+>`), the transfer stops at once instead of timing out.
  Fixture f(std::string(kTclsh) + at_tcl(kOpen, "file0\n") + "> " +
            scripted(R"(puts -nonewline $f "end\012")") + "\n" +
            scripted(R"(puts -nonewline $f "end\012")") + "\n+>\\c\n");
  EXPECT_EQ(push_error(f, "end\n"),
            "inline transfer of flash:/candidate_config.txt failed: 'puts (1 of 1)' was answered "
            "with \"+>\"; use SCP instead: configure 'ip scp server enable' and run without "
            "--inline-transfer");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(InlineTransfer, TimeoutInsidePutsDoesNotQuoteTheLine) {
  // A device that stops answering is unreachable; the message names the step, not the config text.
  Fixture f(std::string(kTclsh) + at_tcl(kOpen, "file0\n") + "> " +
            scripted(R"(puts -nonewline $f "enable secret s3cr3t\012")") + "\n@timeout\n");
  EXPECT_EQ(push_error(f, "enable secret s3cr3t\n", Failure::unreachable),
            "inline transfer of flash:/candidate_config.txt timed out at 'puts (1 of 1)' waiting "
            "for the Tcl prompt; check the device and raise --timeout");
}

}  // namespace
}  // namespace iosctl::driver
