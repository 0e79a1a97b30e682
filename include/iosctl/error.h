#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace iosctl {

// The kind of an operational failure; it alone picks the exit code.
enum class Failure {
  usage,        // bad flag, unreadable file: exit 1
  internal,     // a bug: exit 1
  invalid,      // input rejected before any change (bad candidate): exit 3
  reverted,     // the device restored its original config: exit 4
  uncertain,    // device state unknown: exit 5
  unreachable,  // connect, auth or host-key failure: exit 6
  not_saved,    // the change applied but is not in startup-config: exit 7
  overlapped,   // another change to the device overlapped this run's: exit 8
  interrupted,  // SIGINT: exit 130
  terminated,   // SIGTERM: exit 143
};

// The one error type operations throw. `message` is the user-facing line
// (lower case, no final period, names the fix when there is one).
class Error : public std::runtime_error {
 public:
  Error(Failure failure, std::string_view message);
  Failure failure() const { return failure_; }

 private:
  Failure failure_;
};

// Returns the exit code for `failure` (exit_status.h).
int exit_code_for(Failure failure);

}  // namespace iosctl
