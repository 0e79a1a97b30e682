#include "iosctl/sim/device.h"
#include "sim/replace_harness.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

TEST(Tclsh, ScrapliStyleLineByLineWritesTheFile) {
  // scrapli_cfg types the `{` line, the config lines at `+>`, then `}` (IOS_BEHAVIOR.md 5).
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  EXPECT_EQ(t.type("tclsh"), "tclsh\r\nr1(tcl)#");
  EXPECT_EQ(t.type("puts [open \"flash:scrapli_cfg_1\" w+] {"),
            "puts [open \"flash:scrapli_cfg_1\" w+] {\r\n+>");
  EXPECT_EQ(t.type("hostname r1"), "hostname r1\r\n+>");
  EXPECT_EQ(t.type(" description {x}"), " description {x}\r\n+>");
  EXPECT_EQ(t.type("}"), "}\r\nr1(tcl)#");
  EXPECT_EQ(t.type("tclquit"), "tclquit\r\nr1#");
  // Tcl keeps what is between the braces, line ends included; puts adds one.
  EXPECT_EQ(device.read_file("bootflash:scrapli_cfg_1"), "\nhostname r1\n description {x}\n\n");
}

TEST(Tclsh, NetmikoStyleKeepsEtxAndCarriageReturnsBecomeNewlines) {
  // netmiko writes `{` with no Enter, the file with CR line ends, then `}` CR; ETX survives.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("tclsh");
  const std::string sent =
      "puts [open \"flash:candidate_config.txt\" w+] {banner motd \x03\rhi\r\x03\rend\r}\r";
  EXPECT_EQ(t.send(sent),
            "puts [open \"flash:candidate_config.txt\" w+] {banner motd \x03\r\n+>hi\r\n+>\x03\r\n"
            "+>end\r\n+>}\r\nr1(tcl)#");
  EXPECT_EQ(device.read_file("flash:candidate_config.txt"), "banner motd \x03\nhi\n\x03\nend\n\n");
}

TEST(Tclsh, OtherLinesGoToTheExecCli) {
  // IOS's tclsh runs CLI commands; an unknown word is a Tcl error.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("flash:x", "abc");
  Terminal t(device);
  t.type("tclsh");
  EXPECT_EQ(t.type("dir flash: | i bytes"),
            "dir flash: | i bytes\r\n1000000 bytes total (999997 bytes free)\r\nr1(tcl)#");
  EXPECT_EQ(t.type("frobnicate now"),
            "frobnicate now\r\ninvalid command name \"frobnicate\"\r\nr1(tcl)#");
}

TEST(Tclsh, UserExecTakesItForAHost) {
  // IOS_BEHAVIOR.md 8: `tclsh` at `>` on CSR 16.12.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device, 1);
  EXPECT_EQ(t.type("tclsh"),
            "tclsh\r\n% Bad IP address or host name% Unknown command or computer name, or unable "
            "to find computer address\r\nr1>");
}

TEST(Tclsh, WritingToAnUnknownFileSystemFails) {
  // Tcl's own wording for a path it cannot open.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("tclsh");
  EXPECT_EQ(t.type("puts [open \"disk9:x\" w+] {a}"),
            "puts [open \"disk9:x\" w+] {a}\r\ncouldn't open \"disk9:x\": no such file or "
            "directory\r\nr1(tcl)#");
}

TEST(Tclsh, SetPutsCloseRoundTripsAwkwardBytes) {
  // ETX, unbalanced braces, brackets, `$`, `\`, quotes and CR survive quoting and escapes.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("tclsh");
  EXPECT_EQ(t.type("set f [open \"flash:rt.txt\" w]"),
            "set f [open \"flash:rt.txt\" w]\r\nfile0\r\nr1(tcl)#");
  EXPECT_EQ(t.type(R"(puts -nonewline $f "banner motd \003\015\012\{ \} \} \[x\] \$y \\ \"q\"")"),
            R"(puts -nonewline $f "banner motd \003\015\012\{ \} \} \[x\] \$y \\ \"q\"")"
            "\r\nr1(tcl)#");
  EXPECT_EQ(t.type("puts -nonewline $f {\\n [$x] {b}}"),
            "puts -nonewline $f {\\n [$x] {b}}\r\nr1(tcl)#");
  EXPECT_EQ(t.type("puts $f \"\\003end\""), "puts $f \"\\003end\"\r\nr1(tcl)#");
  // Nothing reaches flash before close.
  EXPECT_EQ(device.read_file("flash:rt.txt"), std::nullopt);
  EXPECT_EQ(t.type("close $f"), "close $f\r\nr1(tcl)#");
  EXPECT_EQ(device.read_file("flash:rt.txt"),
            "banner motd \x03\r\n{ } } [x] $y \\ \"q\"\\n [$x] {b}\x03"
            "end\n");
}

TEST(Tclsh, HexEscapeTakesEveryHexDigit) {
  // Tcl 8.3's `\x` keeps the last two of all the hex digits after it; octal stops at three.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("tclsh");
  t.type("set f [open \"flash:x.bin\" w]");
  t.type(R"(puts -nonewline $f "\x41B|\x41|\x4G|\1011|\7|\xZ")");
  t.type("close $f");
  EXPECT_EQ(device.read_file("flash:x.bin"), "\x1b|A|\x04G|A1|\x07|xZ");
}

TEST(Tclsh, ReadingAMissingVariableIsAnError) {
  // Tcl's own message; nothing is written.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("tclsh");
  EXPECT_EQ(t.type("puts -nonewline $nope \"x\""),
            "puts -nonewline $nope \"x\"\r\ncan't read \"nope\": no such variable\r\nr1(tcl)#");
  EXPECT_EQ(t.type("set nope"), "set nope\r\ncan't read \"nope\": no such variable\r\nr1(tcl)#");
}

TEST(Tclsh, ChannelErrorsUseTclWording) {
  // A bad file system, an unknown channel and a wrong argument count.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("tclsh");
  EXPECT_EQ(t.type("set f [open \"disk9:x\" w]"),
            "set f [open \"disk9:x\" w]\r\ncouldn't open \"disk9:x\": no such file or "
            "directory\r\nr1(tcl)#");
  EXPECT_EQ(t.type("close file7"),
            "close file7\r\ncan not find channel named \"file7\"\r\nr1(tcl)#");
  EXPECT_EQ(t.type("puts a b c"),
            "puts a b c\r\nbad argument \"c\": should be \"nonewline\"\r\nr1(tcl)#");
  EXPECT_EQ(t.type("open"),
            "open\r\nwrong # args: should be \"open fileName ?access? ?permissions?\"\r\nr1(tcl)#");
}

TEST(Tclsh, CloseOnAFullFlashFails) {
  // The bytes wait in the channel; close reports that they could not be written.
  FakeClock clock;
  sim::DeviceSetup setup = replace_setup(small_config(), clock);
  setup.faults.flash_full = true;
  sim::Device device(std::move(setup));
  Terminal t(device);
  t.type("tclsh");
  t.type("set f [open \"flash:x\" w]");
  EXPECT_EQ(t.type("puts $f abc"), "puts $f abc\r\nr1(tcl)#");
  EXPECT_EQ(t.type("close $f"),
            "close $f\r\nerror writing \"file0\": no space left on device\r\nr1(tcl)#");
  EXPECT_EQ(device.read_file("flash:x"), std::nullopt);
}

TEST(Tclsh, QuotesMayOpenAContinuationButBracesInsideThemDoNot) {
  // Tcl counts braces only outside quotes; an open quote waits for more at `+>`.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("tclsh");
  EXPECT_EQ(t.type("puts \"{\""), "puts \"{\"\r\n{\r\nr1(tcl)#");
  EXPECT_EQ(t.type("puts \"a"), "puts \"a\r\n+>");
  EXPECT_EQ(t.type("b\""), "b\"\r\na\r\nb\r\nr1(tcl)#");
}

TEST(Tclsh, TclquitWritesOpenChannelsAndForgetsVariables) {
  // Leaving tclsh closes what is open, as Tcl does when its interpreter ends.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("tclsh");
  t.type("set f [open \"flash:left.txt\" a]; puts -nonewline $f left");
  EXPECT_EQ(t.type("tclquit"), "tclquit\r\nr1#");
  EXPECT_EQ(device.read_file("flash:left.txt"), "left");
  t.type("tclsh");
  EXPECT_EQ(t.type("puts $f x"), "puts $f x\r\ncan't read \"f\": no such variable\r\nr1(tcl)#");
}

}  // namespace
}  // namespace iosctl::test
