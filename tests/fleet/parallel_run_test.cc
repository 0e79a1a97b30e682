#include "iosctl/fleet/parallel_run.h"

#include "iosctl/exit_status.h"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace iosctl::fleet {
namespace {

// Records the observer calls, as the progress display would see them.
class Recorder : public RunObserver {
 public:
  void started(const std::string& host) override {
    const std::lock_guard lock(mutex_);
    started_.push_back(host);
  }
  void finished(const HostResult& result) override {
    const std::lock_guard lock(mutex_);
    finished_.push_back(result.host);
  }
  std::vector<std::string> started_;
  std::vector<std::string> finished_;

 private:
  std::mutex mutex_;
};

HostResult result_for(const std::string& host, int exit_code) {
  HostResult r;
  r.host = host;
  r.exit_code = exit_code;
  r.outcome = "ok";
  return r;
}

const std::vector<std::string> kHosts = {"a", "b", "c", "d", "e"};

TEST(ParallelRun, ResultsComeBackInHostOrderWhateverFinishesFirst) {
  // Four workers on five hosts: every host runs once, results in inventory order.
  Recorder seen;
  std::atomic<int> stop = 0;
  const std::vector<HostResult> results = run_parallel(
      kHosts, [](const std::string& h) { return result_for(h, h == "c" ? kExitReverted : 0); },
      {4, false}, seen, stop);
  ASSERT_EQ(results.size(), 5u);
  for (std::size_t i = 0; i < kHosts.size(); ++i) EXPECT_EQ(results[i].host, kHosts[i]);
  EXPECT_EQ(results[2].exit_code, kExitReverted);
  EXPECT_EQ(seen.started_.size(), 5u);
  EXPECT_EQ(seen.finished_.size(), 5u);
}

TEST(ParallelRun, FailFastSkipsHostsNotYetStarted) {
  // One worker: b fails, so c, d and e are skipped with exit 0.
  Recorder seen;
  std::atomic<int> stop = 0;
  const std::vector<HostResult> results = run_parallel(
      kHosts, [](const std::string& h) { return result_for(h, h == "b" ? kExitUnreachable : 0); },
      {1, true}, seen, stop);
  EXPECT_EQ(seen.started_, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(results[2].outcome, "skipped");
  EXPECT_EQ(results[4].outcome, "skipped");
  EXPECT_EQ(results[4].exit_code, kExitOk);
}

TEST(ParallelRun, StopLetsTheRunningHostFinishAndMarksTheRestInterrupted) {
  // Ctrl-C while a runs: a completes, the others never start and are interrupted (130).
  Recorder seen;
  std::atomic<int> stop = 0;
  const std::vector<HostResult> results = run_parallel(
      kHosts,
      [&stop](const std::string& h) {
        stop = SIGINT;  // the signal arrives while this host is being worked on
        return result_for(h, 0);
      },
      {1, false}, seen, stop);
  EXPECT_EQ(results[0].outcome, "ok");
  EXPECT_EQ(results[1].outcome, "interrupted");
  EXPECT_EQ(results[1].exit_code, kExitInterrupted);
  EXPECT_EQ(seen.finished_, (std::vector<std::string>{"a"}));
}

TEST(ParallelRun, SigtermMarksTheHostsLeftTerminated) {
  // SIGTERM while a runs: a completes, the others never start and are terminated (143).
  Recorder seen;
  std::atomic<int> stop = 0;
  const std::vector<HostResult> results = run_parallel(
      kHosts,
      [&stop](const std::string& h) {
        stop = SIGTERM;
        return result_for(h, 0);
      },
      {1, false}, seen, stop);
  EXPECT_EQ(results[0].outcome, "ok");
  EXPECT_EQ(results[1].outcome, "terminated");
  EXPECT_EQ(results[1].exit_code, kExitTerminated);
  EXPECT_EQ(results[4].exit_code, kExitTerminated);
}

TEST(ParallelRun, AnEscapedExceptionFailsOnlyItsHost) {
  // A bug in one host's task is that host's error, never the end of the run.
  Recorder seen;
  std::atomic<int> stop = 0;
  const std::vector<HostResult> results = run_parallel(
      kHosts,
      [](const std::string& h) -> HostResult {
        if (h == "d") throw std::runtime_error("boom");
        return result_for(h, 0);
      },
      {2, false}, seen, stop);
  EXPECT_EQ(results[3].outcome, "error");
  EXPECT_EQ(results[3].exit_code, kExitError);
  EXPECT_EQ(results[3].errors, "iosctl: internal error: boom\n");
  EXPECT_EQ(results[4].outcome, "ok");
}

}  // namespace
}  // namespace iosctl::fleet
