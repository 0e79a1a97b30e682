// ssh::Session against iosim: the host key policies strict, accept-new and
// off, with known_hosts in a temp dir and iosim's keys in its --state-dir.

#include "integration/support_child_process.h"
#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"
#include "iosctl/error.h"
#include "iosctl/ssh/session.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

// A fresh iosim (one device, r1) per test, its host keys under state-a.
class SshHostKey : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = free_port();
    start("state-a");
  }

  // (Re)starts iosim on the same port with its keys in `state`.
  void start(const std::string& state) {
    iosim_.reset();
    iosim_ = std::make_unique<IosimProcess>(
        std::vector<std::string>{"--listen", "127.0.0.1:" + std::to_string(port_), "--config",
                                 lab_fixture("iosxe-r1.cfg").string(), "--user", "admin:secret:15",
                                 "--state-dir", (dir_.path() / state).string()});
    state_ = state;
  }

  ssh::SessionOptions options(ssh::HostKeyPolicy policy) {
    ssh::SessionOptions options;
    options.host = "127.0.0.1";
    options.port = port_;
    options.username = "admin";
    options.password = "secret";
    options.use_agent = false;
    options.ssh_dir = dir_.path() / "ssh";
    options.host_key_policy = policy;
    options.on_warning = [this](std::string_view text) { warnings_.emplace_back(text); };
    return options;
  }

  // The device's ed25519 key as OpenSSH's ssh-keygen prints it.
  std::string fingerprint() const {
    const auto key = dir_.path() / state_ / "host_keys" / "ssh_host_ed25519_key";
    const RunResult run = run_program(
        {"/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", key.string()}, deadline_in(30));
    const std::size_t start = run.out.find(' ') + 1;
    return "ssh-ed25519 " + run.out.substr(start, run.out.find(' ', start) - start);
  }

  std::string where() const { return "127.0.0.1:" + std::to_string(port_); }
  std::string known_hosts() const { return (dir_.path() / "ssh" / "known_hosts").string(); }

  static std::optional<Error> failure_of(const ssh::SessionOptions& options) {
    try {
      ssh::Session session(options);
    } catch (const Error& e) {
      return e;
    }
    return std::nullopt;
  }

  TempDir dir_;
  std::uint16_t port_ = 0;
  std::string state_;
  std::unique_ptr<IosimProcess> iosim_;
  std::vector<std::string> warnings_;
};

TEST_F(SshHostKey, StrictRefusesAnUnknownKeyShowingItsFingerprint) {
  // strict (the default) refuses a device missing from known_hosts and
  // shows the SHA256 fingerprint OpenSSH would show, plus how to add it.
  const std::optional<Error> error = failure_of(options(ssh::HostKeyPolicy::strict));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->failure(), Failure::unreachable);
  EXPECT_EQ(exit_code_for(error->failure()), 6);
  EXPECT_EQ(std::string(error->what()),
            "host key of " + where() + " is unknown (" + fingerprint() +
                "): if that is the device's fingerprint, connect once with --host-key-policy "
                "accept-new to add it to " +
                known_hosts());
  EXPECT_FALSE(std::filesystem::exists(known_hosts()));
}

TEST_F(SshHostKey, AcceptNewAddsTheKeySoStrictThenConnects) {
  // accept-new records the unknown key (and says so); strict then connects.
  {
    ssh::Session session(options(ssh::HostKeyPolicy::accept_new));
    EXPECT_EQ(session.info().host_key, fingerprint());
  }
  EXPECT_EQ(warnings_, std::vector<std::string>{"added the host key of " + where() + " (" +
                                                fingerprint() + ") to " + known_hosts()});
  std::ifstream in(known_hosts());
  std::string line;
  std::getline(in, line);
  EXPECT_TRUE(line.starts_with("[127.0.0.1]:" + std::to_string(port_) + " ssh-ed25519 ")) << line;

  warnings_.clear();
  ssh::Session again(options(ssh::HostKeyPolicy::strict));
  EXPECT_EQ(again.info().auth_method, "password");
  EXPECT_TRUE(warnings_.empty());
}

TEST_F(SshHostKey, ChangedKeyIsRefusedUnderStrictAndAcceptNew) {
  // After the device's key changes (iosim restarted with other keys), both
  // strict and accept-new refuse it, showing the new fingerprint.
  { ssh::Session first(options(ssh::HostKeyPolicy::accept_new)); }
  start("state-b");
  const std::string expected =
      "host key of " + where() + " has changed (now " + fingerprint() +
      "): someone may be intercepting the connection; if the device was re-keyed, remove its "
      "old key with ssh-keygen -R '[127.0.0.1]:" +
      std::to_string(port_) + "' -f " + known_hosts();
  for (const ssh::HostKeyPolicy policy :
       {ssh::HostKeyPolicy::strict, ssh::HostKeyPolicy::accept_new}) {
    const std::optional<Error> error = failure_of(options(policy));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->failure(), Failure::unreachable);
    EXPECT_EQ(std::string(error->what()), expected);
  }
}

TEST_F(SshHostKey, OffConnectsAndWarnsOnce) {
  // off connects without known_hosts and reports one warning, not printed.
  ssh::Session session(options(ssh::HostKeyPolicy::off));
  EXPECT_EQ(session.info().auth_method, "password");
  EXPECT_EQ(warnings_,
            std::vector<std::string>{"host key checking is off: the identity of " + where() +
                                     " is not verified (" + fingerprint() + ")"});
  EXPECT_FALSE(std::filesystem::exists(known_hosts()));
}

TEST(SshHostKeyPolicy, NamesParse) {
  // The command-line names map to the policies and back; others are refused.
  EXPECT_EQ(ssh::parse_host_key_policy("accept-new"), ssh::HostKeyPolicy::accept_new);
  EXPECT_EQ(ssh::host_key_policy_name(ssh::HostKeyPolicy::accept_new), "accept-new");
  EXPECT_EQ(ssh::parse_host_key_policy("strict"), ssh::HostKeyPolicy::strict);
  EXPECT_EQ(ssh::parse_host_key_policy("off"), ssh::HostKeyPolicy::off);
  EXPECT_EQ(ssh::parse_host_key_policy("yes"), std::nullopt);
}

}  // namespace
}  // namespace iosctl::test
