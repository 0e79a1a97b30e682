// iosim's lab faults and revert timers driven over SSH: the device model
// shows them (src/sim/device), the server wires the lab to it, ticks idle
// devices and cuts a connection the device asks to drop.

#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_ssh_client.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace iosctl::test {
namespace {

// How often a wait for an expected change looks again (bounded by a deadline).
constexpr auto kPollEvery = std::chrono::milliseconds(100);

std::string fixture_text(const std::string& name) {
  std::ifstream in(lab_fixture(name), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The r1 fixture with `hostname` renamed and `extra` lines added before `line con 0`.
std::string candidate(const std::string& hostname, const std::string& extra) {
  std::string text = fixture_text("iosxe-r1.cfg");
  text.replace(text.find("hostname r1\n"), 12, "hostname " + hostname + "\n");
  text.insert(text.find("line con 0\n"), extra);
  return text;
}

class IosimFaults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    std::vector<LabEntry> devices(4);
    const char* names[] = {"rejects", "full", "drops", "timed"};
    for (std::size_t i = 0; i < devices.size(); ++i) {
      devices[i].name = names[i];
      devices[i].port = free_port();
    }
    devices[0].extra = {"faults: {reject_line: ['^ntp server 192\\.0\\.2\\.1[0-9]$']}"};
    devices[1].extra = {"faults: {flash_full: true}"};
    devices[2].extra = {"faults: {drop_during_replace: true}"};
    for (const LabEntry& device : devices) ports_.push_back(device.port);
    const auto lab = dir_->write("lab.yaml", lab_yaml(devices));
    iosim_ = std::make_unique<IosimProcess>(
        std::vector<std::string>{"--lab", lab.string(), "--time-scale", "60", "--state-dir",
                                 (dir_->path() / "state").string()});
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(iosim_->stop(), 0) << iosim_->process().err();
    iosim_.reset();
    dir_.reset();
  }

  // A logged-in shell on device `index`, read up to its first prompt.
  struct Login {
    SessionPtr session;
    std::unique_ptr<ShellSession> shell;
  };
  static Login login(std::size_t index) {
    Login login;
    login.session = connect_to(ports_[index], "admin");
    if (!login.session || login_with_password(login.session.get(), "secret") != SSH_AUTH_SUCCESS) {
      throw std::runtime_error("cannot log in to device " + std::to_string(index));
    }
    login.shell = std::make_unique<ShellSession>(login.session.get());
    login.shell->read_until("r1#", deadline_in(20));
    return login;
  }

  // Runs `command` and returns its output up to the prompt `prompt`.
  static std::string run(ShellSession& shell, const std::string& command,
                         const std::string& prompt = "r1#") {
    shell.send(command + "\r");
    return shell.read_until(prompt, deadline_in(20));
  }

  // Writes `text` to bootflash:`name` the way netmiko does inline: tclsh `puts`.
  static void write_by_tcl(ShellSession& shell, const std::string& name, const std::string& text) {
    run(shell, "tclsh", "r1(tcl)#");
    std::string block = "puts [open \"bootflash:" + name + "\" w+] {\r";
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) block += line + "\r";
    run(shell, block + "}", "r1(tcl)#");
    run(shell, "tclquit");
  }

  std::string device_state(const std::string& device) const {
    std::ifstream in(dir_->path() / "state" / "devices" / device / "running-config");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::vector<std::uint16_t> ports_;
};

TEST_F(IosimFaults, RejectedLineFailsInConfigurationModeOverSsh) {
  // A line the lab's reject_line matches gets IOS's invalid-input error; others apply.
  Login r = login(0);
  run(*r.shell, "configure terminal", "r1(config)#");
  EXPECT_EQ(
      run(*r.shell, "ntp server 192.0.2.10", "r1(config)#"),
      "ntp server 192.0.2.10\r\n           ^\r\n% Invalid input detected at '^' marker.\r\n\r\n"
      "r1(config)#");
  run(*r.shell, "ntp server 192.0.2.99", "r1(config)#");
  run(*r.shell, "end");
  EXPECT_EQ(run(*r.shell, "show running-config | include ntp server"),
            "show running-config | include ntp server\r\nntp server 192.0.2.99\r\nr1#");
}

TEST_F(IosimFaults, FullFlashShowsNoSpaceOverSsh) {
  // flash_full: `dir` shows 0 bytes free and a copy to flash fails with IOS's error.
  Login r = login(1);
  const std::string dir = run(*r.shell, "dir bootflash: | include bytes");
  EXPECT_NE(dir.find("(0 bytes free)\r\n"), std::string::npos) << dir;
  run(*r.shell, "configure terminal", "r1(config)#");
  run(*r.shell, "file prompt quiet", "r1(config)#");
  run(*r.shell, "end");
  EXPECT_EQ(run(*r.shell, "copy running-config bootflash:backup.cfg"),
            "copy running-config bootflash:backup.cfg\r\n"
            "%Error writing bootflash:/backup.cfg (No space left on device)\r\nr1#");
}

TEST_F(IosimFaults, DropDuringReplaceCutsTheConnectionAfterTheEcho) {
  // The replace's echo arrives, then the TCP connection dies with no EOF; a new
  // login finds part of the change applied and the device still serving.
  Login r = login(2);
  const std::string added =
      "ntp server 192.0.2.21\nntp server 192.0.2.22\nntp server 192.0.2.23\n"
      "ntp server 192.0.2.24\n";
  write_by_tcl(*r.shell, "cand.cfg", candidate("r1", added));
  r.shell->send("configure replace bootflash:cand.cfg force\r");
  EXPECT_EQ(r.shell->read_until_cut(deadline_in(20)),
            "configure replace bootflash:cand.cfg force\r\n");

  Login again = login(2);
  const std::string ntp = run(*again.shell, "show running-config | include ntp server");
  std::size_t applied = 0;
  for (std::size_t at = ntp.find("\r\nntp server"); at != std::string::npos;
       at = ntp.find("\r\nntp server", at + 1)) {
    ++applied;
  }
  EXPECT_GT(applied, 0u) << ntp;
  EXPECT_LT(applied, 4u) << ntp;
}

TEST_F(IosimFaults, EtxPassesThroughTheShellIntoTclsh) {
  // Byte 0x03 typed in tclsh reaches the file unchanged (a banner's delimiter).
  Login r = login(3);
  write_by_tcl(*r.shell, "banner.cfg", "banner motd \x03 lab \x03");
  const std::string more = run(*r.shell, "more bootflash:banner.cfg");
  EXPECT_NE(more.find("banner motd \x03 lab \x03"), std::string::npos) << more;
}

TEST_F(IosimFaults, TimedReplaceRevertsOnAnIdleDevice) {
  // With --time-scale 60 `time 1` reverts after about a second with nobody
  // typing: the server's tick fires it and the state store saves it.
  Login r = login(3);
  write_by_tcl(*r.shell, "timed.cfg", candidate("r1-timed", ""));
  const std::string out =
      run(*r.shell, "configure replace bootflash:timed.cfg force time 1", "r1-timed#");
  EXPECT_NE(out.find("Rollback Confirmed Change"), std::string::npos) << out;
  EXPECT_NE(device_state("timed").find("hostname r1-timed\n"), std::string::npos);

  const Deadline deadline = deadline_in(30);
  while (device_state("timed").find("hostname r1\n") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(kPollEvery);
  }
  EXPECT_NE(device_state("timed").find("hostname r1\n"), std::string::npos)
      << device_state("timed");
  r.shell->send("\r");
  r.shell->read_until("r1#", deadline_in(20));
  EXPECT_EQ(run(*r.shell, "show running-config | include ^hostname"),
            "show running-config | include ^hostname\r\nhostname r1\r\nr1#");
}

}  // namespace
}  // namespace iosctl::test
