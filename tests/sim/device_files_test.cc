#include "iosctl/sim/device.h"
#include "sim/device_harness.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

sim::DeviceSetup lab() { return test_setup("hostname csr1000v\n"); }

TEST(DeviceFiles, DirListsFilesInTheXeLayout) {
  // IOS_BEHAVIOR.md 4.1: inode, permissions, 17-wide size, date, name; totals last.
  sim::Device device(lab());
  ASSERT_EQ(device.write_file("bootflash:/candidate_config.txt", std::string(1234, 'x')),
            std::nullopt);
  Terminal t(device);
  EXPECT_EQ(t.type("dir"),
            "dir\r\n"
            "Directory of bootflash:/\r\n"
            "\r\n"
            "   12  -rw-             1234  Mar 11 2024 14:27:51 +00:00  candidate_config.txt\r\n"
            "\r\n"
            "1000000 bytes total (998766 bytes free)\r\n"
            "csr1000v#");
}

TEST(DeviceFiles, DirOfOneFileNamesItInTheHeader) {
  // napalm looks for `Directory of flash:/candidate_config.txt`; flash: aliases bootflash:.
  sim::Device device(lab());
  device.write_file("flash:candidate_config.txt", "abc");
  Terminal t(device);
  EXPECT_EQ(t.type("dir flash:/candidate_config.txt"),
            "dir flash:/candidate_config.txt\r\n"
            "Directory of flash:/candidate_config.txt\r\n"
            "\r\n"
            "   12  -rw-                3  Mar 11 2024 14:27:51 +00:00  candidate_config.txt\r\n"
            "\r\n"
            "1000000 bytes total (999997 bytes free)\r\n"
            "csr1000v#");
}

TEST(DeviceFiles, DirOfAMissingFileIsAnError) {
  // netmiko treats `Error opening` as "file absent".
  sim::Device device(lab());
  Terminal t(device);
  EXPECT_EQ(t.type("dir bootflash:/c8000v.bin"),
            "dir bootflash:/c8000v.bin\r\n"
            "%Error opening bootflash:/c8000v.bin (No such file or directory)\r\n"
            "csr1000v#");
}

TEST(DeviceFiles, EmptyFlashSaysNoFiles) {
  // ios-samples/dir_bootflash_no_files.txt shape.
  sim::Device device(lab());
  Terminal t(device);
  EXPECT_EQ(t.type("dir flash:"),
            "dir flash:\r\nDirectory of flash:/\r\n\r\nNo files in directory\r\n\r\n"
            "1000000 bytes total (1000000 bytes free)\r\ncsr1000v#");
}

TEST(DeviceFiles, DirPipeIncludeBytesLeavesTheTotalsLine) {
  // scrapli_cfg's `dir flash: | i bytes`: one line, then the prompt.
  sim::Device device(lab());
  Terminal t(device);
  EXPECT_EQ(t.type("dir flash: | i bytes"),
            "dir flash: | i bytes\r\n1000000 bytes total (1000000 bytes free)\r\ncsr1000v#");
}

TEST(DeviceFiles, VerifyMd5HashesTheExactBytes) {
  // IOS_BEHAVIOR.md 4.5: dots, `Done!`, then the path as typed and the hash.
  sim::Device device(lab());
  device.write_file("bootflash:hello.txt", "hello\n");
  Terminal t(device);
  EXPECT_EQ(t.type("verify /md5 flash:/hello.txt"),
            "verify /md5 flash:/hello.txt\r\n.Done!\r\n"
            "verify /md5 (flash:/hello.txt) = b1946ac92492d2347c6235b4d2611184\r\ncsr1000v#");
  EXPECT_EQ(t.type("verify /md5 flash:nope"),
            "verify /md5 flash:nope\r\n%Error opening flash:nope (No such file or directory)\r\n"
            "csr1000v#");
}

TEST(DeviceFiles, MorePrintsTheFile) {
  // `more` shows the bytes and nothing else.
  sim::Device device(lab());
  device.write_file("flash:merge.txt", "interface Loopback1\n description x\n");
  Terminal t(device);
  EXPECT_EQ(t.type("more flash:merge.txt"),
            "more flash:merge.txt\r\ninterface Loopback1\r\n description x\r\ncsr1000v#");
}

TEST(DeviceFiles, DeleteAsksForTheNameAndConfirmationInAlertMode) {
  // ios-samples/delete_flash.txt: the confirmation names bootflash: though flash: was typed.
  sim::Device device(lab());
  device.write_file("flash:cand.txt", "x");
  Terminal t(device);
  EXPECT_EQ(t.type("delete flash:cand.txt"),
            "delete flash:cand.txt\r\nDelete filename [cand.txt]? ");
  EXPECT_EQ(t.send("\n"), "\r\nDelete bootflash:/cand.txt? [confirm]");
  EXPECT_EQ(t.send("\n"), "\r\n\r\ncsr1000v#");
  EXPECT_EQ(device.read_file("flash:cand.txt"), std::nullopt);
}

TEST(DeviceFiles, DeleteInQuietModeOnlyConfirms) {
  // quiet keeps the destructive confirmation; /force asks nothing.
  sim::Device device(lab());
  device.write_file("flash:a", "x");
  device.write_file("flash:b", "x");
  Terminal t(device);
  t.type("conf t");
  t.type("file prompt quiet");
  t.type("end");
  EXPECT_EQ(t.type("delete flash:a"), "delete flash:a\r\nDelete bootflash:/a? [confirm]");
  EXPECT_EQ(t.send("y"), "\r\n\r\ncsr1000v#");
  EXPECT_EQ(t.type("delete /force flash:b"), "delete /force flash:b\r\ncsr1000v#");
  EXPECT_EQ(device.state().files.size(), 0u);
}

TEST(DeviceFiles, CopyRunningConfigToFlashWritesTheConfigFile) {
  // Quiet mode answers with the byte count only; the file holds `!` ... `end`.
  sim::Device device(lab());
  Terminal t(device);
  t.type("conf t");
  t.type("file prompt quiet");
  t.type("end");
  const std::string out = t.type("copy running-config flash:/rollback_config.txt");
  const std::optional<std::string> file = device.read_file("flash:rollback_config.txt");
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(out, "copy running-config flash:/rollback_config.txt\r\n" +
                     std::to_string(file->size()) + " bytes copied in 0.001 secs (" +
                     std::to_string(file->size() * 1000) + " bytes/sec)\r\ncsr1000v#");
  EXPECT_TRUE(file->starts_with("!\n! Last configuration change at"));
  EXPECT_TRUE(file->ends_with(device.running_config()));
}

TEST(DeviceFiles, CopyOntoAnExistingFileAsksToOverwrite) {
  // Alert mode: destination prompt, then the warning and `[confirm]`; `n` keeps the file.
  sim::Device device(lab());
  device.write_file("flash:keep.txt", "old");
  Terminal t(device);
  EXPECT_EQ(t.type("copy run flash:keep.txt"),
            "copy run flash:keep.txt\r\nDestination filename [keep.txt]? ");
  EXPECT_EQ(t.type(""),
            "\r\n%Warning:There is a file already existing with this name \r\nDo you want to "
            "over write? [confirm]");
  EXPECT_EQ(t.send("n"), "\r\ncsr1000v#");
  EXPECT_EQ(device.read_file("flash:keep.txt"), "old");
}

TEST(DeviceFiles, CopyNullTruncatesAFile) {
  // napalm's discard_config empties the merge file with `copy null:`.
  sim::Device device(lab());
  device.write_file("flash:merge_config.txt", "old lines\n");
  Terminal t(device);
  t.type("conf t");
  t.type("file prompt quiet");
  t.type("end");
  t.type("copy null: flash:merge_config.txt");
  EXPECT_EQ(device.read_file("flash:merge_config.txt"), "");
}

TEST(DeviceFiles, CopyFileToRunningConfigMerges) {
  // Each line applies as if typed; rejected lines are listed with their error.
  sim::Device device(lab());
  const std::string merge =
      "interface Loopback7\n description merged\nbogus line\nntp server 10.0.0.1\n";
  device.write_file("flash:merge.txt", merge);
  Terminal t(device);
  t.type("conf t");
  t.type("file prompt quiet");
  t.type("end");
  EXPECT_EQ(t.type("copy flash:merge.txt running-config"),
            "copy flash:merge.txt running-config\r\nbogus line\r\n  ^\r\n% Invalid input "
            "detected at '^' marker.\r\n\r\n" +
                std::to_string(merge.size()) + " bytes copied in 0.001 secs (" +
                std::to_string(merge.size() * 1000) + " bytes/sec)\r\ncsr1000v#");
  const std::string config = device.running_config();
  EXPECT_NE(config.find("interface Loopback7\n description merged\n"), std::string::npos);
  EXPECT_NE(config.find("ntp server 10.0.0.1\n"), std::string::npos);
}

TEST(DeviceFiles, WriteFileEnforcesTheFlashCapacity) {
  // A file larger than the free space is refused with IOS's wording.
  sim::Device device(lab());
  EXPECT_EQ(device.write_file("flash:big.bin", std::string(1000001, 'x')),
            "%Error writing flash:big.bin (No space left on device)");
  EXPECT_EQ(device.write_file("nvram:x", "1"), "%Error opening nvram:x (No such device)");
  EXPECT_EQ(device.write_file("flash:fits.bin", std::string(1000000, 'x')), std::nullopt);
}

TEST(DeviceFiles, ClassicIosHasFlashOnlyAndNarrowSizes) {
  // IOS 15: `flash:` alone, 12-wide size column.
  sim::DeviceSetup setup = test_setup("hostname r1\n", sim::Platform::ios);
  setup.flash_name = "flash";
  sim::Device device(setup);
  device.write_file("flash:a.txt", "abc");
  EXPECT_EQ(device.write_file("bootflash:b.txt", "abc"),
            "%Error opening bootflash:b.txt (No such device)");
  Terminal t(device);
  EXPECT_EQ(t.type("dir | i a.txt"),
            "dir | i a.txt\r\n   12  -rw-           3  Mar 11 2024 14:27:51 +00:00  a.txt\r\nr1#");
}

TEST(DeviceFiles, ShowFileSystemsMarksTheFlashAsDefault) {
  // IOS_BEHAVIOR.md 4.2 layout; the flash row lists both of its names.
  sim::Device device(lab());
  Terminal t(device);
  EXPECT_EQ(t.type("show file systems | i Size|flash"),
            "show file systems | i Size|flash\r\n"
            "       Size(b)       Free(b)      Type  Flags  Prefixes\r\n"
            "*      1000000       1000000      disk     rw   bootflash: flash:\r\n"
            "csr1000v#");
}

}  // namespace
}  // namespace iosctl::test
