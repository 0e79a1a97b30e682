#include "iosctl/sim/output_filter.h"
#include "iosctl/sim/pager.h"
#include "sim/device_harness.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

const std::string kErase = std::string(10, '\b') + std::string(10, ' ') + std::string(10, '\b');

TEST(Pager, StopsAfterAScreenfulWithMore) {
  // A terminal of 4 lines shows 3 lines and ` --More-- ` (leading and trailing space).
  sim::Pager pager;
  EXPECT_EQ(pager.start("1\n2\n3\n4\n5\n6\n7\n8\n", 4), "1\r\n2\r\n3\r\n --More-- ");
  EXPECT_TRUE(pager.waiting());
  EXPECT_EQ(pager.key('\r'), kErase + "4\r\n --More-- ");
  EXPECT_EQ(pager.key(' '), kErase + "5\r\n6\r\n7\r\n --More-- ");
  EXPECT_EQ(pager.key(' '), kErase + "8\r\n");
  EXPECT_FALSE(pager.waiting());
}

TEST(Pager, QuitsOnQ) {
  // Any key but space or Enter ends the output.
  sim::Pager pager;
  pager.start("1\n2\n3\n", 2);
  EXPECT_EQ(pager.key('q'), kErase);
  EXPECT_FALSE(pager.waiting());
}

TEST(Pager, LengthZeroShowsEverything) {
  // `terminal length 0` turns paging off.
  sim::Pager pager;
  EXPECT_EQ(pager.start("1\n2\n3\n", 0), "1\r\n2\r\n3\r\n");
  EXPECT_FALSE(pager.waiting());
}

TEST(Paging, ShowRunStopsUntilTerminalLengthZero) {
  // Default terminal length 24: the session waits at ` --More-- `, q returns to the prompt.
  std::string config = "hostname r1\n";
  for (int i = 0; i < 40; ++i) config += "ntp server 10.0.0." + std::to_string(i) + "\n";
  sim::Device device(test_setup(config));
  Terminal t(device);
  const std::string first = t.type("show running-config");
  EXPECT_TRUE(first.ends_with("\r\n --More-- ")) << first;
  EXPECT_EQ(t.send("q"), kErase + "r1#");
  EXPECT_EQ(t.type("terminal length 0"), "terminal length 0\r\nr1#");
  EXPECT_TRUE(t.type("show running-config").ends_with("end\r\n\r\nr1#"));
}

TEST(Paging, SpaceShowsTheRestOfALongOutput) {
  // With a short screen, space pages on and the prompt follows the last page.
  sim::Device device(test_setup("hostname r1\nntp server 10.0.0.1\nntp server 10.0.0.2\n"));
  Terminal t(device);
  t.type("terminal length 8");
  const std::string first = t.type("show running-config");
  ASSERT_TRUE(first.ends_with(" --More-- "));
  std::string rest = t.send(" ");
  while (rest.ends_with(" --More-- ")) rest += t.send(" ");
  EXPECT_TRUE(rest.ends_with("end\r\n\r\nr1#")) << rest;
}

TEST(Filters, IncludeExcludeBeginSection) {
  // The pipe filters of IOS_BEHAVIOR.md 2 and their abbreviations.
  const std::string out = "a 1\nb 2\n sub b\nc 3\n";
  EXPECT_EQ(sim::apply_filter(out, {sim::FilterKind::include, "b"}), "b 2\n sub b\n");
  EXPECT_EQ(sim::apply_filter(out, {sim::FilterKind::exclude, "b"}), "a 1\nc 3\n");
  EXPECT_EQ(sim::apply_filter(out, {sim::FilterKind::begin, "^b"}), "b 2\n sub b\nc 3\n");
  EXPECT_EQ(sim::apply_filter(out, {sim::FilterKind::section, "^b"}), "b 2\n sub b\n");
  EXPECT_EQ(sim::apply_filter(out, {sim::FilterKind::include, "("}), "");
}

TEST(Filters, ShowRunIncludeWithSpacesAndAbbreviations) {
  // napalm's `show running-config | inc ip scp server enable` and `| i file prompt`.
  sim::Device device(test_setup("hostname r1\nip scp server enable\nfile prompt quiet\n"));
  Terminal t(device);
  EXPECT_EQ(t.type("show running-config | inc ip scp server enable"),
            "show running-config | inc ip scp server enable\r\nip scp server enable\r\nr1#");
  EXPECT_EQ(t.type("sh run | i file prompt"), "sh run | i file prompt\r\nfile prompt quiet\r\nr1#");
  EXPECT_EQ(t.type("show run | i nothing-matches"), "show run | i nothing-matches\r\nr1#");
}

TEST(Filters, BadPipeInputIsRejected) {
  // An unknown filter keyword gets the caret; a filter without a pattern is incomplete.
  sim::Device device(test_setup("hostname r1\n"));
  Terminal t(device);
  EXPECT_EQ(
      t.type("show run | x"),
      "show run | x\r\n              ^\r\n% Invalid input detected at '^' marker.\r\n\r\nr1#");
  EXPECT_EQ(t.type("show run | include"), "show run | include\r\n% Incomplete command.\r\n\r\nr1#");
  EXPECT_EQ(t.type("terminal length 0 | i x"),
            "terminal length 0 | i x\r\n                     ^\r\n% Invalid input detected at '^' "
            "marker.\r\n\r\nr1#");
}

TEST(Paging, TwoMegabyteConfigComesOutWhole) {
  // A 2 MB running config with paging off is shown in one reply, byte for byte.
  std::string config = "hostname big\n";
  for (int i = 0; config.size() < (2u << 20); ++i) {
    config += "interface Loopback" + std::to_string(i) + "\n description loopback number " +
              std::to_string(i) + " for the scale test\n";
  }
  sim::Device device(test_setup(config));
  Terminal t(device);
  t.type("terminal length 0");
  const std::string out = t.type("show running-config");
  EXPECT_GT(out.size(), 2u << 20);
  EXPECT_NE(out.find("interface Loopback999\r\n description loopback number 999"),
            std::string::npos);
  EXPECT_TRUE(out.ends_with("end\r\n\r\nbig#"));
  EXPECT_EQ(t.type("show running-config | include Loopback4242$"),
            "show running-config | include Loopback4242$\r\ninterface Loopback4242\r\nbig#");
}

}  // namespace
}  // namespace iosctl::test
