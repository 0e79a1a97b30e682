// ssh::scp_push / scp_pull (and exec) against iosim: byte-exact both ways,
// progress, and the device's refusals in its own words.

#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_openssh.h"
#include "integration/support_temp_dir.h"
#include "iosctl/error.h"
#include "iosctl/ssh/exec.h"
#include "iosctl/ssh/scp.h"
#include "iosctl/ssh/session.h"
#include "iosctl/ssh/shell_stream.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

// One iosim: r1 with `ip scp server enable`, r2 without it, r3 dropping the
// connection 1000 bytes into any upload. `admin` has privilege 15, `oper` 1.
class SshScp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    std::vector<LabEntry> devices(3);
    const char* names[] = {"r1", "r2", "r3"};
    for (std::size_t i = 0; i < devices.size(); ++i) {
      devices[i].name = names[i];
      devices[i].port = free_port();
      devices[i].users = {"- {username: admin, password: secret, privilege: 15}",
                          "- {username: oper, password: oper-pass, privilege: 1}"};
      ports_[i] = devices[i].port;
    }
    devices[1].running_config = lab_fixture("iosxe-r2-no-scp.cfg");
    devices[2].extra = {"faults: {drop_scp_after_bytes: 1000}"};
    const auto lab = dir_->write("lab.yaml", lab_yaml(devices));
    iosim_ = std::make_unique<IosimProcess>(std::vector<std::string>{"--lab", lab.string()});
  }
  static void TearDownTestSuite() {
    iosim_.reset();
    dir_.reset();
  }

  static std::unique_ptr<ssh::Session> connect(int device, const std::string& user = "admin",
                                               const std::string& password = "secret") {
    ssh::SessionOptions options;
    options.host = "127.0.0.1";
    options.port = ports_[device];
    options.username = user;
    options.password = password;
    options.use_agent = false;
    options.ssh_dir = dir_->path() / "ssh";
    options.host_key_policy = ssh::HostKeyPolicy::accept_new;
    return std::make_unique<ssh::Session>(options);
  }

  static std::string where(int device) { return "127.0.0.1:" + std::to_string(ports_[device]); }

  // Returns the Error `action` throws, or nullopt.
  template <typename Action>
  static std::optional<Error> failure_of(Action action) {
    try {
      action();
    } catch (const Error& e) {
      return e;
    }
    return std::nullopt;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::uint16_t ports_[3] = {};
};

TEST_F(SshScp, PushThenPullIsByteExact) {
  // Bytes pushed to flash come back identical, every byte value and line
  // ending included, with a CLI session open beside (netmiko's pattern).
  std::unique_ptr<ssh::Session> cli = connect(0);
  ssh::ShellStream shell(*cli);
  std::unique_ptr<ssh::Session> transfer = connect(0);
  // Larger than a channel window, so window adjusts are crossed.
  const std::string payload = binary_payload(3 * 1024 * 1024 + 17);
  std::vector<std::uint64_t> pushed;
  ssh::scp_push(*transfer, payload, "flash:/candidate_config.txt", deadline_in(60),
                [&](std::uint64_t done, std::uint64_t total) {
                  EXPECT_EQ(total, payload.size());
                  pushed.push_back(done);
                });
  ASSERT_FALSE(pushed.empty());
  EXPECT_TRUE(std::is_sorted(pushed.begin(), pushed.end()));
  EXPECT_EQ(pushed.front(), 0u);
  EXPECT_EQ(pushed.back(), payload.size());

  std::uint64_t pulled = 0;
  const std::string back = ssh::scp_pull(*transfer, "flash:/candidate_config.txt", deadline_in(60),
                                         [&](std::uint64_t done, std::uint64_t) { pulled = done; });
  EXPECT_EQ(pulled, payload.size());
  EXPECT_EQ(back.size(), payload.size());
  EXPECT_TRUE(back == payload);
}

TEST_F(SshScp, FilesGoToAFileSystemUnderTheirName) {
  // A local file pushed to a bare `flash:` keeps its name; pulled to a file, it matches.
  std::unique_ptr<ssh::Session> transfer = connect(0);
  const auto local = dir_->write("merge_config.txt", "interface Loopback9\n description x\nend\n");
  ssh::scp_push_file(*transfer, local, "flash:", deadline_in(30));
  ssh::scp_pull_file(*transfer, "flash:/merge_config.txt", dir_->path() / "back.txt",
                     deadline_in(30));
  EXPECT_EQ(dir_->read("back.txt"), "interface Loopback9\n description x\nend\n");
  EXPECT_FALSE(std::filesystem::exists(dir_->path() / "back.txt.partial"));
}

TEST_F(SshScp, EmptyFileRoundTrips) {
  // A zero-byte file is a file too.
  std::unique_ptr<ssh::Session> transfer = connect(0);
  ssh::scp_push(*transfer, "", "flash:/empty.txt", deadline_in(30));
  EXPECT_EQ(ssh::scp_pull(*transfer, "flash:/empty.txt", deadline_in(30)), "");
}

TEST_F(SshScp, DeviceWithoutScpServerRefusesThePush) {
  // Without `ip scp server enable` the push fails, naming that line.
  std::unique_ptr<ssh::Session> transfer = connect(1);
  const std::optional<Error> error = failure_of(
      [&] { ssh::scp_push(*transfer, "x\n", "flash:/candidate_config.txt", deadline_in(30)); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->failure(), Failure::invalid);
  EXPECT_EQ(std::string(error->what()),
            "scp to flash:/candidate_config.txt on " + where(1) +
                " failed: the device closed the channel without an answer (is 'ip scp server "
                "enable' configured?)");
}

TEST_F(SshScp, DeviceErrorsComeVerbatim) {
  // The device's own words: `Privilege denied.` below privilege 15, IOS's
  // `%Error opening` for a missing file.
  std::unique_ptr<ssh::Session> oper = connect(0, "oper", "oper-pass");
  std::optional<Error> error =
      failure_of([&] { ssh::scp_push(*oper, "x\n", "flash:/x.txt", deadline_in(30)); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->failure(), Failure::invalid);
  EXPECT_EQ(std::string(error->what()),
            "scp to flash:/x.txt on " + where(0) + " failed: Privilege denied.");

  std::unique_ptr<ssh::Session> admin = connect(0);
  error = failure_of([&] { ssh::scp_pull(*admin, "flash:/nope.txt", deadline_in(30)); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->failure(), Failure::invalid);
  EXPECT_EQ(std::string(error->what()),
            "scp from flash:/nope.txt on " + where(0) +
                " failed: %Error opening flash:/nope.txt (No such file or directory)");
}

TEST_F(SshScp, DroppedTransferIsUnreachable) {
  // The link dying mid-upload is exit 6, not a device refusal.
  std::unique_ptr<ssh::Session> transfer = connect(2);
  const std::optional<Error> error = failure_of([&] {
    ssh::scp_push(*transfer, binary_payload(100000), "flash:/drop.bin", deadline_in(30));
  });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->failure(), Failure::unreachable);
  EXPECT_EQ(std::string(error->what()), "scp to flash:/drop.bin on " + where(2) +
                                            " failed: connection to " + where(2) + " lost");
}

TEST_F(SshScp, ExecOfACliCommandIsRefused) {
  // iosim (like an IOS without exec-channel support) refuses exec requests other than scp.
  std::unique_ptr<ssh::Session> session = connect(0);
  const std::optional<Error> error =
      failure_of([&] { ssh::exec(*session, "show version", deadline_in(30)); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->failure(), Failure::invalid);
  EXPECT_EQ(std::string(error->what()),
            "the device at " + where(0) +
                " refused to run 'show version' on an exec channel (use a shell instead)");
}

}  // namespace
}  // namespace iosctl::test
