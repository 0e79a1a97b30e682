// Runs killed or overlapped against iosim, then the device read back: a
// SIGKILL at each step of a commit leaves what `status` reports and what the
// next commit repairs; parallel commits never both claim a change that is
// not on the device.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <future>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace iosctl::test {
namespace {

class CliInterruptedRun : public DeviceTest {
 protected:
  // A device slow enough (each answer 40 ms late) that a commit is still in
  // flight when the test sees its progress line.
  void start_slow() {
    LabEntry device;
    device.extra = {"latency_ms: 40"};
    start(device);
    ASSERT_EQ(run({"status"}).status, 0);  // learns the host key before any race
  }
  std::string shown(const std::string& command) { return run({"send-command", command}).out; }
  std::string file_prompt() { return shown("show running-config | include file prompt"); }
  bool saved() { return run({"status"}).out.find("running config saved") != std::string::npos; }
  // Starts a commit against a device whose answers come 200 ms late, waits
  // for its -v line `step`, then kills iosim (SIGKILL) while that step's
  // command is on its way; returns the commit, to wait for.
  std::unique_ptr<ChildProcess> lose_the_device_at(const std::string& step) {
    LabEntry device;
    device.extra = {"latency_ms: 200"};
    start(device);
    EXPECT_EQ(run({"status"}).status, 0);
    const auto candidate = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
    auto commit = spawn({"-v", "commit", candidate.string()});
    EXPECT_TRUE(commit->wait_for_err(step, deadline_in(60))) << commit->err();
    iosim_->stop(SIGKILL);
    return commit;
  }
};

// One kind of run to interrupt: its arguments (after -v), the progress
// lines -v prints as each step begins, and what recovers it.
struct KillMatrix {
  std::string name;
  bool commit_first = false;  // a plain commit of the candidate runs before (rollback)
  std::vector<std::string> args;
  std::vector<std::string> steps;
  std::vector<std::string> recover;
  bool on_candidate = true;  // after recovery: the candidate runs (else the original)
};

const std::vector<std::string> kCommitSteps = {
    "copying the candidate to",
    "writing the run journal",
    "checking the configuration lock",
    "saving the running config as the checkpoint",
    "checking that bootflash:/candidate_config.txt and the running config are as compared",
    "replacing the running config with",
    "saving the running config\n",
};

// {} stands for the candidate file.
const std::vector<KillMatrix> kMatrices = {
    {"replace", false, {"commit", "{}"}, kCommitSteps, {"commit", "{}"}, true},
    {"merge",
     false,
     {"commit", "--merge", "{}"},
     {"copying the candidate to", "writing the run journal", "checking the configuration lock",
      "checking that bootflash:/merge_config.txt", "saving the running config as the checkpoint",
      "merging bootflash:/merge_config.txt", "saving the running config\n"},
     {"commit", "--merge", "{}"},
     true},
    {"confirmed replace",
     false,
     {"commit", "--confirm-timeout", "30", "{}"},
     {"writing the run journal", "saving the running config as the checkpoint",
      "replacing the running config with"},
     {"rollback"},
     false},
    {"rollback",
     true,
     {"rollback"},
     {"writing the run journal", "checking the configuration lock",
      "replacing the running config with bootflash:/rollback_config.txt",
      "saving the running config\n"},
     {"rollback"},
     false},
};

std::vector<std::string> with_file(std::vector<std::string> args, const std::string& file) {
  for (std::string& a : args) {
    if (a == "{}") a = file;
  }
  return args;
}

class CliKillMatrix : public CliInterruptedRun,
                      public ::testing::WithParamInterface<std::tuple<std::size_t, int>> {};

TEST_P(CliKillMatrix, ARunKilledAtAnyStepIsRepairedByTheNext) {
  // For each kind of run, each signal and each step: the signal as the step
  // begins. After SIGKILL `status` names the interrupted run once its journal
  // exists and any quiet mode it left; after SIGINT / SIGTERM the run itself
  // stops at the next step with 130 / 143 and leaves no journal. Then the recovering run exits 0 (a
  // rollback after a commit killed before its checkpoint: 3, nothing to roll back) and the device
  // ends on the old or the new config as the matrix says, saved, with the file prompt mode it had,
  // and no journal left.
  int tried = 0;
  int recovered = 0;
  const KillMatrix& m = kMatrices[std::get<0>(GetParam())];
  const int signal = std::get<1>(GetParam());
  {
    for (const std::string& step : m.steps) {
      SCOPED_TRACE(m.name + " signalled " + std::to_string(signal) + " at: " + step);
      ++tried;
      start_slow();
      const std::string original = running();
      const std::string mode = file_prompt();
      const std::string line = "ntp server 192.0.2.10";
      const bool merge = m.args.size() > 1 && m.args[1] == "--merge";
      const std::string file =
          dir_.write("change.cfg", merge ? line + "\nend\n" : running_plus(line)).string();
      if (m.commit_first) {
        ASSERT_EQ(run({"commit", file}).status, 0);
      }
      {
        auto killed = spawn(joined({"-v"}, with_file(m.args, file)));
        ASSERT_TRUE(killed->wait_for_err(step, deadline_in(30))) << killed->err();
        killed->send_signal(signal);
        const std::optional<int> code = killed->wait(deadline_in(60));
        ASSERT_TRUE(code);
        if (signal != SIGKILL) {
          EXPECT_TRUE(*code == 128 + signal || *code == 0) << *code << killed->err();
        }
      }
      // Each broken promise is a failure of its own; a point counts as
      // recovered when none broke.
      bool ok = true;
      const auto expect = [&ok](bool holds, const std::string& what) {
        if (holds) return;
        ok = false;
        ADD_FAILURE() << what;
      };
      const RunResult status = run({"status"});
      expect(status.status == 0, "status failed: " + status.err);
      if (signal == SIGKILL && step != "copying the candidate to" &&
          step != "writing the run journal") {
        expect(status.out.find("interrupted run: ") != std::string::npos,
               "status does not name the interrupted run:\n" + status.out);
      }
      if (file_prompt() != mode) {
        expect(status.out.find("'file prompt quiet' left by the interrupted") != std::string::npos,
               "status does not report the quiet mode left:\n" + status.out);
      }
      const RunResult next = run(with_file(m.recover, file));
      const bool nothing_to_undo = m.recover[0] == "rollback" && !m.commit_first &&
                                   next.err.find("there is no checkpoint") != std::string::npos;
      expect(next.status == 0 || (nothing_to_undo && next.status == 3),
             "recovery exited " + std::to_string(next.status) + ": " + next.out + next.err);
      const std::string after = running();
      if (m.on_candidate) {
        expect(after.find(line + "\n") != std::string::npos, "the candidate is not running");
      } else {
        expect(after == original, "the original config is not running:\n" + after);
      }
      expect(file_prompt() == mode, "the file prompt mode is not as before: " + file_prompt());
      expect(saved() || nothing_to_undo, "the running config is not saved");
      const std::string final_status = run({"status"}).out;
      expect(final_status.find(" run") == std::string::npos &&
                 final_status.find("no pending confirmed commit") != std::string::npos,
             "status after recovery:\n" + final_status);
      if (ok) ++recovered;
    }
  }
  std::cout << m.name << " signal " << signal << " points: " << tried << " tried, " << recovered
            << " recovered\n";
}

INSTANTIATE_TEST_SUITE_P(EachRunAndSignal, CliKillMatrix,
                         ::testing::Combine(::testing::Range<std::size_t>(0, kMatrices.size()),
                                            ::testing::Values(SIGKILL, SIGINT, SIGTERM)),
                         [](const ::testing::TestParamInfo<std::tuple<std::size_t, int>>& param) {
                           std::string name = kMatrices[std::get<0>(param.param)].name;
                           std::replace(name.begin(), name.end(), ' ', '_');
                           const int signal = std::get<1>(param.param);
                           return name + (signal == SIGKILL  ? "_SIGKILL"
                                          : signal == SIGINT ? "_SIGINT"
                                                             : "_SIGTERM");
                         });

TEST_F(CliInterruptedRun, ALiveRunIsNotOverlapped) {
  // While a commit holds the device, a second commit or compare stops with
  // exit 8 naming the first run; the first one's change is what the device gets.
  start_slow();
  const auto first = dir_.write("first.cfg", running_plus("ntp server 192.0.2.21"));
  const auto second = dir_.write("second.cfg", running_plus("ntp server 192.0.2.22"));
  auto holder = spawn({"-v", "commit", first.string()});
  ASSERT_TRUE(holder->wait_for_err("checking the configuration lock", deadline_in(30)));
  // Stopped, the first run is alive but silent: its journal stays live.
  holder->send_signal(SIGSTOP);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"commit", second.string()},
        std::vector<std::string>{"compare", second.string()}}) {
    const RunResult r = run(args);
    EXPECT_EQ(r.status, 8) << r.err;
    EXPECT_NE(r.err.find("another run is using the device: load by admin from "), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("the device is unchanged by this run"), std::string::npos) << r.err;
  }
  holder->send_signal(SIGCONT);
  ASSERT_EQ(holder->wait(deadline_in(60)), 0) << holder->err();
  const std::string after = running();
  EXPECT_NE(after.find("ntp server 192.0.2.21\n"), std::string::npos);
  EXPECT_EQ(after.find("ntp server 192.0.2.22\n"), std::string::npos);
}

TEST_F(CliInterruptedRun, ParallelCommitsReportWhatTheDeviceShows) {
  // Four commits of different candidates at once: each exits 0 or 8; the
  // device ends on the candidate of a run that said 0 (or, if all stepped
  // back, on none), and every run that said 0 had its change on the device (its line is in the
  // running config or in the archive copy the next replace took of it).
  start_slow();
  constexpr int kRuns = 4;
  std::vector<std::string> lines;
  std::vector<std::string> files;
  for (int i = 0; i < kRuns; ++i) {
    lines.push_back("ntp server 192.0.2." + std::to_string(30 + i));
    files.push_back(dir_.write("c" + std::to_string(i) + ".cfg", running_plus(lines.back())));
  }
  std::vector<std::future<RunResult>> runs;
  for (int i = 0; i < kRuns; ++i) {
    runs.push_back(std::async(std::launch::async, [this, &files, i] {
      return run({"commit", files[i]});
    }));
  }
  std::vector<RunResult> results;
  for (auto& r : runs) results.push_back(r.get());
  std::string seen = running();
  const std::string archive = shown("show archive");
  for (std::size_t at = archive.find("bootflash:archive"); at != std::string::npos;
       at = archive.find("bootflash:archive", at + 1)) {
    seen += shown("more " + archive.substr(at, archive.find_first_of(" \n", at) - at));
  }
  int committed = 0;
  for (int i = 0; i < kRuns; ++i) {
    SCOPED_TRACE(files[i]);
    const RunResult& r = results[i];
    ASSERT_TRUE(r.status == 0 || r.status == 8) << r.status << r.err;
    if (r.status == 0) {
      ++committed;
      EXPECT_NE(seen.find(lines[i] + "\n"), std::string::npos) << r.out;
    } else {
      EXPECT_NE(r.err.find("unchanged by this run"), std::string::npos) << r.err;
    }
  }
  // Runs that write their journals at the same instant may all step back:
  // safe, and said (exit 8); the device is then as it was.
  std::cout << "parallel commits: " << kRuns << " started, " << committed << " committed\n";
  int running_lines = 0;
  const std::string now = running();
  for (int i = 0; i < kRuns; ++i) {
    if (now.find(lines[i] + "\n") == std::string::npos) continue;
    ++running_lines;
    EXPECT_EQ(results[i].status, 0) << "the device runs a candidate whose run failed";
  }
  EXPECT_EQ(running_lines, committed > 0 ? 1 : 0) << now;
}

TEST_F(CliInterruptedRun, ACandidateDeletedMidRunLeavesTheDeviceUnchanged) {
  // Deleted between the compare and the replace: exit 8, the truth (the
  // device is unchanged), and the file prompt mode as it was.
  start_slow();
  const std::string before = running();
  const std::string mode = file_prompt();
  const auto candidate = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  auto commit = spawn({"-v", "commit", candidate.string()});
  ASSERT_TRUE(commit->wait_for_err("saving the running config as the checkpoint", deadline_in(30)));
  commit->send_signal(SIGSTOP);
  shown("delete /force bootflash:/candidate_config.txt");
  commit->send_signal(SIGCONT);
  EXPECT_EQ(commit->wait(deadline_in(60)), 8) << commit->err();
  EXPECT_NE(commit->err().find("bootflash:/candidate_config.txt was deleted after iosctl compared "
                               "it (by another run or user?); the device is unchanged"),
            std::string::npos)
      << commit->err();
  EXPECT_EQ(running(), before);
  EXPECT_EQ(file_prompt(), mode);
  EXPECT_EQ(run({"status"}).out.find("interrupted run"), std::string::npos);
}

TEST_F(CliInterruptedRun, AConfigChangedMidRunIsNotReplacedOver) {
  // Another session configures the device after the compare: the commit
  // stops before its replace (exit 8) and the other change stays.
  start_slow();
  const auto candidate = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  auto commit = spawn({"-v", "commit", candidate.string()});
  ASSERT_TRUE(commit->wait_for_err("checking the configuration lock", deadline_in(30)));
  commit->send_signal(SIGSTOP);
  ASSERT_EQ(run({"send-config", "logging host 192.0.2.99"}).status, 0);
  commit->send_signal(SIGCONT);
  EXPECT_EQ(commit->wait(deadline_in(60)), 8) << commit->err();
  EXPECT_NE(commit->err().find("the running config changed after iosctl compared it"),
            std::string::npos)
      << commit->err();
  const std::string after = running();
  EXPECT_NE(after.find("logging host 192.0.2.99\n"), std::string::npos);
  EXPECT_EQ(after.find("ntp server 192.0.2.10\n"), std::string::npos);
}

TEST_F(CliInterruptedRun, ADeviceLostDuringTheSaveIsCommittedNotSaved) {
  // iosim dies while `write memory` is on its way: exit 7, saying the change
  // runs and startup-config may be old.
  auto commit = lose_the_device_at("saving the running config\n");
  EXPECT_EQ(commit->wait(deadline_in(60)), 7) << commit->err();
  EXPECT_NE(commit->err().find("the change is in the running config but the connection was lost "
                               "during 'write memory'"),
            std::string::npos)
      << commit->err();
  EXPECT_NE(commit->err().find("startup-config may still hold the old config"), std::string::npos);
}

TEST_F(CliInterruptedRun, ADeviceLostDuringTheCheckpointSaysQuietModeMayStay) {
  // iosim dies during the checkpoint copy, after iosctl added quiet mode:
  // unreachable (exit 6), and the message says the quiet mode may stay.
  auto commit = lose_the_device_at("saving the running config as the checkpoint");
  EXPECT_EQ(commit->wait(deadline_in(60)), 6) << commit->err();
  EXPECT_NE(commit->err().find("'file prompt quiet' that iosctl added stays in the running config"),
            std::string::npos)
      << commit->err();
}

}  // namespace
}  // namespace iosctl::test
