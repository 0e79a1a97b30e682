// iosctl reaching a device through the CLI: host-key policies, a wrong
// password, a device that offers only legacy algorithms.

#include "integration/support_child_process.h"
#include "integration/support_free_port.h"
#include "integration/support_iosctl.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

// r1 (modern) and r2 (legacy_algorithms_only).
class CliConnect : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    const RunResult key =
        run_program({"/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "cli-key-phrase", "-C",
                     "test", "-f", (dir_->path() / "id_locked").string()},
                    deadline_in(30));
    ASSERT_EQ(key.status, 0) << key.err;
    std::vector<LabEntry> devices(2);
    devices[0].port = free_port();
    devices[0].users = {"- {username: admin, password: secret, privilege: 15}",
                        "- {username: keyuser, public_key: " +
                            (dir_->path() / "id_locked.pub").string() + ", privilege: 15}"};
    devices[1].name = "r2";
    devices[1].port = free_port();
    devices[1].extra = {"faults: {legacy_algorithms_only: true}"};
    modern_ = devices[0].port;
    legacy_ = devices[1].port;
    iosim_ = std::make_unique<IosimProcess>(
        std::vector<std::string>{"--lab", dir_->write("lab.yaml", lab_yaml(devices)).string()});
  }
  static void TearDownTestSuite() {
    iosim_.reset();
    dir_.reset();
  }
  static RunResult run(std::uint16_t port, const std::string& known_hosts,
                       const std::string& policy, const std::vector<std::string>& args) {
    return run_iosctl_on(joined(login_args(port, dir_->path() / known_hosts, policy), args));
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::uint16_t modern_ = 0;
  static inline std::uint16_t legacy_ = 0;
};

TEST_F(CliConnect, StrictRefusesAnUnknownKeyShowingItsFingerprint) {
  // strict (the default) and an empty known_hosts: exit 6, the fingerprint, the fix.
  const RunResult r = run(modern_, "empty_hosts", "strict", {"send-command", "show clock"});
  EXPECT_EQ(r.status, 6);
  const std::string head = "iosctl: error: host key of 127.0.0.1:" + std::to_string(modern_) +
                           " is unknown (ssh-ed25519 SHA256:";
  EXPECT_TRUE(r.err.starts_with(head)) << r.err;
  EXPECT_TRUE(
      r.err.ends_with("): if that is the device's fingerprint, connect once with "
                      "--host-key-policy accept-new to add it to " +
                      (dir_->path() / "empty_hosts").string() + "\n"))
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliConnect, AcceptNewLearnsTheKeyThenStrictConnects) {
  // accept-new adds the key (with a warning); strict then accepts it.
  const RunResult first =
      run(modern_, "learned_hosts", "accept-new", {"send-command", "show clock"});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_TRUE(first.err.starts_with("iosctl: warning: added the host key of 127.0.0.1:" +
                                    std::to_string(modern_)))
      << first.err;
  const RunResult second = run(modern_, "learned_hosts", "strict", {"send-command", "show clock"});
  EXPECT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(second.err, "");
}

TEST_F(CliConnect, WrongPasswordExitsSixOnOneLine) {
  // A wrong password: exit 6, one line naming what was tried, never the password.
  setenv("IOSCTL_TEST_WRONG", "not-the-password", 1);
  const RunResult r =
      run_iosctl_on({"-H", "127.0.0.1", "--port", std::to_string(modern_), "--username", "admin",
                     "--password-env", "IOSCTL_TEST_WRONG", "--known-hosts",
                     (dir_->path() / "wrong_hosts").string(), "--host-key-policy", "accept-new",
                     "send-command", "show clock"});
  EXPECT_EQ(r.status, 6);
  const std::string warning = r.err.substr(0, r.err.find('\n') + 1);
  EXPECT_EQ(r.err.substr(warning.size()),
            "iosctl: error: authentication failed for admin@127.0.0.1:" + std::to_string(modern_) +
                " (tried password, keyboard-interactive)\n");
}

TEST_F(CliConnect, EncryptedKeyFileWithPassphraseFromEnvironment) {
  // --key-file with --key-passphrase-env logs in with no password at all.
  setenv("IOSCTL_TEST_KEY_PHRASE", "cli-key-phrase", 1);
  const RunResult r = run_iosctl_on(
      {"-H", "127.0.0.1", "--port", std::to_string(modern_), "--username", "keyuser", "--key-file",
       (dir_->path() / "id_locked").string(), "--key-passphrase-env", "IOSCTL_TEST_KEY_PHRASE",
       "--known-hosts", (dir_->path() / "key_hosts").string(), "--host-key-policy", "accept-new",
       "send-command", "show privilege"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("15"), std::string::npos) << r.out;
}

TEST_F(CliConnect, LegacyOnlyDeviceNeedsLegacyAlgorithms) {
  // Old IOS: refused with a message naming --legacy-algorithms, then reached with it.
  const RunResult without =
      run(legacy_, "legacy_hosts", "accept-new", {"send-command", "show clock"});
  EXPECT_EQ(without.status, 6);
  EXPECT_EQ(without.err,
            "iosctl: error: no SSH algorithms in common with 127.0.0.1:" + std::to_string(legacy_) +
                ": old IOS offers only legacy ones (diffie-hellman-group14-sha1, "
                "ssh-rsa, aes-cbc); allow them with --legacy-algorithms\n");
  const RunResult with = run(legacy_, "legacy_hosts", "accept-new",
                             {"--legacy-algorithms", "send-command", "show clock"});
  EXPECT_EQ(with.status, 0) << with.err;
  EXPECT_NE(with.out.find("UTC"), std::string::npos) << with.out;
}

TEST_F(CliConnect, ConnectionOptionsFileSetsTheDevice) {
  // A Netmiko-style YAML file reaches the device; --host on its own overrides its host.
  const auto file = dir_->write(
      "device.yaml", "device_type: cisco_ios\nhost: 127.0.0.9\nport: " + std::to_string(modern_) +
                         "\nusername: admin\nhost_key_policy: "
                         "accept-new\n");
  setenv(kPasswordVar, "secret", 1);
  const RunResult r = run_iosctl_on(
      {"--connection-options", file.string(), "-H", "127.0.0.1", "--password-env", kPasswordVar,
       "--known-hosts", (dir_->path() / "options_hosts").string(), "send-command", "show clock"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("UTC"), std::string::npos) << r.out;
}

TEST_F(CliConnect, ClosedPortExitsSix) {
  // Nothing listening: exit 6 with one line.
  const RunResult r =
      run(free_port(), "closed_hosts", "accept-new", {"send-command", "show clock"});
  EXPECT_EQ(r.status, 6);
  EXPECT_TRUE(r.err.starts_with("iosctl: error: ")) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

}  // namespace
}  // namespace iosctl::test
