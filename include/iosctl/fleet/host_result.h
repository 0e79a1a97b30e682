#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// What a command did on one host of a fleet run.
namespace iosctl::fleet {

struct HostResult {
  std::string host;
  int exit_code = 0;  // exit_status.h
  // ok, committed, no_changes, changes, rejected, reverted, uncertain,
  // unreachable, error, interrupted (never started: Ctrl-C or --fail-fast)
  std::string outcome;
  std::optional<int> added;    // lines the change adds, when known
  std::optional<int> removed;  // lines the change removes, when known
  double seconds = 0;
  std::string output;   // what the command printed for this host (stdout)
  std::string errors;   // its error and warning lines (stderr)
  nlohmann::json json;  // the host's own --json document, when asked for
};

// The outcome word for a command's `exit_code` when the command did not name
// one: 0 ok, 2 changes, 3 rejected, 4 reverted, 5 uncertain, 6 unreachable,
// 130 interrupted, else error.
std::string outcome_for_exit(int exit_code);

// The exit code of a whole run: the worst host's, by severity rather than
// number: uncertain (5) > interrupted (130) > reverted (4) > unreachable (6)
// > rejected (3) > error (1) > differences (2) > ok (0). 0 for no hosts; a
// code not listed counts as error and gives 1.
int worst_exit_code(const std::vector<HostResult>& results);

// The rank of `exit_code` in that order: 0 for ok up to 7 for uncertain; a
// code not listed ranks as error.
int exit_severity(int exit_code);

// Each outcome that occurs in `results` with its number of hosts, mildest
// first (ok, no_changes, committed, changes, error, rejected, unreachable,
// reverted, interrupted, uncertain), then other words in order of appearance.
std::vector<std::pair<std::string, int>> count_outcomes(const std::vector<HostResult>& results);

// True for an `iosctl: warning:` line of a host's stderr.
bool is_warning_line(std::string_view line);
// `line` without iosctl's `iosctl: error: ` or `iosctl: warning: ` prefix.
std::string_view message_of(std::string_view line);

// `+3 -1`: the lines a host's change adds and removes; "-" when unknown.
std::string changes_text(const HostResult& result);
// Seconds with one decimal, as every report shows them: `1.2`.
std::string seconds_text(double seconds);

// The first line of `errors` that is not an `iosctl: warning:` line, without
// its `iosctl: error: ` prefix; "" when there is none.
std::string first_error_line(std::string_view errors);

// The `iosctl: warning: ` lines of `errors`, without that prefix.
std::vector<std::string> warning_lines(std::string_view errors);

// The number of added and removed lines of a contextual diff (IOS's `+`/`-`
// marks after the indentation); header lines starting with `!` not counted.
std::pair<int, int> count_diff_lines(const std::string& contextual_diff);

}  // namespace iosctl::fleet
