#include "iosctl/fleet/reports.h"

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdio>

namespace iosctl::fleet {
namespace {

constexpr std::size_t kColumns = 4;
using Row = std::array<std::string, kColumns>;

// Text columns are left-aligned and the seconds right-aligned, so that the
// decimal points line up; no row ends in spaces.
std::string render_row(const Row& row, const std::array<std::size_t, kColumns>& widths) {
  std::string line;
  for (std::size_t c = 0; c + 1 < kColumns; ++c) {
    line += row[c] + std::string(widths[c] - row[c].size() + 2, ' ');
  }
  const std::string& last = row[kColumns - 1];
  return line + std::string(widths[kColumns - 1] - last.size(), ' ') + last + "\n";
}

std::string totals_line(const RunSummary& run) {
  const std::size_t hosts = run.results.size();
  std::string line = std::to_string(hosts) + (hosts == 1 ? " host" : " hosts");
  const char* separator = ": ";
  for (const auto& [outcome, count] : count_outcomes(run.results)) {
    line += separator + std::to_string(count) + " " + outcome;
    separator = ", ";
  }
  if (run.interrupted)
    line += run.signal == SIGTERM ? "; stopped by SIGTERM" : "; stopped by Ctrl-C";
  return line + "; exit " + std::to_string(run.exit_code) + " in " + seconds_text(run.seconds) +
         " s\n";
}

}  // namespace

std::string summary_table(const RunSummary& run) {
  std::vector<Row> rows = {{"HOST", "OUTCOME", "CHANGES", "SECONDS"}};
  for (const HostResult& result : run.results) {
    rows.push_back(
        {result.host, result.outcome, changes_text(result), seconds_text(result.seconds)});
  }
  std::array<std::size_t, kColumns> widths{};
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < kColumns; ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  std::string table;
  for (const Row& row : rows) table += render_row(row, widths);
  return table + totals_line(run);
}

}  // namespace iosctl::fleet
