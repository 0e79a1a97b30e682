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

}  // namespace
}  // namespace iosctl::test
