// SCP to and from iosim with OpenSSH's own `scp -O`, byte for byte, and the
// ways IOS refuses a transfer.

#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_openssh.h"
#include "integration/support_ssh_client.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

// One iosim: r1 with `ip scp server enable`, r2 without it, r3 dropping the
// connection 1000 bytes into any upload.
class IosimScp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    key_ = dir_->path() / "id_user";
    generate_key(key_);
    const std::string pub = (dir_->path() / "id_user.pub").string();
    std::vector<LabEntry> devices(3);
    const char* names[] = {"r1", "r2", "r3"};
    for (std::size_t i = 0; i < devices.size(); ++i) {
      devices[i].name = names[i];
      devices[i].port = free_port();
      devices[i].users = {"- {username: admin, public_key: " + pub + ", privilege: 15}",
                          "- {username: oper, public_key: " + pub + ", privilege: 1}",
                          "- {username: cli, password: secret, privilege: 15}"};
      ports_[i] = devices[i].port;
    }
    devices[1].running_config = lab_fixture("iosxe-r2-no-scp.cfg");
    devices[2].extra = {"faults: {drop_scp_after_bytes: 1000}"};
    const auto lab = dir_->write("lab.yaml", lab_yaml(devices));
    iosim_ = std::make_unique<IosimProcess>(std::vector<std::string>{"--lab", lab.string()});
  }
  static void TearDownTestSuite() {
    // Every session the tests left must not keep iosim from a clean exit.
    EXPECT_EQ(iosim_->stop(), 0) << iosim_->process().err();
    iosim_.reset();
    dir_.reset();
  }

  static std::string remote(const std::string& user, const std::string& path) {
    return user + "@127.0.0.1:" + path;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::filesystem::path key_;
  static inline std::uint16_t ports_[3] = {};
};

TEST_F(IosimScp, UploadAndDownloadAreByteExact) {
  // Up and back byte-exact while a CLI session stays open (netmiko's pattern).
  SessionPtr cli = connect_to(ports_[0], "cli");
  ASSERT_TRUE(cli);
  ASSERT_EQ(login_with_password(cli.get(), "secret"), SSH_AUTH_SUCCESS);
  ShellSession shell(cli.get());
  shell.read_until("r1#", deadline_in(20));

  // Larger than OpenSSH's 2 MB channel window, so window adjusts are crossed.
  const std::string payload = binary_payload(3 * 1024 * 1024 + 17);
  const auto local = dir_->write("up.bin", payload);
  const RunResult up =
      run_scp(ports_[0], key_, local.string(), remote("admin", "flash:/candidate_config.txt"));
  ASSERT_EQ(up.status, 0) << up.err;
  const RunResult down = run_scp(ports_[0], key_, remote("admin", "flash:/candidate_config.txt"),
                                 (dir_->path() / "down.bin").string());
  ASSERT_EQ(down.status, 0) << down.err;
  EXPECT_TRUE(dir_->read("down.bin") == payload);

  shell.send("\n");
  shell.read_until("r1#", deadline_in(20));
}

TEST_F(IosimScp, UploadToFileSystemKeepsTheName) {
  // `scp -t flash:` (a bare file system) stores under the name in the `C` line.
  const auto local = dir_->write("named.txt", "hostname r9\n");
  ASSERT_EQ(run_scp(ports_[0], key_, local.string(), remote("admin", "flash:")).status, 0);
  const RunResult down = run_scp(ports_[0], key_, remote("admin", "flash:/named.txt"),
                                 (dir_->path() / "named-back.txt").string());
  ASSERT_EQ(down.status, 0) << down.err;
  EXPECT_EQ(dir_->read("named-back.txt"), "hostname r9\n");
}

TEST_F(IosimScp, PrivilegeOneUserIsDenied) {
  // Below privilege 15 the transfer is refused with IOS's `Privilege denied.`
  const auto local = dir_->write("denied.txt", "x\n");
  const RunResult up = run_scp(ports_[0], key_, local.string(), remote("oper", "flash:/x.txt"));
  EXPECT_EQ(up.status, 1);
  EXPECT_EQ(up.err, "Privilege denied.\n");
}

TEST_F(IosimScp, DownloadOfMissingFileNamesIt) {
  // A missing file is reported in IOS's words.
  const RunResult down = run_scp(ports_[0], key_, remote("admin", "flash:/nope.txt"),
                                 (dir_->path() / "nope.txt").string());
  EXPECT_EQ(down.status, 1);
  EXPECT_EQ(down.err, "%Error opening flash:/nope.txt (No such file or directory)\n");
}

TEST_F(IosimScp, PreserveOptionIsRefused) {
  // `scp -p` is refused as IOS refuses `-p` and `-d`.
  const auto local = dir_->write("p.txt", "x\n");
  const RunResult up =
      run_scp(ports_[0], key_, local.string(), remote("admin", "flash:/p.txt"), {"-O", "-p"});
  EXPECT_EQ(up.status, 1);
  EXPECT_EQ(up.err, "-p -d options not supported\n");
}

TEST_F(IosimScp, SftpBasedScpFails) {
  // OpenSSH >= 9 without -O asks for SFTP, which IOS does not have.
  const auto local = dir_->write("s.txt", "x\n");
  const RunResult up =
      run_scp(ports_[0], key_, local.string(), remote("admin", "flash:/s.txt"), {});
  EXPECT_NE(up.status, 0);
  EXPECT_NE(up.err.find("subsystem request failed"), std::string::npos) << up.err;
}

TEST_F(IosimScp, DisabledScpServerTransfersNothing) {
  // Without `ip scp server enable` the transfer fails and nothing is stored.
  const auto local = dir_->write("off.txt", "x\n");
  const RunResult up = run_scp(ports_[1], key_, local.string(), remote("admin", "flash:/off.txt"));
  EXPECT_NE(up.status, 0);
  const RunResult down = run_scp(ports_[1], key_, remote("admin", "flash:/off.txt"),
                                 (dir_->path() / "off-back.txt").string());
  EXPECT_NE(down.status, 0);
  EXPECT_FALSE(std::filesystem::exists(dir_->path() / "off-back.txt"));
}

TEST_F(IosimScp, DroppedUploadStoresNothing) {
  // drop_scp_after_bytes: the connection dies mid-upload and no file is stored.
  const auto local = dir_->write("drop.bin", binary_payload(100000));
  const RunResult up = run_scp(ports_[2], key_, local.string(), remote("admin", "flash:/drop.bin"));
  EXPECT_NE(up.status, 0);
  const RunResult down = run_scp(ports_[2], key_, remote("admin", "flash:/drop.bin"),
                                 (dir_->path() / "drop-back.bin").string());
  EXPECT_EQ(down.status, 1);
  EXPECT_EQ(down.err, "%Error opening flash:/drop.bin (No such file or directory)\n");
}

}  // namespace
}  // namespace iosctl::test
