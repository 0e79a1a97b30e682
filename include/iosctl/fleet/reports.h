#pragma once

#include "iosctl/fleet/host_result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

// The reports of a fleet run: the summary table, the --json document, the
// JUnit XML file and GitHub Actions annotations. Pure renderers.
namespace iosctl::fleet {

// What every report says about the run as a whole.
struct RunSummary {
  std::string command;              // compare, commit, ...
  int exit_code = 0;                // worst_exit_code(results)
  double seconds = 0;               // wall time of the run
  bool interrupted = false;         // Ctrl-C (or SIGTERM) stopped it
  int signal = 0;                   // the signal that did: SIGINT, SIGTERM; 0: none
  std::vector<HostResult> results;  // in inventory order
};

// The table printed after a fleet run: host, outcome, changes (+N -M or -),
// seconds, one row per host, then a line counting hosts per outcome.
std::string summary_table(const RunSummary& run);

// The --json document: command, exit_code, seconds, interrupted, counts per
// outcome, and hosts[] each with host, outcome, exit_code, added, removed,
// seconds, error (first error line) and the host's own document as `result`.
nlohmann::json run_json(const RunSummary& run);

// JUnit XML: one <testsuite name="iosctl COMMAND">, one <testcase> per host
// (classname iosctl.COMMAND); exit 0 and 2 pass, others are <failure> with
// the device's message (or <skipped/> for interrupted); the host's output
// (the diff) as <system-out>. Escaped for XML, control bytes removed.
std::string junit_xml(const RunSummary& run);

// `::error title=...::message` for failed hosts and `::warning` for hosts
// with warnings, one line each, escaped as GitHub's workflow commands
// require (% CR LF; and , : in properties).
std::string github_annotations(const RunSummary& run);

}  // namespace iosctl::fleet
