#include "iosctl/sim/device.h"
#include "sim/replace_harness.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

constexpr std::string_view kLocked =
    "Configuration mode locked exclusively by user 'alice' process '102' from terminal '2'. "
    "Please try later.\r\n";

// Two sessions on one device: `alice` opened first (line 2), then `admin` (line 3).
struct LockLab {
  FakeClock clock;
  sim::Device device{replace_setup(small_config(kArchiveBlock), clock)};
  Terminal alice{device, 15, "alice"};
  Terminal admin{device, 15, "admin"};

  LockLab() { device.write_file("bootflash:candidate.cfg", small_config(kArchiveBlock, "r2")); }
};

TEST(ConfigLock, ManualLockRefusesOtherSessionsUntilItsOwnerLeaves) {
  // `configure terminal lock` shuts out configure terminal and configure replace elsewhere.
  LockLab lab;
  EXPECT_EQ(lab.alice.type("configure terminal lock"),
            "configure terminal lock\r\nConfiguration mode locked exclusively. The lock will be "
            "cleared once you exit out of configuration mode using end/exit\r\nEnter "
            "configuration commands, one per line.  End with CNTL/Z.\r\nr1(config)#");
  EXPECT_EQ(lab.admin.type("configure terminal"),
            "configure terminal\r\n" + std::string(kLocked) + "r1#");
  EXPECT_EQ(lab.admin.type("configure replace bootflash:candidate.cfg force"),
            "configure replace bootflash:candidate.cfg force\r\n" + std::string(kLocked) + "r1#");
  EXPECT_EQ(lab.device.running_config(), small_config(kArchiveBlock));
  lab.alice.type("end");
  EXPECT_EQ(lab.admin.type("configure terminal"),
            "configure terminal\r\nEnter configuration commands, one per line.  End with "
            "CNTL/Z.\r\nr1(config)#");
}

TEST(ConfigLock, ShowConfigurationLockNamesTheHolder) {
  // The fields a client reads to say who holds the lock, then FREE once it is gone.
  LockLab lab;
  lab.alice.type("configure terminal lock");
  const std::string locked = lab.admin.type("show configuration lock");
  EXPECT_NE(locked.find("User              : alice\r\n"), std::string::npos) << locked;
  EXPECT_NE(locked.find("TTY               : 2\r\n"), std::string::npos) << locked;
  EXPECT_NE(locked.find("State             : LOCKED\r\n"), std::string::npos) << locked;
  lab.alice.send("\x1a");  // Ctrl-Z leaves configuration mode too
  const std::string free = lab.admin.type("show configuration lock");
  EXPECT_NE(free.find("State             : FREE\r\n"), std::string::npos) << free;
  EXPECT_NE(free.find("Type              : NO LOCK\r\n"), std::string::npos) << free;
}

TEST(ConfigLock, ExclusiveAutoLocksOnEveryConfigureTerminal) {
  // With `configuration mode exclusive auto`, a plain configure terminal takes the lock.
  LockLab lab;
  lab.alice.type("configure terminal");
  lab.alice.type("configuration mode exclusive auto");
  lab.alice.type("end");
  EXPECT_NE(lab.alice.type("configure terminal").find("locked exclusively. The lock"),
            std::string::npos);
  EXPECT_EQ(lab.admin.type("copy bootflash:candidate.cfg running-config"),
            "copy bootflash:candidate.cfg running-config\r\n" + std::string(kLocked) + "r1#");
}

TEST(ConfigLock, ASessionThatGoesFreesItsLock) {
  // A dropped connection must not leave the device locked for everyone else.
  FakeClock clock;
  sim::Device device{replace_setup(small_config(kArchiveBlock), clock)};
  Terminal admin{device, 15, "admin"};
  {
    Terminal alice{device, 15, "alice"};
    alice.type("configure terminal lock");
  }
  EXPECT_EQ(admin.type("configure terminal"),
            "configure terminal\r\nEnter configuration commands, one per line.  End with "
            "CNTL/Z.\r\nr1(config)#");
}

}  // namespace
}  // namespace iosctl::test
