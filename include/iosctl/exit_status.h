#pragma once

// The process exit codes, defined once (man/iosctl.1, EXIT STATUS).
namespace iosctl {

enum ExitStatus : int {
  kExitOk = 0,             // success; compare/diff: no differences
  kExitError = 1,          // usage or unexpected error
  kExitDifferences = 2,    // compare/diff/commit --dry-run: differences found
  kExitRejected = 3,       // rejected before any change; device untouched
  kExitReverted = 4,       // commit failed, device restored its original config
  kExitUncertain = 5,      // device state uncertain
  kExitUnreachable = 6,    // connect, auth or host-key failure
  kExitNotSaved = 7,       // committed (running has the change), not saved to startup-config
  kExitOverlapped = 8,     // another change to the device overlapped this run; this one stopped
  kExitInterrupted = 130,  // SIGINT
  kExitTerminated = 143,   // SIGTERM
};

}  // namespace iosctl
