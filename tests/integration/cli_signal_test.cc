// SIGINT / SIGTERM against the iosctl binary and iosim over SSH. Single host:
// a commit in flight finishes (or, under health checks, is reverted) and the
// run exits 130 / 143 with the truthful outcome; a second Ctrl-C forces the
// exit with one line on the device's possible state. Fleet: Ctrl-C typed on
// a real terminal (a pty) stops the run as it does with stderr redirected.
// Each test knows where iosctl is from its -v lines or progress, never a sleep,
// and reads the device back on separate SSH connections.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <poll.h>
#include <pty.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace iosctl::test {
namespace {

// Each answer of the device takes 0.3 s, so a commit spends seconds in flight.
constexpr const char* kLatency = "latency_ms: 300";

class CliSignal : public DeviceTest {
 protected:
  void SetUp() override {
    LabEntry device;
    device.extra = {kLatency};
    start(device);
    original_ = running();
    startup_before_ = startup();
  }
  // Starts iosctl -v against the device with `args`; stderr shows each step.
  std::unique_ptr<ChildProcess> spawn(const std::vector<std::string>& args) {
    return std::make_unique<ChildProcess>(
        joined(joined({IOSCTL_BINARY}, login_args(port_, dir_.path() / "known_hosts")),
               joined({"-v"}, args)));
  }
  // Waits for `child` to exit; fails the test (and returns -1) after 60 s.
  static int exit_of(ChildProcess& child) {
    const std::optional<int> status = child.wait(deadline_in(60));
    EXPECT_TRUE(status.has_value()) << child.err();
    return status.value_or(-1);
  }
  std::string startup() {
    const RunResult r = run({"get-config", "--source", "startup", "--show-secrets"});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  // The candidate: the device's config plus one ntp line.
  std::string candidate_file() { return dir_.write("change.cfg", running_plus(kNtp)).string(); }
  static bool holds(const std::string& config, const std::string& line) {
    return config.find("\n" + line + "\n") != std::string::npos;
  }

  static constexpr const char* kNtp = "ntp server 192.0.2.10";
  std::string original_;
  std::string startup_before_;
};

TEST_F(CliSignal, SigintDuringTheReplaceLetsTheCommitFinishThenExits130) {
  // Ctrl-C while `configure replace` runs: the commit and its save finish, the
  // report says so, exit 130; the device runs and has saved the candidate.
  const std::string file = candidate_file();
  const auto child = spawn({"commit", file});
  ASSERT_TRUE(child->wait_for_err("> configure replace ", deadline_in(60))) << child->err();
  child->send_signal(SIGINT);
  EXPECT_EQ(exit_of(*child), 130) << child->err();
  EXPECT_NE(child->err().find(": finishing the replace, then stopping (Ctrl-C again forces the "
                              "exit)\n"),
            std::string::npos)
      << child->err();
  EXPECT_NE(child->err().find("iosctl: error: " + target() +
                              ": interrupted after the commit finished: committed: 1 line added, "
                              "0 removed; saved\n"),
            std::string::npos)
      << child->err();
  const std::string now = running();
  EXPECT_TRUE(holds(now, kNtp)) << now;
  EXPECT_EQ(now.find("file prompt"), std::string::npos) << now;
  EXPECT_TRUE(holds(startup(), kNtp));
}

TEST_F(CliSignal, SigtermDuringTheReplaceExits143WithItsJsonDocument) {
  // SIGTERM mid-replace with --json and --save never: one document saying the
  // commit ran, not saved, exit_code 143; running has the candidate, startup not.
  const std::string file = candidate_file();
  const auto child = spawn({"--json", "commit", file, "--save", "never"});
  ASSERT_TRUE(child->wait_for_err("> configure replace ", deadline_in(60))) << child->err();
  child->send_signal(SIGTERM);
  EXPECT_EQ(exit_of(*child), 143) << child->err();
  const nlohmann::json doc = nlohmann::json::parse(child->out());
  EXPECT_EQ(doc.at("exit_code"), 143);
  EXPECT_EQ(doc.at("saved"), false);
  EXPECT_EQ(doc.at("message"), target() +
                                   ": terminated after the commit finished: committed: 1 line "
                                   "added, 0 removed; not saved");
  EXPECT_NE(child->err().find("(a second SIGTERM forces the exit)\n"), std::string::npos);
  EXPECT_TRUE(holds(running(), kNtp));
  EXPECT_EQ(startup(), startup_before_);
}

TEST_F(CliSignal, SigintWhileCopyingTheCandidateStopsBeforeAnyChange) {
  // Ctrl-C during the copy: the copy finishes, nothing else runs, exit 130;
  // running and startup are as before.
  const std::string file = candidate_file();
  const auto child = spawn({"commit", file});
  ASSERT_TRUE(child->wait_for_err(": copying the candidate to ", deadline_in(60))) << child->err();
  child->send_signal(SIGINT);
  EXPECT_EQ(exit_of(*child), 130) << child->err();
  EXPECT_NE(child->err().find("iosctl: error: " + target() +
                              ": interrupted before any change; the device is unchanged\n"),
            std::string::npos)
      << child->err();
  EXPECT_EQ(child->err().find("> configure replace"), std::string::npos) << child->err();
  EXPECT_EQ(running(), original_);
  EXPECT_EQ(startup(), startup_before_);
}

TEST_F(CliSignal, SecondSigintForcesTheExitWithTheReplacesStateLine) {
  // Ctrl-C twice mid-replace: exit 130 at once with the line naming both
  // configs; the device is on one of them, whole, and the next commit repairs.
  const std::string file = candidate_file();
  const auto child = spawn({"commit", file});
  ASSERT_TRUE(child->wait_for_err("> configure replace ", deadline_in(60))) << child->err();
  child->send_signal(SIGINT);
  ASSERT_TRUE(child->wait_for_err(", then stopping (", deadline_in(60))) << child->err();
  child->send_signal(SIGINT);
  EXPECT_EQ(exit_of(*child), 130) << child->err();
  EXPECT_NE(child->err().find("iosctl: error: " + target() +
                              ": forced exit during the replace; the device may be on its "
                              "original or the candidate config, and 'file prompt quiet' may be "
                              "left: run 'iosctl status'\n"),
            std::string::npos)
      << child->err();
  EXPECT_EQ(child->err().find("finished"), std::string::npos) << child->err();
  const std::string now = running();
  std::string with_ntp = original_;
  with_ntp.insert(with_ntp.rfind("\nend") + 1, std::string(kNtp) + "\n");
  EXPECT_TRUE(now == original_ || now == with_ntp) << now;
  EXPECT_EQ(startup(), startup_before_);
  // `status` names the run the forced exit left, and the next commit completes it.
  const RunResult status = run({"status"});
  EXPECT_NE(status.out.find("interrupted run: "), std::string::npos) << status.out << status.err;
  const RunResult next = run({"commit", file});
  EXPECT_EQ(next.status, 0) << next.out << next.err;
  EXPECT_EQ(running(), with_ntp);
  EXPECT_TRUE(holds(startup(), kNtp));
}

TEST_F(CliSignal, SigintDuringTheHealthChecksRevertsNow) {
  // Ctrl-C while a confirmed commit's check runs: revert now, as for a failed
  // check, say so, exit 130; no commit pending and the original config runs.
  const std::string file = candidate_file();
  const auto child = spawn({"commit", file, "--confirm-timeout", "5", "--health-check",
                            "show version=~IOS", "--auto-confirm"});
  ASSERT_TRUE(child->wait_for_err("> show version", deadline_in(60))) << child->err();
  child->send_signal(SIGINT);
  EXPECT_EQ(exit_of(*child), 130) << child->err();
  EXPECT_NE(child->err().find("iosctl: error: " + target() +
                              ": interrupted during the health checks; the device was reverted "
                              "to its original config\n"),
            std::string::npos)
      << child->err();
  EXPECT_EQ(child->err().find("> configure confirm"), std::string::npos) << child->err();
  EXPECT_TRUE(run({"status"}).out.starts_with("no pending confirmed commit"));
  EXPECT_EQ(running(), original_);
  EXPECT_EQ(startup(), startup_before_);
}

TEST_F(CliSignal, SigtermDuringARollbackFinishesItThenExits143) {
  // A commit to roll back, then SIGTERM while the rollback's replace runs:
  // the rollback finishes, exit 143, the original config runs again.
  const RunResult commit = run({"commit", candidate_file()});
  ASSERT_EQ(commit.status, 0) << commit.err;
  const auto child = spawn({"rollback"});
  ASSERT_TRUE(child->wait_for_err("> configure replace ", deadline_in(60))) << child->err();
  child->send_signal(SIGTERM);
  EXPECT_EQ(exit_of(*child), 143) << child->err();
  EXPECT_NE(child->err().find("iosctl: error: " + target() +
                              ": terminated after the rollback finished: "),
            std::string::npos)
      << child->err();
  EXPECT_EQ(running(), original_);
}

// iosctl on a real terminal: a pty is its stdin, stdout and stderr, and it
// leads the pty's foreground process group, as a shell's job would.
class TerminalChild {
 public:
  explicit TerminalChild(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_ = forkpty(&master_, nullptr, nullptr, nullptr);
    if (pid_ == 0) {
      execv(args[0], args.data());
      _exit(127);
    }
    if (pid_ < 0) throw std::runtime_error("forkpty failed");
  }
  ~TerminalChild() {
    if (!reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(master_);
  }
  TerminalChild(const TerminalChild&) = delete;
  TerminalChild& operator=(const TerminalChild&) = delete;

  // Reads the terminal until it shows `text`; false at `deadline` or its end.
  bool wait_for(std::string_view text, Deadline deadline) {
    while (screen_.find(text) == std::string::npos) {
      if (!pump(deadline)) return false;
    }
    return true;
  }
  // Types `bytes` at the terminal (ETX is Ctrl-C: the pty sends SIGINT to
  // the foreground process group).
  void type(std::string_view bytes) {
    ASSERT_EQ(write(master_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  // Reads to the end and reaps; the exit code, or -(signal) when a signal
  // ended it, or nullopt at `deadline`.
  std::optional<int> wait(Deadline deadline) {
    while (pump(deadline)) {
    }
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
      pollfd none{};
      poll(&none, 0, 10);  // the pty is closed; the exit is at most moments away
    }
    reaped_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  }
  const std::string& screen() const { return screen_; }

 private:
  bool pump(Deadline deadline) {
    pollfd fd{master_, POLLIN, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || poll(&fd, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[4096];
    const ssize_t n = read(master_, buffer, sizeof buffer);
    if (n <= 0) return false;  // EIO once the child closed the terminal
    screen_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  bool reaped_ = false;
  std::string screen_;
};

TEST(CliSignalFleet, CtrlCOnATerminalStopsTheRunWithTheReportAndJunit) {
  // Four slow devices, one at a time, on a terminal: Ctrl-C typed once the
  // first runs ends the run as with stderr redirected: the first finishes,
  // the rest are interrupted, the table is printed, the JUnit file is whole,
  // exit 130 (and not death by SIGINT).
  TempDir dir;
  std::vector<LabEntry> devices;
  std::string inventory =
      "defaults:\n  username: admin\n  password_env: " + std::string(kPasswordVar) +
      "\n  candidate: " + lab_fixture("iosxe-r1.cfg").string() + "\nhosts:\n";
  for (int i = 1; i <= 4; ++i) {
    LabEntry device;
    device.name = "r" + std::to_string(i);
    device.port = free_port();
    device.extra = {kLatency};
    for (const LabEntry& other : devices) {
      if (other.port == device.port) device.port = free_port();
    }
    devices.push_back(device);
    inventory +=
        "  " + device.name + ": {hostname: 127.0.0.1, port: " + std::to_string(device.port) + "}\n";
  }
  const IosimProcess iosim({"--lab", dir.write("lab.yaml", lab_yaml(devices)).string()});
  setenv(kPasswordVar, "secret", 1);
  const std::string junit = (dir.path() / "run.xml").string();
  TerminalChild child({IOSCTL_BINARY, "-i", dir.write("fleet.yaml", inventory).string(),
                       "--known-hosts", (dir.path() / "known_hosts").string(), "--host-key-policy",
                       "accept-new", "--parallel", "1", "--junit", junit, "compare"});
  // The terminal's status line shows the first host at work.
  ASSERT_TRUE(child.wait_for("0/4 done, 0 failing, 1 running", deadline_in(60))) << child.screen();
  child.type("\x03");
  const std::optional<int> code = child.wait(deadline_in(60));
  ASSERT_TRUE(code.has_value()) << child.screen();
  EXPECT_EQ(*code, 130) << child.screen();
  EXPECT_NE(child.screen().find("iosctl: interrupted: no more hosts start; waiting for 1 running"),
            std::string::npos)
      << child.screen();
  EXPECT_NE(child.screen().find("r4    interrupted"), std::string::npos) << child.screen();
  EXPECT_NE(
      child.screen().find("4 hosts: 1 no_changes, 3 interrupted; stopped by Ctrl-C; exit 130"),
      std::string::npos)
      << child.screen();
  const RunResult xml = run_program({"/usr/bin/python3", "-c",
                                     "import sys, xml.etree.ElementTree as ET\n"
                                     "s = ET.parse(sys.argv[1]).getroot().find('testsuite')\n"
                                     "print(s.get('tests'), len(s.findall('testcase/skipped')))\n",
                                     junit},
                                    deadline_in(30));
  EXPECT_EQ(xml.status, 0) << xml.err;
  EXPECT_EQ(xml.out, "4 3\n");
}

}  // namespace
}  // namespace iosctl::test
