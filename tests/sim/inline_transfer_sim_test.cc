// driver::InlineTransfer against iosim's own tclsh, in process: proves that
// what the driver encodes is what the simulated device stores.

#include "iosctl/driver/generic_driver.h"
#include "iosctl/driver/inline_transfer.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "iosctl/sim/device.h"
#include "sim/device_harness.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

namespace iosctl::test {
namespace {

// A Stream straight into one CLI session of a simulated device: what the
// device prints for a write is there for the next read.
class SessionStream : public Stream {
 public:
  explicit SessionStream(sim::Device& device)
      : session_(device.open_cli("admin", 15)), pending_(session_->open()) {}

  void write(std::string_view bytes) override { pending_ += session_->input(bytes); }
  std::string read(std::chrono::steady_clock::time_point) override {
    return std::exchange(pending_, {});
  }

 private:
  std::unique_ptr<sim::CliSession> session_;
  std::string pending_;
};

// A device, a session on it prepared as iosctl prepares IOS-XE, and the transfer.
struct Rig {
  explicit Rig(sim::DeviceSetup setup)
      : device(std::move(setup)),
        stream(device),
        driver(stream, driver::platform_profile("cisco_xe"), {}),
        transfer(driver) {
    driver.open();
  }
  sim::Device device;
  SessionStream stream;
  driver::GenericDriver driver;
  driver::InlineTransfer transfer;
};

const ios::DevicePath kCandidate{ios::FileSystem("bootflash:", "test"),
                                 ios::FileName("candidate_config.txt", "test")};

TEST(InlineTransferOnIosim, EveryByteArrivesAsSent) {
  // A config with ETX banners, braces, Tcl specials and CR, then all 256 byte values.
  Rig rig(test_setup("hostname r1\nend\n"));
  std::string bytes =
      "version 16.12\nhostname r1\nbanner motd \x03\r\n{ unbalanced } } [x] $y \\ \"q\" ?\x03\n"
      "username a secret 9 $9$ab{c\n";
  for (int round = 0; round < 4; ++round) {
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
  }
  bytes += "\nend\n";
  rig.transfer.push(bytes, kCandidate);
  EXPECT_EQ(rig.device.read_file("bootflash:/candidate_config.txt"), bytes);
  // Back at the privileged prompt: the session goes on as before.
  EXPECT_EQ(rig.driver.send_command("show clock").error, std::nullopt);
  EXPECT_EQ(rig.driver.dialogue().prompt(), "r1#");
}

TEST(InlineTransferOnIosim, FullFlashFailsAndLeavesTclsh) {
  // The device's own error text reaches the user, and the session is back at `r1#`.
  sim::DeviceSetup setup = test_setup("hostname r1\nend\n");
  setup.faults.flash_full = true;
  Rig rig(std::move(setup));
  try {
    rig.transfer.push("end\n", kCandidate);
    FAIL() << "push did not throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::invalid);
    EXPECT_STREQ(e.what(),
                 "inline transfer of bootflash:/candidate_config.txt failed: 'close $f' was "
                 "answered with \"error writing \"file0\": no space left on device\"; delete "
                 "files from the device's file system and run again");
  }
  EXPECT_EQ(rig.driver.send_command("show clock").error, std::nullopt);
  EXPECT_EQ(rig.driver.dialogue().prompt(), "r1#");
}

}  // namespace
}  // namespace iosctl::test
