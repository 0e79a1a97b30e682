// iosim's shell channel: a pty session reaches the device's CLI. These
// tests need the device model (src/sim/device) for the prompt and output.

#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_ssh_client.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

class IosimShell : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    LabEntry device;
    device.port = free_port();
    device.users = {"- {username: admin, password: secret, privilege: 15}",
                    "- {username: oper, password: oper-pass, privilege: 1}"};
    port_ = device.port;
    const auto lab = dir_->write("lab.yaml", lab_yaml({device}));
    iosim_ = std::make_unique<IosimProcess>(std::vector<std::string>{"--lab", lab.string()});
  }
  static void TearDownTestSuite() {
    // Every session the tests left must not keep iosim from a clean exit.
    EXPECT_EQ(iosim_->stop(), 0) << iosim_->process().err();
    iosim_.reset();
    dir_.reset();
  }

  static SessionPtr login(const std::string& user, const std::string& password) {
    SessionPtr session = connect_to(port_, user);
    if (!session || login_with_password(session.get(), password) != SSH_AUTH_SUCCESS) {
      throw std::runtime_error("cannot log in as " + user);
    }
    return session;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::uint16_t port_ = 0;
};

TEST_F(IosimShell, PrivilegedUserRunsShowVersion) {
  // A privilege-15 user lands at `r1#` and can run `show version`.
  SessionPtr session = login("admin", "secret");
  ShellSession shell(session.get());
  shell.read_until("r1#", deadline_in(20));
  // As every client does first: IOS pages long output otherwise.
  shell.send("terminal length 0\n");
  shell.read_until("r1#", deadline_in(20));
  shell.send("show version\n");
  const std::string output = shell.read_until("r1#", deadline_in(20));
  EXPECT_TRUE(output.starts_with("show version\r\n")) << output;
  EXPECT_NE(output.find("Cisco IOS XE Software"), std::string::npos) << output;
}

TEST_F(IosimShell, PrivilegeOneUserLandsAtUserExec) {
  // A privilege-1 user lands at user EXEC, `r1>`.
  SessionPtr session = login("oper", "oper-pass");
  ShellSession shell(session.get());
  shell.read_until("r1>", deadline_in(20));
}

TEST_F(IosimShell, ExitClosesTheChannel) {
  // `exit` ends the session: the server closes the channel.
  SessionPtr session = login("admin", "secret");
  ShellSession shell(session.get());
  shell.read_until("r1#", deadline_in(20));
  shell.send("exit\n");
  EXPECT_TRUE(shell.wait_closed(deadline_in(20)));
}

TEST_F(IosimShell, TwoSessionsRunSideBySide) {
  // Two sessions of one user run side by side, as netmiko's CLI and SCP do.
  SessionPtr first_session = login("admin", "secret");
  SessionPtr second_session = login("admin", "secret");
  ShellSession first(first_session.get());
  ShellSession second(second_session.get());
  first.read_until("r1#", deadline_in(20));
  second.read_until("r1#", deadline_in(20));
  second.send("\n");
  EXPECT_EQ(second.read_until("r1#", deadline_in(20)), "\r\nr1#");
  first.send("\n");
  EXPECT_EQ(first.read_until("r1#", deadline_in(20)), "\r\nr1#");
}

}  // namespace
}  // namespace iosctl::test
