#pragma once

#include "iosctl/fleet/host_result.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

// Runs one command on many hosts at once: a fixed number of workers take the
// hosts in order, so a slow or dead host never holds up the others.
namespace iosctl::fleet {

struct ParallelOptions {
  int workers = 20;        // --parallel
  bool fail_fast = false;  // stop starting hosts after the first failure
};

// What the runner reports as hosts start and finish; called from worker
// threads, one call at a time.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void started(const std::string& host) = 0;
  virtual void finished(const HostResult& result) = 0;
};

// True for the exit codes that count as a host failing: all but 0 (success)
// and 2 (differences found, the answer compare was asked for).
bool is_failure(int exit_code);

// Runs `task` for each of `hosts` on up to `options.workers` threads and
// returns the results in `hosts`' order. Once `stop` holds a signal number
// (SIGINT, SIGTERM) no host is started: those left are `interrupted` (exit
// 130) or `terminated` (143, SIGTERM); running ones finish. 0: no stop.
// With fail_fast, hosts left after a failure are `skipped` (exit 0: the
// failing host already decides the run's exit code). An exception escaping
// `task` becomes that host's `error` (exit 1), never the run's end.
std::vector<HostResult> run_parallel(const std::vector<std::string>& hosts,
                                     const std::function<HostResult(const std::string&)>& task,
                                     const ParallelOptions& options, RunObserver& observer,
                                     const std::atomic<int>& stop);

}  // namespace iosctl::fleet
