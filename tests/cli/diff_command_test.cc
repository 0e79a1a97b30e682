#include "support/cli_run.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace iosctl::test {
namespace {

const std::string kRunning = fixture_path("configs/iosxe-16.12-edge.running.cfg");
const std::string kCandidate = fixture_path("configs/iosxe-16.12-edge.candidate.cfg");

// The edge router's pending change reads as IOS would show it; exit 2 means
// "differences", so a pipeline can tell a plan from a failure.
TEST(DiffCommandTest, ContextualDiffOfFixturePairMatchesGolden) {
  const CliResult r = run_iosctl({"diff", kRunning, kCandidate});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, read_fixture("expected/iosxe-16.12-edge.contextual.diff"));
  EXPECT_EQ(r.err, "");
}

// Unified format: `---`/`+++` with the paths given, then the hunks.
TEST(DiffCommandTest, UnifiedDiffOfFixturePairMatchesGolden) {
  const CliResult r = run_iosctl({"diff", "--format", "unified", kRunning, kCandidate});
  EXPECT_EQ(r.exit_code, 2);
  const std::string header = "--- " + kRunning + "\n+++ " + kCandidate + "\n";
  ASSERT_EQ(r.out.substr(0, header.size()), header);
  EXPECT_EQ(r.out.substr(header.size()), read_fixture("expected/iosxe-16.12-edge.unified.diff"));
}

// A config compared with itself: exit 0 and IOS's "no changes" line.
TEST(DiffCommandTest, IdenticalConfigsExitZero) {
  const CliResult r = run_iosctl({"diff", kCandidate, kCandidate});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "!Contextual Config Diffs:\n!No changes were found\n");
  const CliResult unified = run_iosctl({"diff", "--format=unified", kCandidate, kCandidate});
  EXPECT_EQ(unified.exit_code, 0);
  EXPECT_EQ(unified.out, "");
}

// --json (global) and --format json give one parseable document.
TEST(DiffCommandTest, JsonDocument) {
  for (const auto& args :
       {std::vector<std::string>{"--json", "diff", kRunning, kCandidate},
        std::vector<std::string>{"diff", kRunning, kCandidate, "--format", "json"}}) {
    const CliResult r = run_iosctl(args);
    EXPECT_EQ(r.exit_code, 2);
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["summary"]["reordered"], 2);
    EXPECT_EQ(r.out.find("Fake-RO"), std::string::npos) << "secret leaked";
  }
}

// No secret of the fixtures reaches any output format unless asked for.
TEST(DiffCommandTest, SecretsNeverPrintedUnlessAsked) {
  for (const char* format : {"contextual", "unified", "json"}) {
    const CliResult r = run_iosctl({"diff", "--format", format, kRunning, kCandidate});
    EXPECT_EQ(r.out.find("Fake-RO-str"), std::string::npos) << format;
    EXPECT_EQ(r.out.find("$9$"), std::string::npos) << format;
  }
  const CliResult shown = run_iosctl({"diff", "--show-secrets", kRunning, kCandidate});
  EXPECT_NE(shown.out.find("snmp-server community Fake-RO-rotated RO 10"), std::string::npos);
}

// Colour only on a terminal, never with NO_COLOR or --no-color, always when forced.
TEST(DiffCommandTest, ColorFollowsTerminalAndNoColor) {
  const std::string escape = "\x1b[";
  EXPECT_EQ(run_iosctl({"diff", kRunning, kCandidate}).out.find(escape), std::string::npos);
  EXPECT_NE(run_iosctl({"diff", kRunning, kCandidate}, true).out.find(escape), std::string::npos);
  EXPECT_EQ(run_iosctl({"diff", kRunning, kCandidate}, true, true).out.find(escape),
            std::string::npos);
  EXPECT_EQ(run_iosctl({"--no-color", "diff", kRunning, kCandidate}, true).out.find(escape),
            std::string::npos);
  EXPECT_NE(run_iosctl({"diff", "--color", "always", kRunning, kCandidate}).out.find(escape),
            std::string::npos);
}

// An unreadable file: exit 1 and one line naming the fix.
TEST(DiffCommandTest, MissingFileIsUsageError) {
  const CliResult r = run_iosctl({"diff", "/nonexistent/r1.cfg", kCandidate});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "iosctl: error: cannot read '/nonexistent/r1.cfg': No such file or directory "
            "(fix: check the path)\n");
  EXPECT_EQ(r.out, "");
}

// A file that is not configuration text: exit 3 with the finding.
TEST(DiffCommandTest, BinaryFileIsRejected) {
  const CliResult r = run_iosctl({"diff", fixture_path("candidates/binary-data.cfg"), kCandidate});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.rfind("iosctl: error: " + fixture_path("candidates/binary-data.cfg") + ":", 0),
            0u)
      << r.err;
  EXPECT_NE(r.err.find("binary data"), std::string::npos);
}

// A bad option value is a usage error (exit 1) naming the choices.
TEST(DiffCommandTest, BadFormatIsUsageError) {
  const CliResult r = run_iosctl({"diff", "--format", "side-by-side", kRunning, kCandidate});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "iosctl: error: --format: side-by-side not in {contextual,unified,json} "
            "(fix: see iosctl --help)\n");
}

// Option values are not case-sensitive.
TEST(DiffCommandTest, FormatIgnoresCase) {
  const CliResult r = run_iosctl({"diff", "--format", "UNIFIED", kRunning, kCandidate});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out.rfind("--- ", 0), 0u);
}

}  // namespace
}  // namespace iosctl::test
