// SIGINT / SIGTERM in single-host mode, in-process: the notice of the first
// signal, the forced exit of the second with its phase's state line, and the
// stop at a call boundary with exit 130 / 143.

#include "iosctl/cli/interruption.h"

#include "iosctl/cli/cli.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"
#include "support/scripted_link.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace iosctl::cli {
namespace {

const std::string kCandidate =
    std::string(IOSCTL_FIXTURES_DIR) + "/configs/iosxe-16.12-edge.candidate.cfg";

// A device that only answers the login's prompt probe and terminal settings.
constexpr const char* kLogin =
    ">\n\nr1#\\c\n> terminal length 0\nterminal length 0\nr1#\\c\n"
    "> terminal width 511\nterminal width 511\nr1#\\c\n";

// An Interrupts whose forced exits are recorded instead of ending the test.
struct Watched {
  std::ostringstream err;
  std::optional<int> exited;
  Interrupts interrupts{err, [this](int code) { exited = code; }};
};

// iosctl in-process with `interrupts`; `during_connect` is the signal that
// arrives while the connection is opened (0: none).
struct SignalledRun {
  SignalledRun(const std::vector<std::string>& args, Interrupts& interrupts, int during_connect) {
    Env env{out, err};
    env.interrupts = &interrupts;
    env.connect = [&, during_connect](const driver::Connection&,
                                      const auto&) -> std::unique_ptr<driver::Link> {
      ++connects;
      if (during_connect != 0) interrupts.on_signal(during_connect, 1);
      return std::make_unique<test::ScriptedLink>(kLogin);
    };
    env.getenv = [](const std::string&) { return std::optional<std::string>("pw"); };
    code = run_cli(args, env);
  }
  std::ostringstream out;
  std::ostringstream err;
  int code = -1;
  int connects = 0;
};

const std::vector<std::string> kLoginArgs = {"-H", "r1", "--username", "admin", "--password-env",
                                             "PW"};

std::vector<std::string> with_login(std::vector<std::string> args) {
  args.insert(args.begin(), kLoginArgs.begin(), kLoginArgs.end());
  return args;
}

TEST(Interruption, ForcedExitDuringTheReplaceSaysBothConfigsAndFilePromptMayBeLeft) {
  // The line a second Ctrl-C prints mid-replace, word for word.
  EXPECT_EQ(forced_exit_text(Phase::replacing),
            "forced exit during the replace; the device may be on its original or the candidate "
            "config, and 'file prompt quiet' may be left: run 'iosctl status'");
  EXPECT_EQ(forced_exit_text(Phase::connecting),
            "forced exit while connecting; the device is unchanged");
  EXPECT_EQ(forced_exit_text(Phase::health_checks),
            "forced exit during the health checks; the device runs the candidate under its "
            "revert timer: 'iosctl confirm' keeps it, 'iosctl rollback' reverts it now, else the "
            "device reverts when the timer ends");
}

TEST(Interruption, EveryPhaseHasItsOwnForcedExitLine) {
  // No phase falls back to a generic line, and none ends with a period.
  const std::vector<Phase> phases = {Phase::starting,      Phase::connecting, Phase::reading,
                                     Phase::loading,       Phase::replacing,  Phase::merging,
                                     Phase::health_checks, Phase::reverting,  Phase::confirming,
                                     Phase::rolling_back,  Phase::discarding, Phase::configuring};
  for (const Phase phase : phases) {
    const std::string text = forced_exit_text(phase);
    EXPECT_TRUE(text.starts_with("forced exit ")) << text;
    EXPECT_NE(text.back(), '.') << text;
    EXPECT_NE(text, "forced exit: run 'iosctl status'");
  }
}

TEST(Interruption, FirstSignalOnlyTellsSecondForcesTheExitWithThePhasesLine) {
  // Ctrl-C mid-replace: a notice and the run goes on; Ctrl-C again: one error line, exit 130.
  Watched w;
  w.interrupts.set_host("admin@r1:22");
  w.interrupts.enter(Phase::replacing);
  w.interrupts.on_signal(SIGINT, 1);
  EXPECT_EQ(w.err.str(),
            "iosctl: interrupted: admin@r1:22: finishing the replace, then stopping (Ctrl-C again "
            "forces the exit)\n");
  EXPECT_FALSE(w.exited.has_value());
  EXPECT_EQ(w.interrupts.signal().load(), SIGINT);
  w.err.str("");
  w.interrupts.on_signal(SIGINT, 2);
  EXPECT_EQ(w.err.str(),
            "iosctl: error: admin@r1:22: " + forced_exit_text(Phase::replacing) + "\n");
  EXPECT_EQ(w.exited, kExitInterrupted);
}

TEST(Interruption, SecondSigtermExits143) {
  // SIGTERM twice while copying the candidate: "terminated", then exit 143.
  Watched w;
  w.interrupts.enter(Phase::loading);
  w.interrupts.on_signal(SIGTERM, 1);
  EXPECT_EQ(w.err.str(),
            "iosctl: terminated: finishing copying the candidate, then stopping (a second SIGTERM "
            "forces the exit)\n");
  w.interrupts.on_signal(SIGTERM, 2);
  EXPECT_EQ(w.exited, kExitTerminated);
}

TEST(Interruption, TheFirstSignalDecidesTheExitCode) {
  // SIGTERM, then Ctrl-C: the run stops as terminated, and the forced exit is Ctrl-C's.
  Watched w;
  w.interrupts.on_signal(SIGTERM, 1);
  w.interrupts.on_signal(SIGINT, 2);
  EXPECT_EQ(w.interrupts.signal().load(), SIGTERM);
  EXPECT_EQ(w.exited, kExitInterrupted);
}

TEST(Interruption, AListenerTakesEverySignalWithoutNoticeOrForcedExit) {
  // A fleet run reports signals its own way: nothing printed, never a forced exit.
  Watched w;
  std::vector<int> heard;
  w.interrupts.set_listener([&heard](int signal) { heard.push_back(signal); });
  w.interrupts.on_signal(SIGINT, 1);
  w.interrupts.on_signal(SIGTERM, 2);
  EXPECT_EQ(heard, (std::vector<int>{SIGINT, SIGTERM}));
  EXPECT_EQ(w.err.str(), "");
  EXPECT_FALSE(w.exited.has_value());
  EXPECT_EQ(w.interrupts.signal().load(), SIGINT);
}

TEST(Interruption, StopIfInterruptedThrowsTheSignalsFailureWithTheState) {
  // A call boundary after SIGTERM throws Error{terminated} naming the host and the state.
  Watched w;
  std::ostringstream out;
  Env env{out, w.err};
  stop_if_interrupted(env, "r1");  // no interrupts watched: nothing happens
  env.interrupts = &w.interrupts;
  stop_if_interrupted(env, "r1");  // no signal yet
  w.interrupts.on_signal(SIGTERM, 1);
  try {
    stop_if_interrupted(env, "r1", "nothing was confirmed");
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::terminated);
    EXPECT_EQ(std::string(e.what()), "r1: terminated before any change; nothing was confirmed");
  }
}

TEST(Interruption, CommitSignalledBeforeConnectingNeverConnects) {
  // Ctrl-C during the offline checks: exit 130, the device is unchanged, no connection.
  Watched w;
  w.interrupts.on_signal(SIGINT, 1);
  const SignalledRun r(with_login({"commit", kCandidate}), w.interrupts, 0);
  EXPECT_EQ(r.code, kExitInterrupted);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err.str(),
            "iosctl: error: r1: interrupted before any change; the device is unchanged\n");
}

TEST(Interruption, JsonCommitSignalledBeforeConnectingPrintsItsOneDocument) {
  // SIGTERM with --json: one document, outcome terminated, exit_code 143.
  Watched w;
  w.interrupts.on_signal(SIGTERM, 1);
  const SignalledRun r(with_login({"--json", "commit", kCandidate}), w.interrupts, 0);
  EXPECT_EQ(r.code, kExitTerminated);
  const nlohmann::json doc = nlohmann::json::parse(r.out.str());
  EXPECT_EQ(doc.at("outcome"), "terminated");
  EXPECT_EQ(doc.at("exit_code"), kExitTerminated);
  EXPECT_EQ(doc.at("message"), "r1: terminated before any change; the device is unchanged");
}

TEST(Interruption, SendCommandSignalledWhileConnectingSendsNothing) {
  // Ctrl-C during the login: the command is never sent, exit 130.
  Watched w;
  const SignalledRun r(with_login({"send-command", "show clock"}), w.interrupts, SIGINT);
  EXPECT_EQ(r.code, kExitInterrupted);
  EXPECT_EQ(r.connects, 1);
  EXPECT_EQ(r.out.str(), "");
  EXPECT_EQ(w.err.str(),
            "iosctl: interrupted: finishing reading from the device, then stopping (Ctrl-C again "
            "forces the exit)\n");
  EXPECT_EQ(r.err.str(),
            "iosctl: error: admin@r1:22: interrupted before any change; the device is unchanged\n");
}

TEST(Interruption, SignalAfterAnOfflineCommandFinishedStillExits130) {
  // `check` ran to its end before the stop was seen: its output stands, the exit says 130.
  Watched w;
  w.interrupts.on_signal(SIGINT, 1);
  const SignalledRun r({"check", kCandidate}, w.interrupts, 0);
  EXPECT_EQ(r.code, kExitInterrupted);
  EXPECT_EQ(r.err.str(),
            "iosctl: error: interrupted after the command finished; its output is complete\n");
}

}  // namespace
}  // namespace iosctl::cli
