#include "iosctl/sim/device.h"
#include "sim/replace_harness.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

sim::DeviceSetup faulty(const FakeClock& clock, sim::DeviceFaults faults,
                        std::string_view extra = "") {
  sim::DeviceSetup setup = replace_setup(small_config(extra), clock);
  setup.faults = std::move(faults);
  return setup;
}

TEST(DeviceFaults, RejectedLineFailsInConfigurationMode) {
  // The caret sits under the line's first character; the line is not stored.
  FakeClock clock;
  sim::Device device(faulty(clock, {{"^ip route 10\\."}, false, false}));
  Terminal t(device);
  t.type("configure terminal");
  EXPECT_EQ(t.type("ip route 10.0.0.0 255.0.0.0 Null0"),
            "ip route 10.0.0.0 255.0.0.0 Null0\r\n           ^\r\n"
            "% Invalid input detected at '^' marker.\r\n\r\nr1(config)#");
  t.type("ip route 192.168.0.0 255.255.0.0 Null0");
  t.type("end");
  EXPECT_EQ(device.running_config(), small_config("ip route 192.168.0.0 255.255.0.0 Null0\n"));
}

TEST(DeviceFaults, RejectedLineFailsInAMerge) {
  // `copy FILE running-config` prints the line and its error, applies the rest; a pattern
  // that is no regex (`(noc`) matches as plain text.
  FakeClock clock;
  sim::Device device(faulty(clock, {{"(noc"}, false, false}));
  device.write_file("flash:merge.cfg", "snmp-server contact (noc)\nip scp server enable\n");
  Terminal t(device);
  t.type("configure terminal");
  t.type("file prompt quiet");
  t.type("end");
  EXPECT_EQ(t.type("copy flash:merge.cfg running-config"),
            "copy flash:merge.cfg running-config\r\nsnmp-server contact (noc)\r\n^\r\n"
            "% Invalid input detected at '^' marker.\r\n\r\n"
            "47 bytes copied in 0.001 secs (47000 bytes/sec)\r\nr1#");
  EXPECT_EQ(device.running_config(), small_config("ip scp server enable\nfile prompt quiet\n"));
}

TEST(DeviceFaults, RejectedLineAbortsAReplace) {
  // The replace applies the rest and reports the line after 5 passes (IOS_BEHAVIOR.md 7.3).
  FakeClock clock;
  sim::Device device(faulty(clock, {{"ip scp"}, false, false}));
  device.write_file("bootflash:candidate.cfg",
                    small_config("ip scp server enable\nlogging buffered 64000\n"));
  Terminal t(device);
  const std::string out = t.type("configure replace bootflash:candidate.cfg force");
  EXPECT_EQ(device.running_config(), small_config("logging buffered 64000\n"));
  EXPECT_NE(out.find("Rollback aborted after 5 passes\r\n"
                     "The following commands are failed to apply to the IOS image.\r\n"
                     "********\r\nip scp server enable\r\n********\r\n"),
            std::string::npos)
      << out;
}

TEST(DeviceFaults, FullFlashShowsNoFreeSpaceAndRefusesWrites) {
  // `dir` says 0 bytes free; copies and SCP uploads fail with IOS's error line.
  FakeClock clock;
  sim::Device device(faulty(clock, {{}, true, false}));
  Terminal t(device);
  EXPECT_EQ(t.type("dir flash: | i bytes"),
            "dir flash: | i bytes\r\n1000000 bytes total (0 bytes free)\r\nr1#");
  t.type("configure terminal");
  t.type("file prompt quiet");
  t.type("end");
  EXPECT_EQ(t.type("copy running-config flash:backup.cfg"),
            "copy running-config flash:backup.cfg\r\n"
            "%Error writing flash:/backup.cfg (No space left on device)\r\nr1#");
  EXPECT_EQ(device.write_file("bootflash:/candidate.cfg", "x"),
            "%Error writing bootflash:/candidate.cfg (No space left on device)");
}

TEST(DeviceFaults, FullFlashStopsATimedReplaceBeforeAnyChange) {
  // The backup cannot be written, so nothing is applied.
  FakeClock clock;
  sim::DeviceSetup setup = faulty(clock, {}, kArchiveBlock);
  sim::Device device(setup);
  device.write_file("bootflash:candidate.cfg", small_config(kArchiveBlock, "r2"));
  setup.faults.flash_full = true;
  sim::Device full(setup);
  full.restore(device.state());
  Terminal t(full);
  EXPECT_EQ(t.type("configure replace bootflash:candidate.cfg force time 5"),
            "configure replace bootflash:candidate.cfg force time 5\r\n"
            "%Error writing bootflash:archive-Mar-11-14-27-51.000-0 (No space left on device)\r\n"
            "r1#");
  EXPECT_EQ(full.hostname(), "r1");
}

TEST(DeviceFaults, DropDuringReplaceAppliesPartThenAsksForTheDrop) {
  // Half of the first pass gets in; the session shows no prompt and asks the server to cut.
  FakeClock clock;
  sim::Device device(faulty(clock, {{}, false, true}));
  device.write_file("bootflash:candidate.cfg",
                    small_config("ip scp server enable\nlogging buffered 64000\n"));
  auto session = device.open_cli("admin", 15);
  session->open();
  EXPECT_FALSE(session->drop_requested());
  EXPECT_EQ(session->input("configure replace bootflash:candidate.cfg force\nshow version\n"),
            "configure replace bootflash:candidate.cfg force\r\n");
  EXPECT_TRUE(session->drop_requested());
  EXPECT_EQ(device.running_config(), small_config("ip scp server enable\n"));
  EXPECT_EQ(session->input("show clock\n"), "");
}

}  // namespace
}  // namespace iosctl::test
