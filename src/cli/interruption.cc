#include "iosctl/cli/interruption.h"

#include <csignal>

namespace iosctl::cli {

std::string phase_name(Phase phase) {
  switch (phase) {
    case Phase::starting:
      return "the offline checks";
    case Phase::connecting:
      return "connecting";
    case Phase::reading:
      return "reading from the device";
    case Phase::loading:
      return "copying the candidate";
    case Phase::replacing:
      return "the replace";
    case Phase::merging:
      return "the merge";
    case Phase::health_checks:
      return "the health checks";
    case Phase::reverting:
      return "the revert";
    case Phase::confirming:
      return "the confirm";
    case Phase::rolling_back:
      return "the rollback";
    case Phase::discarding:
      return "deleting iosctl's files";
    case Phase::configuring:
      return "sending config lines";
  }
  return "the run";
}

std::string forced_exit_text(Phase phase) {
  const std::string during = "forced exit during " + phase_name(phase) + "; ";
  const std::string status = ": run 'iosctl status'";
  switch (phase) {
    case Phase::starting:
      return "forced exit before contacting the device; the device is unchanged";
    case Phase::connecting:
      return "forced exit while connecting; the device is unchanged";
    case Phase::reading:
      return "forced exit while reading from the device; its configuration is unchanged";
    case Phase::loading:
      return "forced exit while copying the candidate; the running config is unchanged (a "
             "partial candidate file may be left on flash: 'iosctl discard' removes it)";
    case Phase::replacing:
      return during +
             "the device may be on its original or the candidate config, and 'file prompt "
             "quiet' may be left" +
             status;
    case Phase::merging:
      return during +
             "the device may be on its original config or partly or fully merged, and 'file "
             "prompt quiet' may be left" +
             status;
    case Phase::health_checks:
      return during +
             "the device runs the candidate under its revert timer: 'iosctl confirm' keeps it, "
             "'iosctl rollback' reverts it now, else the device reverts when the timer ends";
    case Phase::reverting:
      return during + "the device may still run the candidate until its revert timer ends" + status;
    case Phase::confirming:
      return during + "the commit may be confirmed or still pending, and saved or not" + status;
    case Phase::rolling_back:
      return during +
             "the device may be on the config before or after it, and 'file prompt quiet' may "
             "be left" +
             status;
    case Phase::discarding:
      return "forced exit while deleting iosctl's files; the running config is unchanged: run "
             "'iosctl discard' again";
    case Phase::configuring:
      return "forced exit while sending config lines; some may be applied, none saved: check "
             "with 'iosctl get-config'";
  }
  return "forced exit" + status;
}

std::string stop_word(int signal) { return signal == SIGTERM ? "terminated" : "interrupted"; }

Failure stop_failure(int signal) {
  return signal == SIGTERM ? Failure::terminated : Failure::interrupted;
}

bool is_stop(Failure failure) {
  return failure == Failure::interrupted || failure == Failure::terminated;
}

Interrupts::Interrupts(std::ostream& err, std::function<void(int code)> exit)
    : err_(err), exit_(std::move(exit)) {}

void Interrupts::on_signal(int signal, int count) {
  int none = 0;
  signal_.compare_exchange_strong(none, signal);
  const std::lock_guard lock(mutex_);
  if (listener_) {
    listener_(signal);
    return;
  }
  const std::string host = host_.empty() ? "" : host_ + ": ";
  if (count <= 1) {
    // One write, so that the line is not split by the run's own -v lines.
    const std::string again =
        signal == SIGTERM ? "a second SIGTERM forces the exit" : "Ctrl-C again forces the exit";
    err_ << ("iosctl: " + stop_word(signal) + ": " + host + "finishing " + phase_name(phase_) +
             ", then stopping (" + again + ")\n")
         << std::flush;
    return;
  }
  err_ << ("iosctl: error: " + host + forced_exit_text(phase_) + "\n") << std::flush;
  exit_(128 + signal);
}

void Interrupts::set_host(std::string host) {
  const std::lock_guard lock(mutex_);
  host_ = std::move(host);
}

std::string Interrupts::host() {
  const std::lock_guard lock(mutex_);
  return host_;
}

void Interrupts::set_listener(std::function<void(int signal)> listener) {
  const std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
}

void enter_phase(Env& env, Phase phase) {
  if (env.interrupts) env.interrupts->enter(phase);
}

void name_host(Env& env, std::string host) {
  if (env.interrupts) env.interrupts->set_host(std::move(host));
}

std::optional<Failure> interruption(const Env& env) {
  if (!env.interrupts) return std::nullopt;
  const int signal = env.interrupts->signal().load();
  if (signal == 0) return std::nullopt;
  return stop_failure(signal);
}

void stop_if_interrupted(const Env& env, std::string_view host, std::string_view state) {
  if (!interruption(env)) return;
  const std::string where = host.empty() ? "" : std::string(host) + ": ";
  throw Error(
      stop_failure(env.interrupts->signal()),
      where + stop_word(env.interrupts->signal()) + " before any change; " + std::string(state));
}

std::string finished_anyway(const Env& env, std::string_view host, std::string_view what,
                            std::string_view result) {
  const int signal = env.interrupts ? env.interrupts->signal().load() : SIGINT;
  std::string text =
      std::string(host) + ": " + stop_word(signal) + " after " + std::string(what) + " finished";
  if (!result.empty()) text += ": " + std::string(result);
  return text;
}

}  // namespace iosctl::cli
