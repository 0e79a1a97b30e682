#include "iosctl/sim/device.h"
#include "sim/replace_harness.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

TEST(ArchiveDiff, RunningAgainstAFileNeedsNoArchive) {
  // IOS_BEHAVIOR.md 6.3: additions first, then removals, parents unsigned; a blank line ends it.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  std::string candidate = small_config("ip scp server enable\n");
  candidate.replace(candidate.find(" description uplink\n"), 19, "");
  device.write_file("bootflash:candidate.cfg", candidate);
  Terminal t(device);
  EXPECT_EQ(t.type("show archive config differences system:running-config "
                   "bootflash:/candidate.cfg"),
            "show archive config differences system:running-config bootflash:/candidate.cfg\r\n"
            "!Contextual Config Diffs:\r\n+ip scp server enable\r\n"
            "interface GigabitEthernet1\r\n -description uplink\r\n\r\nr1#");
  EXPECT_EQ(t.type("show archive config differences bootflash:candidate.cfg"),
            "show archive config differences bootflash:candidate.cfg\r\n"
            "!Contextual Config Diffs:\r\n+ip scp server enable\r\n"
            "interface GigabitEthernet1\r\n -description uplink\r\n\r\nr1#");
}

TEST(ArchiveDiff, NoChangesSaysSo) {
  // ios-samples/show_archive_config_differences_no_changes.txt.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:same.cfg", small_config());
  Terminal t(device);
  EXPECT_EQ(t.type("show archive config differences system:running-config bootflash:same.cfg"),
            "show archive config differences system:running-config bootflash:same.cfg\r\n"
            "!Contextual Config Diffs:\r\n!No changes were found\r\n\r\nr1#");
}

TEST(ArchiveDiff, NoArgumentsComparesRunningWithStartup) {
  // Running is A, startup is B: a line added since the save shows as removed.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  t.type("write memory");
  t.type("configure terminal");
  t.type("ip scp server enable");
  t.type("end");
  EXPECT_EQ(t.type("show archive config differences"),
            "show archive config differences\r\n!Contextual Config Diffs:\r\n"
            "-ip scp server enable\r\n\r\nr1#");
}

TEST(ArchiveDiff, MissingFileIsAnOpenError) {
  // The same `%Error opening` line as dir and verify.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  EXPECT_EQ(t.type("show archive config differences flash:a.cfg flash:b.cfg"),
            "show archive config differences flash:a.cfg flash:b.cfg\r\n"
            "%Error opening flash:a.cfg (No such file or directory)\r\nr1#");
}

TEST(ArchiveDiff, IncrementalDiffsListsWhatAMergeWouldType) {
  // ios-samples/show_archive_config_incremental-diffs.txt: unindented, parents included.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("flash:merge.cfg",
                    "interface Loopback1\n description tacocat\n!\nINTERFACE GigabitEthernet1\n"
                    " description uplink\nend\n");
  Terminal t(device);
  EXPECT_EQ(t.type("show archive config incremental-diffs flash:merge.cfg ignorecase"),
            "show archive config incremental-diffs flash:merge.cfg ignorecase\r\n"
            "!List of Commands:\r\ninterface Loopback1\r\ndescription tacocat\r\nend\r\n\r\nr1#");
}

TEST(ArchiveDiff, IncrementalDiffsWithNothingNew) {
  // IOS_BEHAVIOR.md 6.4's no-change answer.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("flash:merge.cfg", "ip domain name lab.example.net\nend\n");
  Terminal t(device);
  EXPECT_EQ(t.type("show archive config incremental-diffs flash:merge.cfg"),
            "show archive config incremental-diffs flash:merge.cfg\r\n"
            "!List of Commands:\r\nend\r\n!No changes were found\r\n\r\nr1#");
}

TEST(ArchiveDiff, IncrementalDiffsOfAFileWithoutEnd) {
  // napalm-ios #195: error code 5, which napalm looks for.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("flash:merge.cfg", "ip scp server enable\n");
  Terminal t(device);
  EXPECT_EQ(t.type("show archive config incremental-diffs flash:merge.cfg ignorecase"),
            "show archive config incremental-diffs flash:merge.cfg ignorecase\r\n"
            "!List of Commands:\r\n"
            "Error: received error code 5 when looking for missing lines\r\n"
            "!Error: cfgdiff returned error 5\r\nr1#");
}

}  // namespace
}  // namespace iosctl::test
