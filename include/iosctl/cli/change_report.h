#pragma once

#include "iosctl/cli/ios_session.h"
#include "iosctl/driver/health_check.h"
#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

// What one change command (commit, confirm, rollback) did to one device, for
// its text summary and its `--json` document.
namespace iosctl::cli {

// Wall time per phase (connect, load, compare, commit, health_check, ...).
class PhaseTimes {
 public:
  // Measures from construction to destruction into `times` under `name`,
  // so a phase that throws is still counted.
  class Scope {
   public:
    Scope(PhaseTimes& times, std::string name);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    PhaseTimes& times_;
    std::string name_;
    std::chrono::steady_clock::time_point start_;
  };

  PhaseTimes();
  // Milliseconds per phase in the order they ran, and `total` since construction.
  nlohmann::json to_json() const;

 private:
  std::vector<std::pair<std::string, double>> phases_;
  std::chrono::steady_clock::time_point start_;
};

struct ChangeReport {
  std::string host;
  std::string operation;              // commit, confirm, rollback
  std::string outcome = "committed";  // committed, no_changes, rejected, reverted, ...
  int exit_code = 0;
  std::optional<driver::Comparison> comparison;  // what the change was to do
  std::vector<std::string> failing_lines;
  std::vector<std::string> repairs;  // what the run repaired of interrupted runs' leftovers
  std::vector<driver::HealthCheckResult> health_checks;
  std::optional<std::string> state_after;  // after a lost connection: original, candidate, ...
  bool saved = false;
  bool pending_confirm = false;
  std::string message;  // the error, for a failure
  PhaseTimes times;
  std::uint64_t round_trips = 0;  // turns taken with the device on the CLI sessions
};

// The outcome word for a failure: rejected, reverted, uncertain, unreachable, error.
std::string outcome_name(Failure failure);

// The committed (or attempted) diff in IOS's contextual shape, secrets
// masked, without its header; "" when nothing differs.
std::string diff_text(const driver::Comparison& c);

// Adds what `session` knows to `report`: its round trips, the failing
// lines, the comparison of the last commit.
void take_from_session(ChangeReport& report, IosSession& session);

// Records failure `e` (with `message`, named after `where`) as the report's
// outcome, exit code and message; returns the Error to throw, which names
// `where` when `named` (the device was reached).
Error record_failure(ChangeReport& report, const Error& e, const std::string& message,
                     const std::string& where, bool named);

// Hands `report`'s outcome and diff to `env.record`, when set.
void record_to(Env& env, const ChangeReport& report);

// The `--json` document of `report`.
nlohmann::json report_json(const ChangeReport& report);

}  // namespace iosctl::cli
