// ssh::Session getting to a device: the ssh config (aliases, IdentityFile,
// ProxyJump), legacy algorithms for old IOS, and the errors for a closed
// port, a silent port and a device without common algorithms.

#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_ssh_client.h"
#include "integration/support_temp_dir.h"
#include "iosctl/error.h"
#include "iosctl/ssh/session.h"
#include "iosctl/ssh/target.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <optional>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace iosctl::test {
namespace {

// One iosim: r1 (modern), r2 (legacy_algorithms_only), r3 (login_banner).
class SshConnect : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    generate_key(dir_->path() / "id_user");
    std::vector<LabEntry> devices(3);
    const char* names[] = {"r1", "r2", "r3"};
    for (std::size_t i = 0; i < devices.size(); ++i) {
      devices[i].name = names[i];
      devices[i].port = free_port();
      devices[i].users = {"- {username: admin, password: secret, privilege: 15}",
                          "- {username: keyuser, public_key: " +
                              (dir_->path() / "id_user.pub").string() + ", privilege: 15}"};
      ports_[i] = devices[i].port;
    }
    devices[1].extra = {"faults: {legacy_algorithms_only: true}"};
    devices[2].extra = {"faults: {login_banner: 'Authorized access only'}"};
    const auto lab = dir_->write("lab.yaml", lab_yaml(devices));
    iosim_ = std::make_unique<IosimProcess>(std::vector<std::string>{"--lab", lab.string()});
  }
  static void TearDownTestSuite() {
    iosim_.reset();
    dir_.reset();
  }

  // Options that use nothing from the real ~/.ssh or $SSH_AUTH_SOCK.
  static ssh::SessionOptions options(std::uint16_t port) {
    ssh::SessionOptions options;
    options.host = "127.0.0.1";
    options.port = port;
    options.username = "admin";
    options.password = "secret";
    options.use_agent = false;
    options.ssh_dir = dir_->path() / "ssh";
    options.host_key_policy = ssh::HostKeyPolicy::accept_new;
    return options;
  }

  static std::optional<Error> failure_of(const ssh::SessionOptions& options) {
    try {
      ssh::Session session(options);
    } catch (const Error& e) {
      return e;
    }
    return std::nullopt;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::uint16_t ports_[3] = {};
};

TEST_F(SshConnect, ModernDeviceNegotiatesModernAlgorithms) {
  // By default a modern device gets curve25519 and an ed25519 host key.
  ssh::Session session(options(ports_[0]));
  EXPECT_EQ(session.info().server_banner, "SSH-2.0-Cisco-1.25");
  EXPECT_EQ(session.info().kex, "curve25519-sha256");
  EXPECT_TRUE(session.info().host_key.starts_with("ssh-ed25519 SHA256:"));
}

TEST_F(SshConnect, LegacyOnlyDeviceNeedsTheOptIn) {
  // A device speaking only old algorithms is refused, naming the opt-in.
  const std::optional<Error> error = failure_of(options(ports_[1]));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->failure(), Failure::unreachable);
  EXPECT_EQ(std::string(error->what()),
            "no SSH algorithms in common with 127.0.0.1:" + std::to_string(ports_[1]) +
                ": old IOS offers only legacy ones (diffie-hellman-group14-sha1, ssh-rsa, "
                "aes-cbc); allow them with --legacy-algorithms");
}

TEST_F(SshConnect, LegacyOptInReachesTheOldDevice) {
  // With legacy algorithms allowed, the old device logs in with DH14-SHA1,
  // an ssh-rsa host key and AES-CBC.
  ssh::SessionOptions legacy = options(ports_[1]);
  legacy.legacy_algorithms = true;
  ssh::Session session(legacy);
  EXPECT_EQ(session.info().kex, "diffie-hellman-group14-sha1");
  EXPECT_TRUE(session.info().host_key.starts_with("ssh-rsa SHA256:"));
  EXPECT_EQ(session.info().cipher, "aes256-cbc");
  EXPECT_EQ(session.info().mac, "hmac-sha1");
}

TEST_F(SshConnect, LegacyOptInKeepsModernAlgorithmsFirst) {
  // The opt-in adds old algorithms after the modern ones: no downgrade.
  ssh::SessionOptions legacy = options(ports_[0]);
  legacy.legacy_algorithms = true;
  ssh::Session session(legacy);
  EXPECT_EQ(session.info().kex, "curve25519-sha256");
  EXPECT_TRUE(session.info().host_key.starts_with("ssh-ed25519 SHA256:"));
}

TEST_F(SshConnect, LoginBannerIsKept) {
  // The device's pre-login banner is kept for the caller to show.
  ssh::Session session(options(ports_[2]));
  EXPECT_EQ(session.info().login_banner, "Authorized access only\r\n");
}

TEST_F(SshConnect, SshConfigAliasGivesHostPortUserAndIdentity) {
  // A Host alias in the ssh config supplies HostName, Port, User and IdentityFile.
  TempDir home;
  const auto config =
      home.write("config", "Host lab-r1\n  HostName 127.0.0.1\n  Port " +
                               std::to_string(ports_[0]) + "\n  User keyuser\n  IdentityFile " +
                               (dir_->path() / "id_user").string() + "\n");
  ssh::SessionOptions alias;
  alias.host = "lab-r1";
  alias.use_agent = false;
  alias.ssh_dir = home.path() / "ssh";
  alias.ssh_config = config;
  alias.host_key_policy = ssh::HostKeyPolicy::accept_new;
  ssh::Session session(alias);
  EXPECT_EQ(session.target(), "keyuser@127.0.0.1:" + std::to_string(ports_[0]));
  EXPECT_EQ(session.info().auth_method, "publickey");
}

TEST_F(SshConnect, ExplicitOptionsWinOverTheSshConfig) {
  // A port or user given explicitly wins over the config's.
  TempDir home;
  const auto config =
      home.write("config", "Host lab-r1\n  HostName 127.0.0.1\n  Port 1\n  User nobody\n");
  ssh::SessionOptions explicit_options = options(ports_[0]);
  explicit_options.host = "lab-r1";
  explicit_options.ssh_config = config;
  ssh::Session session(explicit_options);
  EXPECT_EQ(session.target(), "admin@127.0.0.1:" + std::to_string(ports_[0]));
}

TEST(SshTarget, ProxyJumpBecomesAnOpenSshProxyCommand) {
  // libssh 0.10 reads ProxyJump as a ProxyCommand running OpenSSH's `ssh -W`.
  TempDir home;
  ssh::SessionOptions options;
  options.host = "edge";
  options.ssh_dir = home.path();
  options.ssh_config = home.write(
      "config", "Host edge\n  HostName 10.9.8.7\n  ProxyJump ops@bastion.example:2200\n");
  const ssh::ResolvedTarget target = ssh::resolve_target(options);
  EXPECT_EQ(target.host, "10.9.8.7");
  EXPECT_EQ(target.proxy_command, "ssh -l ops -p 2200 -W '[%h]:%p' bastion.example");
  EXPECT_EQ(target.known_hosts, home.path() / "known_hosts");
}

TEST(SshTarget, MissingSshConfigIsAUsageError) {
  // A config file that is not there is the user's to fix, not a network failure.
  TempDir home;
  ssh::SessionOptions options;
  options.host = "edge";
  options.ssh_config = home.path() / "nope";
  try {
    ssh::resolve_target(options);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::usage);
    EXPECT_EQ(std::string(e.what()), "cannot read ssh config '" + options.ssh_config.string() +
                                         "': check the --ssh-config path");
  }
}

TEST(SshReach, ClosedPortIsRefused) {
  // Nothing listening: exit 6, and what to check.
  TempDir home;
  ssh::SessionOptions options;
  options.host = "127.0.0.1";
  options.port = free_port();
  options.ssh_dir = home.path();
  try {
    ssh::Session session(options);
    ADD_FAILURE() << "connected";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::unreachable);
    EXPECT_EQ(std::string(e.what()),
              "cannot connect to 127.0.0.1:" + std::to_string(*options.port) +
                  ": connection refused (check the port, and that SSH is "
                  "enabled on the device)");
  }
}

TEST(SshReach, SilentPortTimesOutWaitingForTheGreeting) {
  // A port that accepts but never speaks SSH hits the greeting timeout.
  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 4), 0);
  ASSERT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
  TempDir home;
  ssh::SessionOptions options;
  options.host = "127.0.0.1";
  options.port = ntohs(address.sin_port);
  options.ssh_dir = home.path();
  options.timeouts.banner = std::chrono::milliseconds(300);
  try {
    ssh::Session session(options);
    ADD_FAILURE() << "connected";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::unreachable);
    EXPECT_EQ(std::string(e.what()),
              "no SSH greeting from 127.0.0.1:" + std::to_string(*options.port) +
                  " within 300ms (is this the device's SSH port?)");
  }
  close(listener);
}

}  // namespace
}  // namespace iosctl::test
