#include "iosctl/fleet/parallel_run.h"

#include "iosctl/exit_status.h"

#include <algorithm>
#include <csignal>
#include <exception>
#include <mutex>
#include <thread>

namespace iosctl::fleet {
namespace {

// A host no worker started: after signal `stop` (0: none, so --fail-fast).
HostResult not_started(const std::string& host, int stop) {
  HostResult r;
  r.host = host;
  r.exit_code = stop == 0 ? kExitOk : stop == SIGTERM ? kExitTerminated : kExitInterrupted;
  r.outcome = stop == 0 ? "skipped" : outcome_for_exit(r.exit_code);
  return r;
}

HostResult guarded(const std::function<HostResult(const std::string&)>& task,
                   const std::string& host) {
  try {
    return task(host);
  } catch (const std::exception& e) {
    HostResult r;
    r.host = host;
    r.outcome = "error";
    r.exit_code = kExitError;
    r.errors = std::string("iosctl: internal error: ") + e.what() + "\n";
    return r;
  }
}

// The shared state of one run: the next host to hand out and the results.
class Dispatch {
 public:
  Dispatch(const std::vector<std::string>& hosts, const ParallelOptions& options,
           RunObserver& observer, const std::atomic<int>& stop)
      : hosts_(hosts),
        options_(options),
        observer_(observer),
        stop_(stop),
        results_(hosts.size()) {}

  // Work loop of one worker thread.
  void work(const std::function<HostResult(const std::string&)>& task) {
    for (std::size_t i = take(); i < hosts_.size(); i = take()) {
      HostResult result = guarded(task, hosts_[i]);
      const std::lock_guard lock(mutex_);
      if (options_.fail_fast && is_failure(result.exit_code)) failed_ = true;
      observer_.finished(result);
      results_[i] = std::move(result);
    }
  }

  // The results, with every host no worker started marked as such.
  std::vector<HostResult> results() && {
    for (std::size_t i = next_; i < hosts_.size(); ++i) {
      results_[i] = not_started(hosts_[i], stop_.load());
    }
    return std::move(results_);
  }

 private:
  // The index of the next host to run, or hosts_.size() when none is to start.
  std::size_t take() {
    const std::lock_guard lock(mutex_);
    if (next_ >= hosts_.size() || stop_.load() != 0 || failed_) return hosts_.size();
    observer_.started(hosts_[next_]);
    return next_++;
  }

  const std::vector<std::string>& hosts_;
  const ParallelOptions& options_;
  RunObserver& observer_;
  const std::atomic<int>& stop_;
  std::mutex mutex_;
  std::size_t next_ = 0;
  bool failed_ = false;
  std::vector<HostResult> results_;
};

}  // namespace

bool is_failure(int exit_code) { return exit_code != kExitOk && exit_code != kExitDifferences; }

std::vector<HostResult> run_parallel(const std::vector<std::string>& hosts,
                                     const std::function<HostResult(const std::string&)>& task,
                                     const ParallelOptions& options, RunObserver& observer,
                                     const std::atomic<int>& stop) {
  Dispatch dispatch(hosts, options, observer, stop);
  const std::size_t count =
      std::min(hosts.size(), static_cast<std::size_t>(std::max(1, options.workers)));
  std::vector<std::jthread> workers;
  workers.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    workers.emplace_back([&dispatch, &task] { dispatch.work(task); });
  }
  workers.clear();  // joins
  return std::move(dispatch).results();
}

}  // namespace iosctl::fleet
