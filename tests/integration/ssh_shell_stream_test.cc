// ssh::ShellStream, the Stream dialog/ talks to, on a pty shell of iosim:
// reads with deadlines, and the error when the device goes away.

#include "integration/support_child_process.h"
#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"
#include "iosctl/error.h"
#include "iosctl/ssh/session.h"
#include "iosctl/ssh/shell_stream.h"

#include <gtest/gtest.h>

#include <optional>
#include <signal.h>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

// Reads until what arrived ends with `tail`; returns it all. Fails the test
// (and returns what it has) if `deadline` passes first.
std::string read_until(Stream& stream, std::string_view tail, Deadline deadline) {
  std::string text;
  while (!text.ends_with(tail)) {
    const std::string piece = stream.read(deadline);
    if (piece.empty()) {
      ADD_FAILURE() << "no '" << tail << "' before the deadline; read '" << text << "'";
      break;
    }
    text += piece;
  }
  return text;
}

// A fresh iosim (one device, r1) per test, so a test may stop it.
class SshShellStream : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = free_port();
    iosim_ = std::make_unique<IosimProcess>(std::vector<std::string>{
        "--listen", "127.0.0.1:" + std::to_string(port_), "--config",
        lab_fixture("iosxe-r1.cfg").string(), "--user", "admin:secret:15"});
    ssh::SessionOptions options;
    options.host = "127.0.0.1";
    options.port = port_;
    options.username = "admin";
    options.password = "secret";
    options.use_agent = false;
    options.ssh_dir = dir_.path();
    options.host_key_policy = ssh::HostKeyPolicy::accept_new;
    session_ = std::make_unique<ssh::Session>(options);
  }
  void TearDown() override {
    session_.reset();
    iosim_.reset();
  }

  std::string where() const { return "127.0.0.1:" + std::to_string(port_); }

  // Returns the error `read` throws, or nullopt if it returned.
  static std::optional<Error> read_failure(Stream& stream) {
    try {
      stream.read(deadline_in(20));
    } catch (const Error& e) {
      return e;
    }
    return std::nullopt;
  }

  TempDir dir_;
  std::uint16_t port_ = 0;
  std::unique_ptr<IosimProcess> iosim_;
  std::unique_ptr<ssh::Session> session_;
};

TEST_F(SshShellStream, ReadsThePromptAndShowVersion) {
  // The shell shows the prompt; `show version` comes back echoed, then the prompt.
  ssh::ShellStream shell(*session_);
  read_until(shell, "r1#", deadline_in(20));
  shell.write("terminal length 0\n");
  read_until(shell, "r1#", deadline_in(20));
  shell.write("show version\n");
  const std::string output = read_until(shell, "r1#", deadline_in(20));
  EXPECT_TRUE(output.starts_with("show version\r\n")) << output;
  EXPECT_NE(output.find("Cisco IOS XE Software"), std::string::npos) << output;
}

TEST_F(SshShellStream, ReadReturnsEmptyWhenTheDeadlinePasses) {
  // With nothing more to come, read returns an empty string at the deadline.
  ssh::ShellStream shell(*session_);
  read_until(shell, "r1#", deadline_in(20));
  EXPECT_EQ(shell.read(deadline_in(0.2)), "");
  // A deadline already gone still returns at once.
  EXPECT_EQ(shell.read(deadline_in(-1)), "");
}

TEST_F(SshShellStream, KeepaliveLeavesTheShellWorking) {
  // A keepalive (which the device answers with a failure) breaks nothing.
  ssh::ShellStream shell(*session_);
  read_until(shell, "r1#", deadline_in(20));
  session_->keep_alive(ssh::Clock::now() + std::chrono::hours(1));
  shell.write("\n");
  EXPECT_EQ(read_until(shell, "r1#", deadline_in(20)), "\r\nr1#");
}

TEST_F(SshShellStream, DeviceClosingTheSessionIsUnreachable) {
  // After `exit` the device closes the channel: read and write then throw exit-6 errors.
  ssh::ShellStream shell(*session_);
  read_until(shell, "r1#", deadline_in(20));
  shell.write("exit\n");
  std::optional<Error> error;
  while (!error) error = read_failure(shell);
  EXPECT_EQ(error->failure(), Failure::unreachable);
  EXPECT_EQ(std::string(error->what()), "the device at " + where() + " closed the session");
  try {
    shell.write("show clock\n");
    ADD_FAILURE() << "wrote to a closed session";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "the device at " + where() + " closed the session");
  }
}

TEST_F(SshShellStream, DroppedConnectionIsUnreachable) {
  // When the device dies (iosim killed), read throws Error{unreachable}.
  ssh::ShellStream shell(*session_);
  read_until(shell, "r1#", deadline_in(20));
  iosim_->stop(SIGKILL);
  std::optional<Error> error;
  while (!error) error = read_failure(shell);
  EXPECT_EQ(error->failure(), Failure::unreachable);
  EXPECT_EQ(std::string(error->what()), "connection to " + where() + " lost");
}

}  // namespace
}  // namespace iosctl::test
