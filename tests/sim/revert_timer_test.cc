#include "iosctl/sim/device.h"
#include "sim/replace_harness.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kBackup = "bootflash:archive-Mar-11-14-27-51.000-0";

// A device with the archive on, at `r1`, and a candidate that renames it `r2`.
struct TimedLab {
  FakeClock clock;
  sim::Device device{replace_setup(small_config(kArchiveBlock), clock)};
  Terminal t{device, 15, "napalm"};

  TimedLab() { device.write_file("bootflash:candidate.cfg", small_config(kArchiveBlock, "r2")); }
};

TEST(RevertTimer, TimedReplaceRevertsWhenTheTimerRunsOut) {
  // napalm-ios #121: the prompt changes with the replace and changes back when time is up.
  TimedLab lab;
  EXPECT_EQ(lab.t.type("configure replace bootflash:candidate.cfg force time 2"),
            "configure replace bootflash:candidate.cfg force time 2\r\n"
            "Rollback Confirmed Change: Backing up current running config to " +
                std::string(kBackup) +
                "\r\n\r\nTotal number of passes: 1\r\nRollback Done\r\n\r\nr2#");
  lab.clock.advance(minutes(2) - seconds(1));
  EXPECT_EQ(lab.t.type(""), "\r\nr2#");
  lab.clock.advance(seconds(1));
  EXPECT_EQ(lab.t.type(""), "\r\nr1#");
  EXPECT_EQ(lab.device.running_config(), small_config(kArchiveBlock));
  EXPECT_EQ(lab.t.type("show archive config rollback timer"),
            "show archive config rollback timer\r\n%No Rollback Confirmed Change pending\r\nr1#");
}

TEST(RevertTimer, ShowRollbackTimerGivesNapalmItsFields) {
  // napalm parses `Time configured.*?: `, `Timer type: `, `Timer value: `, `User: `.
  TimedLab lab;
  lab.t.type("configure replace bootflash:candidate.cfg force revert trigger timer 5");
  lab.clock.advance(seconds(90));
  EXPECT_EQ(lab.t.type("show archive config rollback timer"),
            "show archive config rollback timer\r\n"
            "Time configured(or reset): 14:27:51 UTC Mon Mar 11 2024\r\n"
            "Timer type: absolute\r\nTimer value: 5 min\r\nTime remaining: 3 min 30 sec\r\n"
            "Archive file: " +
                std::string(kBackup) + "\r\nUser: napalm\r\nr2#");
}

TEST(RevertTimer, ConfigureConfirmKeepsTheChange) {
  // `configure confirm` stops the timer and prints nothing; a second one has nothing to confirm.
  TimedLab lab;
  lab.t.type("configure replace bootflash:candidate.cfg force revert timer 1");
  EXPECT_EQ(lab.t.type("configure confirm"), "configure confirm\r\nr2#");
  lab.clock.advance(minutes(5));
  lab.device.tick();
  EXPECT_EQ(lab.device.hostname(), "r2");
  EXPECT_EQ(lab.t.type("configure confirm"),
            "configure confirm\r\n%No Rollback Confirmed Change pending\r\nr2#");
}

TEST(RevertTimer, ConfigureRevertNowRestoresAtOnce) {
  // napalm's rollback of a pending commit.
  TimedLab lab;
  lab.t.type("configure replace bootflash:candidate.cfg force time 10");
  EXPECT_EQ(lab.t.type("configure revert now"), "configure revert now\r\nr1#");
  EXPECT_EQ(lab.device.running_config(), small_config(kArchiveBlock));
}

TEST(RevertTimer, ConfigureRevertTimerStartsTheMinutesAgain) {
  // Reset at 1:50 to 3 minutes: still r2 at 4:49, reverted at 4:50.
  TimedLab lab;
  lab.t.type("configure replace bootflash:candidate.cfg force time 2");
  lab.clock.advance(seconds(110));
  EXPECT_EQ(lab.t.type("configure revert timer 3"), "configure revert timer 3\r\nr2#");
  lab.clock.advance(minutes(3) - seconds(1));
  lab.device.tick();
  EXPECT_EQ(lab.device.hostname(), "r2");
  lab.clock.advance(seconds(1));
  lab.device.tick();
  EXPECT_EQ(lab.device.hostname(), "r1");
}

TEST(RevertTimer, TickRevertsAnIdleDevice) {
  // The server's periodic tick(): no session types anything, the device still reverts.
  TimedLab lab;
  lab.t.type("configure replace bootflash:candidate.cfg force time 1");
  int changes = 0;
  lab.device.set_on_change([&changes] { ++changes; });
  lab.clock.advance(minutes(1));
  lab.device.tick();
  EXPECT_EQ(lab.device.running_config(), small_config(kArchiveBlock));
  EXPECT_GT(changes, 0);
}

TEST(RevertTimer, TimeScaleMakesMinutesShort) {
  // time_scale 60: one simulated minute per second of the device clock.
  FakeClock clock;
  sim::DeviceSetup setup = replace_setup(small_config(kArchiveBlock), clock);
  setup.time_scale = 60;
  sim::Device device(setup);
  device.write_file("bootflash:candidate.cfg", small_config(kArchiveBlock, "r2"));
  Terminal t(device);
  t.type("configure replace bootflash:candidate.cfg force time 2");
  clock.advance(seconds(1));
  device.tick();
  EXPECT_EQ(device.hostname(), "r2");
  clock.advance(seconds(1));
  device.tick();
  EXPECT_EQ(device.hostname(), "r1");
}

TEST(RevertTimer, ConfigureTerminalRevertTimerBacksUpThenEntersConfigMode) {
  // IOS_BEHAVIOR.md 7.6 (blog capture); what was typed after it goes when the timer fires.
  TimedLab lab;
  EXPECT_EQ(lab.t.type("configure terminal revert timer 2"),
            "configure terminal revert timer 2\r\n"
            "Rollback Confirmed Change: Backing up current running config to " +
                std::string(kBackup) +
                "\r\n\r\nEnter configuration commands, one per line.  End with CNTL/Z.\r\n"
                "r1(config)#");
  lab.t.type("hostname r5");
  lab.t.type("end");
  EXPECT_EQ(lab.device.hostname(), "r5");
  lab.clock.advance(minutes(2));
  EXPECT_EQ(lab.t.type(""), "\r\nr1#");
}

TEST(RevertTimer, RevertCommandsWithoutAnArchive) {
  // No archive: configure terminal revert stays in EXEC; nothing is pending to revert.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  EXPECT_EQ(t.type("configure terminal revert timer 2"),
            "configure terminal revert timer 2\r\n"
            "%Please turn config archive on before using the rollback feature.\r\nr1#");
  EXPECT_EQ(t.type("configure revert now"),
            "configure revert now\r\n%No Rollback Confirmed Change pending\r\nr1#");
}

TEST(RevertTimer, ASecondTimedChangeWaitsForTheFirst) {
  // One Rollback Confirmed Change at a time; the pending one is kept.
  TimedLab lab;
  lab.t.type("configure replace bootflash:candidate.cfg force time 2");
  EXPECT_EQ(lab.t.type("configure replace bootflash:candidate.cfg force time 5"),
            "configure replace bootflash:candidate.cfg force time 5\r\n"
            "%Rollback Confirmed Change already pending: enter \"configure confirm\" or "
            "\"configure revert now\" first\r\nr2#");
  lab.clock.advance(minutes(2));
  lab.device.tick();
  EXPECT_EQ(lab.device.hostname(), "r1");
}

}  // namespace
}  // namespace iosctl::test
