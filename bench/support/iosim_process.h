#pragma once

// iosim as the benchmarks run it: started on a lab file, waited for, stopped.

#include "child_process.h"

#include <filesystem>
#include <string>
#include <sys/types.h>

namespace iosctl::bench {

// iosim on a lab file; stopped (SIGTERM, then waited for) when this goes out
// of scope. Throws std::runtime_error when it cannot start.
class IosimProcess {
 public:
  IosimProcess(const std::string& binary, const std::filesystem::path& lab);
  ~IosimProcess();
  IosimProcess(const IosimProcess&) = delete;
  IosimProcess& operator=(const IosimProcess&) = delete;

  // Waits for the `ready` line on iosim's stdout; throws std::runtime_error
  // if iosim exits or `deadline` passes first.
  void wait_ready(SteadyClock::time_point deadline) const;
  // Peak resident memory so far (VmHWM), in MB.
  double peak_rss_mb() const;
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;  // iosim's stdout, kept open so that iosim never writes to a closed pipe
};

}  // namespace iosctl::bench
