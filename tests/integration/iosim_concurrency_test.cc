// One iosim serving several clients on different devices at once: a client
// that hangs up on one device must not cut off a busy session on another.

#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_ssh_client.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

#include <csignal>
#include <memory>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace iosctl::test {
namespace {

constexpr int kDevices = 4;

// Holds iosim stopped (SIGSTOP, and waited for) until destroyed, so that what
// clients send meanwhile reaches it all in one poll when it resumes.
class Frozen {
 public:
  explicit Frozen(pid_t pid) : pid_(pid) {
    kill(pid_, SIGSTOP);
    siginfo_t info{};
    waitid(P_PID, static_cast<id_t>(pid_), &info, WSTOPPED);
  }
  ~Frozen() { kill(pid_, SIGCONT); }
  Frozen(const Frozen&) = delete;
  Frozen& operator=(const Frozen&) = delete;

 private:
  pid_t pid_;
};

// One iosim, four devices r1..r4 (their prompts) with the same login.
class IosimConcurrency : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    std::vector<LabEntry> devices(kDevices);
    for (int i = 0; i < kDevices; ++i) {
      devices[i].name = "r" + std::to_string(i + 1);
      devices[i].port = free_port();
      // Each device its own prompt, though all start from one config.
      devices[i].extra = {"hostname: " + devices[i].name};
      ports_[i] = devices[i].port;
    }
    const auto lab = dir_->write("lab.yaml", lab_yaml(devices));
    iosim_ = std::make_unique<IosimProcess>(std::vector<std::string>{"--lab", lab.string()});
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(iosim_->stop(), 0) << iosim_->process().err();
    iosim_.reset();
    dir_.reset();
  }

  // Logs in to device `index` (0-based) as admin.
  static SessionPtr login(int index) {
    SessionPtr session = connect_to(ports_[index], "admin");
    if (!session || login_with_password(session.get(), "secret") != SSH_AUTH_SUCCESS) {
      throw std::runtime_error("cannot log in to r" + std::to_string(index + 1));
    }
    return session;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<IosimProcess> iosim_;
  static inline std::uint16_t ports_[kDevices] = {};
};

// How often `what` occurs in `text`.
std::size_t count_of(const std::string& text, std::string_view what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

TEST_F(IosimConcurrency, HangUpOnOneDeviceLeavesABusyShellOnAnotherUp) {
  // Clients on r2..r4 vanish (no SSH goodbye) just as r1 writes a long answer;
  // r1's shell gets all of it and stays up. (iosim used to drop r1: the flush
  // of its output polled the other sockets and took their EOF as its error.)
  // iosim is stopped while r1's commands and the hang-ups arrive, so that one
  // poll sees them all and r1 writes while hang-ups are still unread.
  constexpr int kCommands = 60;  // about 58 KB of output: two SSH packets
  SessionPtr busy = login(0);
  ShellSession shell(busy.get());
  shell.read_until("r1#", deadline_in(20));
  shell.send("terminal length 0\n");
  shell.read_until("r1#", deadline_in(20));
  std::vector<SessionPtr> leaving;
  for (int i = 1; i < kDevices; ++i) leaving.push_back(login(i));
  const pid_t pid = iosim_->process().pid();
  std::string commands;
  for (int i = 0; i < kCommands; ++i) commands += "show version\n";
  // The prompt changes last, so its tail marks the end of all the output.
  commands += "configure terminal\n";
  {
    const Frozen frozen(pid);
    shell.send(commands);
    for (SessionPtr& session : leaving) ssh_silent_disconnect(session.get());
  }
  std::string output;
  try {
    output = shell.read_until("r1(config)#", deadline_in(60));
    // The answer may all be out before the cut: the session must still work.
    shell.send("end\n");
    shell.read_until("r1#", deadline_in(20));
  } catch (const std::runtime_error& error) {
    FAIL() << "r1's shell was cut off: " << std::string(error.what()).substr(0, 300);
  }
  EXPECT_EQ(count_of(output, "Cisco IOS XE Software"), kCommands);
}

TEST_F(IosimConcurrency, ClientsOnEveryDeviceAtOnceAllFinish) {
  // Threads on all four devices run shells while others log in and hang up
  // around them, as a fleet run does; every shell sees every answer. (Timing
  // decides here: it caught the old fault in about 1 run of 5.)
  constexpr int kRounds = 15;
  std::vector<std::string> failures(kDevices);
  std::vector<std::thread> threads;
  for (int device = 0; device < kDevices; ++device) {
    threads.emplace_back([device, &failures] {
      const std::string prompt = "r" + std::to_string(device + 1) + "#";
      try {
        for (int round = 0; round < kRounds; ++round) {
          SessionPtr session = login(device);
          ShellSession shell(session.get());
          shell.read_until(prompt, deadline_in(20));
          shell.send("terminal length 0\nshow running-config\n");
          shell.read_until("end\r\n\r\n" + prompt, deadline_in(20));
          // A second connection that goes away without a goodbye.
          SessionPtr leaving = login(device);
          ssh_silent_disconnect(leaving.get());
          shell.send("show version\n");
          shell.read_until(prompt, deadline_in(20));
        }
      } catch (const std::exception& error) {
        failures[device] = error.what();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int device = 0; device < kDevices; ++device) {
    EXPECT_EQ(failures[device], "") << "r" << device + 1;
  }
}

}  // namespace
}  // namespace iosctl::test
