// bench_gen_configs: writes running.cfg and candidate.cfg, two synthetic IOS-XE configurations
// of about --lines lines each that differ in 1 % of the lines, for bench_diff_vs_gnu_diff.
// The pair is the same on every run and every machine: fixed seeds, and no distribution
// classes (their output is implementation-defined), only the raw std::mt19937 sequence.

#include "support/synthetic_config.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace iosctl::bench {
namespace {

constexpr std::size_t kDefaultLines = 200'000;
constexpr double kEditPercent = 1.0;

enum class Edit : std::uint8_t { none, change, add, remove };

bool supports(const Line& line, Edit edit) {
  return (edit == Edit::change && !line.changed.empty()) ||
         (edit == Edit::add && !line.added.empty()) || (edit == Edit::remove && line.removable);
}

// Draws: half change the line, a quarter add one after it, a quarter remove it. A line that
// cannot take the drawn kind takes the next one it can, so there are fewer adds in the end.
Edit pick(const Line& line, std::uint32_t roll) {
  constexpr std::array<std::array<Edit, 3>, 4> kOrders = {
      {{Edit::change, Edit::add, Edit::remove},
       {Edit::change, Edit::add, Edit::remove},
       {Edit::add, Edit::change, Edit::remove},
       {Edit::remove, Edit::change, Edit::add}}};
  for (Edit edit : kOrders[roll]) {
    if (supports(line, edit)) return edit;
  }
  return Edit::none;
}

// Returns one Edit per line of `lines`, `count` of them other than none.
std::vector<Edit> plan_edits(const std::vector<Line>& lines, std::size_t count) {
  std::mt19937 rng{kSeed + 1};
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (pick(lines[i], 0) != Edit::none) candidates.push_back(i);
  }
  std::vector<Edit> edits(lines.size(), Edit::none);
  const std::size_t m = candidates.size();
  count = std::min(count, m);
  // One edit in each of `count` equal stretches of the editable lines: every section gets its
  // share, and no two edits clump into one hunk by chance.
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t lo = k * m / count;
    const std::size_t hi = (k + 1) * m / count;
    const std::size_t i = candidates[lo + rng() % (hi - lo)];
    edits[i] = pick(lines[i], rng() % 4);
  }
  return edits;
}

// Per-section line and edit counts, for the report.
struct Counts {
  std::array<std::size_t, kSections> lines{}, changed{}, added{}, removed{};
  std::size_t candidate_lines = 0;
  std::uintmax_t running_bytes = 0;
};

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    throw std::runtime_error("cannot write " + path.string() +
                             " (check free space and permissions)");
  }
}

// Appends `line` to `running` and, as `edit` says, to `candidate`; counts both.
void emit(const Line& line, Edit edit, std::string& running, std::string& candidate,
          Counts& counts) {
  const auto s = static_cast<std::size_t>(line.section);
  ++counts.lines[s];
  running += line.text + '\n';
  switch (edit) {
    case Edit::none:
      candidate += line.text + '\n';
      break;
    case Edit::change:
      candidate += line.changed + '\n';
      ++counts.changed[s];
      break;
    case Edit::add:
      candidate += line.text + '\n' + line.added + '\n';
      ++counts.added[s];
      break;
    case Edit::remove:
      ++counts.removed[s];
      break;
  }
}

Counts write_pair(const std::filesystem::path& dir, const std::vector<Line>& lines,
                  const std::vector<Edit>& edits) {
  std::string running, candidate;
  Counts counts;
  for (std::size_t i = 0; i < lines.size(); ++i)
    emit(lines[i], edits[i], running, candidate, counts);
  counts.candidate_lines =
      static_cast<std::size_t>(std::count(candidate.begin(), candidate.end(), '\n'));
  counts.running_bytes = running.size();
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    throw std::runtime_error("cannot create " + dir.string() + ": " + error.message() +
                             " (choose a writable directory)");
  }
  write_file(dir / "running.cfg", running);
  write_file(dir / "candidate.cfg", candidate);
  return counts;
}

std::size_t sum(const std::array<std::size_t, kSections>& a) {
  std::size_t total = 0;
  for (std::size_t v : a) total += v;
  return total;
}

void report(const std::filesystem::path& dir, std::size_t running_lines, const Counts& c) {
  const std::size_t changed = sum(c.changed), added = sum(c.added), removed = sum(c.removed);
  std::printf("bench_gen_configs: wrote %s (%zu lines, %.1f MB) and %s (%zu lines)\n",
              (dir / "running.cfg").c_str(), running_lines, c.running_bytes / 1e6,
              (dir / "candidate.cfg").c_str(), c.candidate_lines);
  std::printf(
      "seed %u: %zu edits = %.2f %% of running lines (%zu changed, %zu added, %zu removed)\n",
      kSeed, changed + added + removed,
      100.0 * static_cast<double>(changed + added + removed) / running_lines, changed, added,
      removed);
  std::printf("  %-14s %8s %8s %6s %8s\n", "section", "lines", "changed", "added", "removed");
  for (std::size_t s = 0; s < kSections; ++s) {
    std::printf("  %-14s %8zu %8zu %6zu %8zu\n", kSectionNames[s].data(), c.lines[s], c.changed[s],
                c.added[s], c.removed[s]);
  }
  std::printf(
      "expected diff -u body: %zu '-' lines and %zu '+' lines (a changed line is one of each)\n",
      changed + removed, changed + added);
}

}  // namespace
}  // namespace iosctl::bench

int main(int argc, char** argv) {
  CLI::App app{
      "Writes running.cfg and candidate.cfg into DIR: two synthetic IOS-XE configurations that\n"
      "differ in 1 % of their lines, the input of bench_diff_vs_gnu_diff. Same output on every "
      "run."};
  std::string dir;
  std::size_t lines = iosctl::bench::kDefaultLines;
  app.add_option("dir", dir, "directory to write into (created if missing)")->required();
  app.add_option("--lines", lines, "lines in running.cfg")
      ->check(CLI::Range(std::size_t{1000}, std::size_t{50'000'000}))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  try {
    const auto config = iosctl::bench::synthetic_running_config(lines);
    const auto edits = iosctl::bench::plan_edits(
        config,
        static_cast<std::size_t>(std::llround(config.size() * iosctl::bench::kEditPercent / 100)));
    const auto counts = iosctl::bench::write_pair(dir, config, edits);
    iosctl::bench::report(dir, config.size(), counts);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_gen_configs: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
