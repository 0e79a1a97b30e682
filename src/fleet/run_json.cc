#include "iosctl/fleet/reports.h"

#include <cmath>

namespace iosctl::fleet {
namespace {

// Milliseconds are plenty for a run's timings, and rounding keeps binary
// noise such as 1.2000000000000002 out of the document.
double rounded(double seconds) { return std::round(seconds * 1000) / 1000; }

// Unknown counts are null rather than absent, so that every host object has
// the same keys and a consumer can tell "unknown" from "none".
nlohmann::json optional_count(const std::optional<int>& count) {
  return count ? nlohmann::json(*count) : nlohmann::json(nullptr);
}

nlohmann::json host_json(const HostResult& result) {
  const std::string error = first_error_line(result.errors);
  nlohmann::json host = {
      {"host", result.host},
      {"outcome", result.outcome},
      {"exit_code", result.exit_code},
      {"added", optional_count(result.added)},
      {"removed", optional_count(result.removed)},
      {"seconds", rounded(result.seconds)},
      {"error", error.empty() ? nlohmann::json(nullptr) : nlohmann::json(error)},
      {"warnings", warning_lines(result.errors)},
  };
  if (!result.json.is_null()) host["result"] = result.json;
  return host;
}

}  // namespace

nlohmann::json run_json(const RunSummary& run) {
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [outcome, count] : count_outcomes(run.results)) counts[outcome] = count;
  nlohmann::json hosts = nlohmann::json::array();
  for (const HostResult& result : run.results) hosts.push_back(host_json(result));
  return {
      {"command", run.command},
      {"exit_code", run.exit_code},
      {"seconds", rounded(run.seconds)},
      {"interrupted", run.interrupted},
      {"counts", counts},
      {"hosts", hosts},
  };
}

}  // namespace iosctl::fleet
