#include "iosctl/sim/device.h"
#include "sim/replace_harness.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

using std::chrono::seconds;

TEST(Archive, ShowArchiveWithoutTheBlockSaysNotEnabled) {
  // ios-samples/show_archive_not_enabled.txt, leading space included.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  EXPECT_EQ(t.type("show archive"), "show archive\r\n Archive feature not enabled\r\nr1#");
}

TEST(Archive, WriteMemoryArchivesWhenTheBlockSaysSo) {
  // ` write-memory` (IOS_BEHAVIOR.md 6.1): the copy is a flash file named after path and time.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(kArchiveBlock), clock));
  Terminal t(device);
  t.type("write memory");
  const std::string copy = "archive-Mar-11-14-27-51.000-0";
  ASSERT_TRUE(device.read_file("bootflash:" + copy).has_value());
  EXPECT_NE(device.read_file("bootflash:" + copy)->find("hostname r1"), std::string::npos);
  clock.advance(seconds(3600 * 24 * 60 + 1));  // May 10
  EXPECT_EQ(t.type("show archive"),
            "show archive\r\n"
            "The maximum archive configurations allowed is 10.\r\n"
            "There are currently 1 archive configurations saved.\r\n"
            "The next archive file will be named bootflash:archive-May-10-14-27-52.000-1\r\n"
            " Archive #  Name\r\n"
            "   1        bootflash:" +
                copy +
                " <- Most Recent\r\n"
                "   2\r\n   3\r\n   4\r\n   5\r\n   6\r\n   7\r\n   8\r\n   9\r\n   10\r\nr1#");
}

TEST(Archive, OneDigitDaysArePaddedWithADash) {
  // `backup-May--4-13-16-19.360-0` (IOS_BEHAVIOR.md 6.1); milliseconds come from the clock.
  FakeClock clock;
  clock.advance(std::chrono::hours(24 * 54) + std::chrono::milliseconds(360));  // May 4
  sim::Device device(replace_setup(small_config(kArchiveBlock), clock));
  Terminal t(device);
  t.type("write memory");
  EXPECT_TRUE(device.read_file("bootflash:archive-May--4-14-27-51.360-0").has_value());
}

TEST(Archive, MaximumKeepsOnlyTheNewestCopies) {
  // ` maximum 2`: the oldest copy leaves the list and the flash; numbering goes on.
  FakeClock clock;
  sim::Device device(replace_setup(
      small_config("archive\n path flash:$h-cfg\n maximum 2\n write-memory\n"), clock));
  Terminal t(device);
  for (int i = 0; i < 3; ++i) {
    t.type("write memory");
    clock.advance(seconds(1));
  }
  EXPECT_FALSE(device.read_file("flash:r1-cfg-Mar-11-14-27-51.000-0").has_value());
  EXPECT_EQ(t.type("show archive"),
            "show archive\r\n"
            "The maximum archive configurations allowed is 2.\r\n"
            "There are currently 2 archive configurations saved.\r\n"
            "The next archive file will be named flash:r1-cfg-Mar-11-14-27-54.000-3\r\n"
            " Archive #  Name\r\n"
            "   1        flash:r1-cfg-Mar-11-14-27-52.000-1\r\n"
            "   2        flash:r1-cfg-Mar-11-14-27-53.000-2 <- Most Recent\r\nr1#");
}

TEST(Archive, ArchiveConfigSavesACopyByHand) {
  // Silent when it works; without the block IOS says so and blames the handler.
  FakeClock clock;
  sim::Device device(replace_setup(small_config("archive\n path flash:bk\n"), clock));
  Terminal t(device);
  EXPECT_EQ(t.type("archive config"), "archive config\r\nr1#");
  EXPECT_TRUE(device.read_file("flash:bk-Mar-11-14-27-51.000-0").has_value());
  sim::Device plain(replace_setup(small_config(), clock));
  EXPECT_EQ(Terminal(plain).type("archive config"),
            "archive config\r\n Archive feature not enabled\r\n"
            "% Error caught by command handler\r\nr1#");
}

TEST(Archive, CopiesSurviveARestore) {
  // The copies are flash files in state(); a restored device lists them again.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(kArchiveBlock), clock));
  Terminal(device).type("write memory");
  const sim::DeviceState saved = device.state();
  EXPECT_EQ(saved.files.count("archive-Mar-11-14-27-51.000-0"), 1u);
  sim::Device again(replace_setup(small_config(kArchiveBlock), clock));
  again.restore(saved);
  const std::string shown = Terminal(again).type("show archive");
  EXPECT_NE(shown.find("   1        bootflash:archive-Mar-11-14-27-51.000-0 <- Most Recent"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("named bootflash:archive-Mar-11-14-27-51.000-1"), std::string::npos);
}

}  // namespace
}  // namespace iosctl::test
