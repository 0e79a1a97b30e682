// Logging in to iosim: password, public key, keyboard-interactive, and the
// faults that refuse or reshape the login.

#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_ssh_client.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

// One iosim for the whole suite, four devices:
// r1 (normal), r2 (refuse_auth), r3 (login_banner), r4 (legacy algorithms).
class IosimAuth : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    generate_key(dir_->path() / "id_user");
    generate_key(dir_->path() / "id_stranger");
    const std::string key_user =
        "- {username: keyuser, public_key: " + (dir_->path() / "id_user.pub").string() +
        ", privilege: 15}";
    std::vector<LabEntry> devices(4);
    const char* names[] = {"r1", "r2", "r3", "r4"};
    for (std::size_t i = 0; i < devices.size(); ++i) {
      devices[i].name = names[i];
      devices[i].port = free_port();
      devices[i].users = {"- {username: admin, password: secret, privilege: 15}",
                          "- {username: oper, password: oper-pass}", key_user};
      ports_[i] = devices[i].port;
    }
    devices[1].extra = {"faults: {refuse_auth: true}"};
    devices[2].extra = {"faults: {login_banner: 'Authorized access only'}"};
    devices[3].extra = {"faults: {legacy_algorithms_only: true}"};
    const auto lab = dir_->write("lab.yaml", lab_yaml(devices));
    iosim_ = std::make_unique<IosimProcess>(std::vector<std::string>{"--lab", lab.string()});
  }
  static void TearDownTestSuite() {
    // Every session the tests left must not keep iosim from a clean exit.
    EXPECT_EQ(iosim_->stop(), 0) << iosim_->process().err();
    iosim_.reset();
    dir_.reset();
  }

  static SessionPtr connect(int device, const std::string& user) {
    std::string error;
    SessionPtr session = connect_to(ports_[device], user, {}, &error);
    if (!session) ADD_FAILURE() << "connect failed: " << error;
    return session;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::uint16_t ports_[4] = {};
};

TEST_F(IosimAuth, PasswordLoginSucceeds) {
  // The right password logs in.
  SessionPtr session = connect(0, "admin");
  ASSERT_TRUE(session);
  EXPECT_EQ(login_with_password(session.get(), "secret"), SSH_AUTH_SUCCESS);
}

TEST_F(IosimAuth, WrongPasswordAndUnknownUserAreRefused) {
  // A wrong password is refused, and so is an unknown user.
  SessionPtr session = connect(0, "admin");
  ASSERT_TRUE(session);
  EXPECT_EQ(login_with_password(session.get(), "Secret"), SSH_AUTH_DENIED);
  SessionPtr stranger = connect(0, "nobody");
  ASSERT_TRUE(stranger);
  EXPECT_EQ(login_with_password(stranger.get(), "secret"), SSH_AUTH_DENIED);
}

TEST_F(IosimAuth, PublicKeyLoginChecksTheKey) {
  // The user's public key logs in; a key the lab does not list is refused.
  SessionPtr session = connect(0, "keyuser");
  ASSERT_TRUE(session);
  EXPECT_EQ(login_with_key(session.get(), dir_->path() / "id_stranger"), SSH_AUTH_DENIED);
  EXPECT_EQ(login_with_key(session.get(), dir_->path() / "id_user"), SSH_AUTH_SUCCESS);
}

TEST_F(IosimAuth, KeyboardInteractiveAsksForThePassword) {
  // Keyboard-interactive asks one question, IOS's `Password: `.
  SessionPtr session = connect(0, "admin");
  ASSERT_TRUE(session);
  std::vector<std::string> prompts;
  EXPECT_EQ(login_keyboard_interactive(session.get(), "secret", &prompts), SSH_AUTH_SUCCESS);
  EXPECT_EQ(prompts, std::vector<std::string>{"Password: "});
}

TEST_F(IosimAuth, KeyboardInteractiveRefusesAWrongPassword) {
  // Keyboard-interactive with a wrong password is refused.
  SessionPtr session = connect(0, "admin");
  ASSERT_TRUE(session);
  std::vector<std::string> prompts;
  EXPECT_EQ(login_keyboard_interactive(session.get(), "wrong", &prompts), SSH_AUTH_DENIED);
}

TEST_F(IosimAuth, RefuseAuthFaultRefusesEverything) {
  // Fault refuse_auth: even the right password and key are refused.
  SessionPtr session = connect(1, "admin");
  ASSERT_TRUE(session);
  EXPECT_EQ(login_with_password(session.get(), "secret"), SSH_AUTH_DENIED);
  SessionPtr by_key = connect(1, "keyuser");
  ASSERT_TRUE(by_key);
  EXPECT_EQ(login_with_key(by_key.get(), dir_->path() / "id_user"), SSH_AUTH_DENIED);
}

TEST_F(IosimAuth, LoginBannerIsSentBeforeLogin) {
  // Fault login_banner: the banner reaches the client before it logs in.
  SessionPtr session = connect(2, "admin");
  ASSERT_TRUE(session);
  EXPECT_EQ(ssh_userauth_none(session.get(), nullptr), SSH_AUTH_DENIED);
  char* banner = ssh_get_issue_banner(session.get());
  ASSERT_NE(banner, nullptr);
  EXPECT_EQ(std::string(banner), "Authorized access only\r\n");
  ssh_string_free_char(banner);
  EXPECT_EQ(login_with_password(session.get(), "secret"), SSH_AUTH_SUCCESS);
}

TEST_F(IosimAuth, LegacyDeviceRefusesModernOnlyClient) {
  // legacy_algorithms_only: a client offering only modern key exchange is refused.
  std::string error;
  SessionPtr session =
      connect_to(ports_[3], "admin", {{SSH_OPTIONS_KEY_EXCHANGE, "curve25519-sha256"}}, &error);
  // Which side notices first varies, so the client's wording does too.
  EXPECT_FALSE(session);
}

TEST_F(IosimAuth, LegacyDeviceSpeaksOldAlgorithms) {
  // legacy_algorithms_only: a client allowing old algorithms gets DH14-SHA1, AES-CBC.
  std::string error;
  SessionPtr session = connect_to(ports_[3], "admin",
                                  {{SSH_OPTIONS_KEY_EXCHANGE, "diffie-hellman-group14-sha1"},
                                   {SSH_OPTIONS_HOSTKEYS, "ssh-rsa"},
                                   {SSH_OPTIONS_CIPHERS_C_S, "aes128-cbc"},
                                   {SSH_OPTIONS_CIPHERS_S_C, "aes128-cbc"},
                                   {SSH_OPTIONS_HMAC_C_S, "hmac-sha1"},
                                   {SSH_OPTIONS_HMAC_S_C, "hmac-sha1"}},
                                  &error);
  ASSERT_TRUE(session) << error;
  EXPECT_STREQ(ssh_get_kex_algo(session.get()), "diffie-hellman-group14-sha1");
  EXPECT_STREQ(ssh_get_cipher_out(session.get()), "aes128-cbc");
  EXPECT_EQ(login_with_password(session.get(), "secret"), SSH_AUTH_SUCCESS);
}

}  // namespace
}  // namespace iosctl::test
