// iosim's life: the ready signal, clean shutdown on SIGTERM/SIGINT, and the
// state kept in --state-dir across a restart.

#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_openssh.h"
#include "integration/support_ssh_client.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>
#include <libssh/libssh.h>

#include <memory>
#include <signal.h>
#include <stdexcept>
#include <string>

namespace iosctl::test {
namespace {

// Returns the SHA-256 fingerprint of the host key iosim shows on `port`.
std::string host_key_fingerprint(std::uint16_t port) {
  SessionPtr session = connect_to(port, "admin");
  if (!session) return "";
  ssh_key key = nullptr;
  if (ssh_get_server_publickey(session.get(), &key) != SSH_OK) return "";
  unsigned char* hash = nullptr;
  size_t length = 0;
  ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length);
  std::string fingerprint(reinterpret_cast<char*>(hash), length);
  ssh_clean_pubkey_hash(&hash);
  ssh_key_free(key);
  return fingerprint;
}

TEST(IosimLifecycle, ReadyIsTheOnlyOutput) {
  // Stdout carries exactly one line, `ready`; the ready file says the same.
  TempDir dir;
  LabEntry device;
  device.port = free_port();
  const auto lab = dir.write("lab.yaml", lab_yaml({device}));
  const auto ready_file = dir.path() / "ready";
  IosimProcess iosim({"--lab", lab.string(), "--ready-file", ready_file.string()});
  EXPECT_EQ(dir.read("ready"), "ready\n");
  EXPECT_EQ(iosim.stop(), 0);
  EXPECT_EQ(iosim.process().out(), "ready\n");
  EXPECT_EQ(iosim.process().err(), "");
}

TEST(IosimLifecycle, SigtermExitsZeroWithClientConnected) {
  // SIGTERM ends iosim with status 0 even with a client logged in.
  TempDir dir;
  LabEntry device;
  device.port = free_port();
  const auto lab = dir.write("lab.yaml", lab_yaml({device}));
  IosimProcess iosim({"--lab", lab.string()});
  SessionPtr session = connect_to(device.port, "admin");
  ASSERT_TRUE(session);
  ASSERT_EQ(login_with_password(session.get(), "secret"), SSH_AUTH_SUCCESS);
  EXPECT_EQ(iosim.stop(SIGTERM), 0);
}

TEST(IosimLifecycle, SigintExitsZero) {
  // SIGINT (Ctrl-C at a terminal) ends iosim with status 0 too.
  TempDir dir;
  LabEntry device;
  device.port = free_port();
  const auto lab = dir.write("lab.yaml", lab_yaml({device}));
  IosimProcess iosim({"--lab", lab.string()});
  EXPECT_EQ(iosim.stop(SIGINT), 0);
}

TEST(IosimLifecycle, SingleDeviceShorthandServes) {
  // The single-device shorthand serves one device that takes a login.
  const std::uint16_t port = free_port();
  IosimProcess iosim({"--listen", "127.0.0.1:" + std::to_string(port), "--config",
                      lab_fixture("iosxe-r1.cfg").string(), "--user", "admin:secret:15"});
  SessionPtr session = connect_to(port, "admin");
  ASSERT_TRUE(session);
  EXPECT_EQ(login_with_password(session.get(), "secret"), SSH_AUTH_SUCCESS);
  EXPECT_EQ(iosim.stop(), 0);
}

TEST(IosimLifecycle, StateDirKeepsFlashAndHostKeys) {
  // With --state-dir, flash files and host keys survive a restart.
  TempDir dir;
  generate_key(dir.path() / "id_user");
  LabEntry device;
  device.port = free_port();
  device.users = {"- {username: admin, public_key: " + (dir.path() / "id_user.pub").string() +
                  ", privilege: 15}"};
  const auto lab = dir.write("lab.yaml", lab_yaml({device}));
  const std::vector<std::string> args = {"--lab", lab.string(), "--state-dir",
                                         (dir.path() / "state").string()};
  const std::string payload = binary_payload(70000);
  const auto local = dir.write("kept.bin", payload);
  std::string fingerprint;
  {
    IosimProcess iosim(args);
    fingerprint = host_key_fingerprint(device.port);
    const RunResult up = run_scp(device.port, dir.path() / "id_user", local.string(),
                                 "admin@127.0.0.1:flash:/kept.bin");
    ASSERT_EQ(up.status, 0) << up.err;
    ASSERT_EQ(iosim.stop(), 0);
  }
  IosimProcess again(args);
  EXPECT_EQ(host_key_fingerprint(device.port), fingerprint);
  const RunResult down =
      run_scp(device.port, dir.path() / "id_user", "admin@127.0.0.1:flash:/kept.bin",
              (dir.path() / "back.bin").string());
  ASSERT_EQ(down.status, 0) << down.err;
  EXPECT_TRUE(dir.read("back.bin") == payload);
  EXPECT_EQ(again.stop(), 0);
}

// A shell logged in as admin, read up to its first prompt `prompt`.
struct AdminShell {
  explicit AdminShell(std::uint16_t port, const std::string& prompt)
      : session(connect_to(port, "admin")) {
    if (!session || login_with_password(session.get(), "secret") != SSH_AUTH_SUCCESS) {
      throw std::runtime_error("cannot log in to port " + std::to_string(port));
    }
    shell = std::make_unique<ShellSession>(session.get());
    shell->read_until(prompt, deadline_in(20));
  }
  // Sends `line` and reads up to `prompt`.
  std::string type(const std::string& line, const std::string& prompt) {
    shell->send(line + "\n");
    return shell->read_until(prompt, deadline_in(20));
  }
  SessionPtr session;
  std::unique_ptr<ShellSession> shell;
};

TEST(IosimLifecycle, RestartBootsTheStartupConfig) {
  // With --state-dir a restart is a reload: a saved change survives it, an
  // unsaved one is gone (and iosim says so).
  TempDir dir;
  LabEntry device;
  device.port = free_port();
  const auto lab = dir.write("lab.yaml", lab_yaml({device}));
  const std::vector<std::string> args = {"--lab", lab.string(), "--state-dir",
                                         (dir.path() / "state").string()};
  {
    IosimProcess iosim(args);
    AdminShell admin(device.port, "r1#");
    admin.type("configure terminal", "r1(config)#");
    admin.type("hostname r9", "r9(config)#");
    admin.type("end", "r9#");
    admin.type("write memory", "r9#");
    admin.type("configure terminal", "r9(config)#");
    admin.type("hostname r5", "r5(config)#");
    admin.type("end", "r5#");
    ASSERT_EQ(iosim.stop(SIGKILL), 128 + SIGKILL);
  }
  IosimProcess again(args);
  AdminShell admin(device.port, "r9#");
  const std::string running = admin.type("show running-config | include hostname|change", "r9#");
  EXPECT_NE(running.find("hostname r9"), std::string::npos) << running;
  EXPECT_NE(running.find("No configuration change since last restart"), std::string::npos)
      << running;
  EXPECT_EQ(again.stop(), 0);
  EXPECT_NE(again.process().err().find("device 'r1': booted its startup-config; unsaved "
                                       "running-config changes are gone"),
            std::string::npos)
      << again.process().err();
}

}  // namespace
}  // namespace iosctl::test
