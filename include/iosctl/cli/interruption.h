#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/error.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

// SIGINT / SIGTERM as a single-host command sees them: the first lets the
// device call in flight finish and stops the run at the next call boundary
// (exit 130 / 143 with the truthful outcome); a second forces the exit at
// once with one line saying what state the device may be in. The watcher
// thread (fleet/interrupt_watch.h) feeds Interrupts; the CLI sets the phase
// around its driver calls.
namespace iosctl::cli {

// What a single-host run is doing on the device.
enum class Phase {
  starting,       // offline checks, before any connection
  connecting,     // login and session preparation
  reading,        // compare, status, get-config, send-command: nothing changes
  loading,        // copying the candidate to the device's flash
  replacing,      // commit: compare, checkpoint, replace, save (one driver call)
  merging,        // commit --merge: the same with a merge
  health_checks,  // a confirmed commit's checks, its revert timer running
  reverting,      // `configure revert now` after a failed or interrupted check
  confirming,     // `configure confirm` and the save
  rolling_back,   // rollback to the pending commit's archive or the checkpoint
  discarding,     // deleting iosctl's files from flash
  configuring,    // send-config's lines
};

// How messages name `phase`: "the replace", "connecting", ...
std::string phase_name(Phase phase);

// What a forced exit in `phase` says (after "iosctl: error: HOST: "): what
// state the device may be in and what to run.
std::string forced_exit_text(Phase phase);

// "terminated" for SIGTERM, else "interrupted".
std::string stop_word(int signal);

// Failure::terminated for SIGTERM, else Failure::interrupted.
Failure stop_failure(int signal);

// True for Failure::interrupted and Failure::terminated.
bool is_stop(Failure failure);

class Interrupts {
 public:
  // Notices go to `err`; a forced exit calls `exit` with its code (main:
  // restores the terminal and calls std::_Exit; tests record it).
  Interrupts(std::ostream& err, std::function<void(int code)> exit);

  // The `count`th signal, `signal`, as the watcher thread reads it. Without a
  // listener: the first is remembered and a notice says the run stops after
  // the current phase; any later one prints forced_exit_text for the phase
  // and exits 128 + `signal`. With a listener, it only calls the listener.
  void on_signal(int signal, int count);

  // The first signal (SIGINT or SIGTERM); 0 while none came.
  const std::atomic<int>& signal() const { return signal_; }
  // Sets / returns the phase of the run, for a forced exit's line.
  void enter(Phase phase) { phase_ = phase; }
  Phase phase() const { return phase_; }
  // Names the device in the forced exit's line (`user@host:port` once known).
  void set_host(std::string host);
  // The device named last; "" before any.
  std::string host();
  // While set (a fleet run reports its own way), every signal goes to
  // `listener` instead: no notice, no forced exit. Empty: unset.
  // `listener` gets the signal's number.
  void set_listener(std::function<void(int signal)> listener);

 private:
  std::ostream& err_;
  std::function<void(int)> exit_;
  std::atomic<int> signal_ = 0;
  std::atomic<Phase> phase_ = Phase::starting;
  std::mutex mutex_;  // host_ and listener_
  std::string host_;
  std::function<void(int)> listener_;
};

// Sets the phase of `env`'s run (nothing when `env` watches no signals).
void enter_phase(Env& env, Phase phase);
// Names the device of `env`'s run for a forced exit.
void name_host(Env& env, std::string host);
// The Failure of the signal that came, nullopt while none did (or `env`
// watches no signals).
std::optional<Failure> interruption(const Env& env);
// A call boundary: once a signal came, throws Error{interrupted|terminated}
// "HOST: interrupted before any change; `state`".
void stop_if_interrupted(const Env& env, std::string_view host,
                         std::string_view state = "the device is unchanged");
// The message for a run that finished its work after a signal came:
// "HOST: interrupted after `what` finished: `result`" (": `result`" left out when empty).
std::string finished_anyway(const Env& env, std::string_view host, std::string_view what,
                            std::string_view result);

}  // namespace iosctl::cli
