#include "iosctl/fleet/progress.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sstream>
#include <string>

namespace iosctl::fleet {
namespace {

HostResult finished_host(const std::string& host, int exit_code, const std::string& outcome) {
  HostResult r;
  r.host = host;
  r.exit_code = exit_code;
  r.outcome = outcome;
  r.seconds = 1.25;
  return r;
}

TEST(Progress, PlainModePrintsOneLinePerFinishedHost) {
  // In a CI log: a line per host, the failing one with its error.
  std::ostringstream err;
  {
    Progress progress(err, false, 2);
    progress.started("r1");
    HostResult changed = finished_host("r1", 2, "changes");
    changed.added = 3;
    changed.removed = 1;
    progress.finished(changed);
    progress.started("r2");
    HostResult failed = finished_host("r2", 4, "reverted");
    failed.errors = "iosctl: warning: x\niosctl: error: r2: failed to apply 'logging hots'\n";
    progress.finished(failed);
  }
  EXPECT_EQ(err.str(),
            "iosctl: [1/2] r1: changes +3 -1 (1.2 s)\n"
            "iosctl: [2/2] r2: reverted (1.2 s): r2: failed to apply 'logging hots'\n");
}

TEST(Progress, TerminalModeRedrawsOneStatusLineAndClearsIt) {
  // On a terminal: the status line is rewritten in place, failures go above it.
  std::ostringstream err;
  {
    Progress progress(err, true, 2);
    progress.started("r1");
    progress.finished(finished_host("r1", 6, "unreachable"));
    progress.done();
  }
  const std::string text = err.str();
  EXPECT_NE(text.find("\r\033[Kiosctl: 0/2 done, 0 failing, 1 running, "), std::string::npos)
      << text;
  EXPECT_NE(text.find("\r\033[Kiosctl: r1: unreachable (1.2 s)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\r\033[Kiosctl: 1/2 done, 1 failing, 0 running, "), std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with("\r\033[K")) << text;
}

TEST(Progress, InterruptSaysHowManyAreStillRunning) {
  // Ctrl-C: the user learns that running hosts finish (or revert) on their own.
  std::ostringstream err;
  Progress progress(err, false, 3);
  progress.started("r1");
  progress.started("r2");
  progress.interrupted(SIGINT);
  EXPECT_EQ(err.str(),
            "iosctl: interrupted: no more hosts start; waiting for 2 running (a commit in "
            "progress completes or reverts)\n");
}

TEST(Progress, SigtermSaysTerminated) {
  // SIGTERM (a CI job cancelled): the same notice, naming the signal's word.
  std::ostringstream err;
  Progress progress(err, false, 2);
  progress.started("r1");
  progress.interrupted(SIGTERM);
  EXPECT_EQ(err.str(),
            "iosctl: terminated: no more hosts start; waiting for 1 running (a commit in "
            "progress completes or reverts)\n");
}

}  // namespace
}  // namespace iosctl::fleet
