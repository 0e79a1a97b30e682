#include "iosctl/fleet/host_result.h"

#include <gtest/gtest.h>

namespace iosctl::fleet {
namespace {

HostResult result(int exit_code, std::string outcome = "") {
  HostResult r;
  r.host = "r1";
  r.exit_code = exit_code;
  r.outcome = outcome.empty() ? outcome_for_exit(exit_code) : outcome;
  return r;
}

// Each exit code has its outcome word; codes not listed are errors.
TEST(HostResultTest, OutcomeForExit) {
  EXPECT_EQ(outcome_for_exit(0), "ok");
  EXPECT_EQ(outcome_for_exit(1), "error");
  EXPECT_EQ(outcome_for_exit(2), "changes");
  EXPECT_EQ(outcome_for_exit(3), "rejected");
  EXPECT_EQ(outcome_for_exit(4), "reverted");
  EXPECT_EQ(outcome_for_exit(5), "uncertain");
  EXPECT_EQ(outcome_for_exit(6), "unreachable");
  EXPECT_EQ(outcome_for_exit(7), "not_saved");
  EXPECT_EQ(outcome_for_exit(8), "overlapped");
  EXPECT_EQ(outcome_for_exit(130), "interrupted");
  EXPECT_EQ(outcome_for_exit(143), "terminated");
  EXPECT_EQ(outcome_for_exit(9), "error");
}

// Every code outranks all milder ones, whichever host comes first.
TEST(HostResultTest, WorstExitCodeFollowsSeverity) {
  const std::vector<int> mildest_first = {0, 2, 1, 3, 6, 8, 4, 7, 130, 143, 5};
  for (std::size_t i = 0; i < mildest_first.size(); ++i) {
    EXPECT_EQ(exit_severity(mildest_first[i]), static_cast<int>(i));
    for (std::size_t j = 0; j < i; ++j) {
      const int worse = mildest_first[i];
      const int milder = mildest_first[j];
      EXPECT_EQ(worst_exit_code({result(worse), result(milder)}), worse) << worse << " " << milder;
      EXPECT_EQ(worst_exit_code({result(milder), result(worse)}), worse) << worse << " " << milder;
    }
  }
}

// No hosts is success; an unlisted code counts as an error and gives 1.
TEST(HostResultTest, WorstExitCodeEdges) {
  EXPECT_EQ(worst_exit_code({}), 0);
  EXPECT_EQ(worst_exit_code({result(0), result(42)}), 1);
  EXPECT_EQ(worst_exit_code({result(42), result(3)}), 3);
  EXPECT_EQ(worst_exit_code({result(2), result(2), result(0)}), 2);
}

// Outcomes are counted mildest first, other words last in order of appearance.
TEST(HostResultTest, CountOutcomes) {
  const std::vector<HostResult> results = {
      result(5),        result(2),      result(0, "no_changes"), result(1, "timed_out"),
      result(2),        result(6),      result(0, "committed"),  result(0, "no_changes"),
      result(1, "odd"), result(0, "ok")};
  const std::vector<std::pair<std::string, int>> expected = {
      {"ok", 1},          {"no_changes", 2}, {"committed", 1}, {"changes", 2},
      {"unreachable", 1}, {"uncertain", 1},  {"timed_out", 1}, {"odd", 1}};
  EXPECT_EQ(count_outcomes(results), expected);
  EXPECT_TRUE(count_outcomes({}).empty());
}

// The first error line skips warnings and blanks and drops the error prefix.
TEST(HostResultTest, FirstErrorLine) {
  EXPECT_EQ(first_error_line("iosctl: warning: r1: clear-text password in hosts.yaml:4\n\n"
                             "iosctl: error: r1: authentication failed (tried password)\r\n"
                             "iosctl: error: second\n"),
            "r1: authentication failed (tried password)");
  EXPECT_EQ(first_error_line("% Invalid input detected at '^' marker.\n"),
            "% Invalid input detected at '^' marker.");
  EXPECT_EQ(first_error_line("iosctl: warning: only a warning\n"), "");
  EXPECT_EQ(first_error_line(""), "");
}

// Signed lines after any indentation count; IOS's `!` remarks do not.
TEST(HostResultTest, CountDiffLines) {
  const std::string diff =
      "!Contextual Config Diffs:\n"
      "interface GigabitEthernet2\n"
      " +ip address 172.20.0.1 255.255.255.0\n"
      "+router bgp 65000\n"
      " +bgp log-neighbor-changes\n"
      "interface GigabitEthernet2\n"
      " -no ip address\n"
      "crypto pki certificate chain TP-self-signed-1\n"
      " certificate self-signed 01\n"
      "  -\tquit\n"
      "!The following order-dependent line(s) were re-ordered\n"
      "ip access-list extended EDGE\n"
      " +10 permit tcp any any eq 22\n"
      " -10 permit tcp any any eq 23\n"
      "!End of reordered section\n";
  EXPECT_EQ(count_diff_lines(diff), std::make_pair(4, 3));
  EXPECT_EQ(count_diff_lines("!Contextual Config Diffs:\n!No changes were found\n"),
            std::make_pair(0, 0));
  EXPECT_EQ(count_diff_lines(""), std::make_pair(0, 0));
}

}  // namespace
}  // namespace iosctl::fleet
