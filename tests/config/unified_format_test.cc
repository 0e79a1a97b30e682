#include "iosctl/config/unified_format.h"

#include <gtest/gtest.h>

namespace iosctl::config {
namespace {

std::string unified(std::string_view running, std::string_view candidate) {
  return format_unified(canonical_lines(running), canonical_lines(candidate),
                        {"running.cfg", "candidate.cfg"}, DisplayOptions{});
}

// Equal configurations give no output at all, as `diff -u` does.
TEST(UnifiedDiffTest, EqualIsEmpty) {
  EXPECT_EQ(unified("hostname r1\n!\nend\n", "hostname r1\nend\n"), "");
}

// One changed line gets a hunk with up to three lines of context each side.
TEST(UnifiedDiffTest, OneHunkWithContext) {
  EXPECT_EQ(unified("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n"),
            "--- running.cfg\n"
            "+++ candidate.cfg\n"
            "@@ -2,7 +2,7 @@\n"
            " b\n c\n d\n-e\n+E\n f\n g\n h\n");
}

// Distant changes make separate hunks; nearby ones share one.
TEST(UnifiedDiffTest, SeparateHunksForDistantChanges) {
  std::string a, b;
  for (int i = 1; i <= 30; ++i) {
    a += "line" + std::to_string(i) + "\n";
    b += (i == 2 || i == 25 ? "changed" + std::to_string(i) : "line" + std::to_string(i)) + "\n";
  }
  const std::string out = unified(a, b);
  EXPECT_NE(out.find("@@ -1,5 +1,5 @@\n"), std::string::npos) << out;
  EXPECT_NE(out.find("@@ -22,7 +22,7 @@\n"), std::string::npos) << out;
}

// Lines are compared in canonical form: indentation runs and trailing
// spaces do not count, comments are not configuration.
TEST(UnifiedDiffTest, ComparesCanonicalLines) {
  EXPECT_EQ(unified("policy-map P\n class C\n  police 8000\n     conform-action transmit \n",
                    "policy-map P\n class C\n  police 8000\n   conform-action transmit\n!\n"),
            "");
}

// Banner bodies keep their own text; the show-run header is not compared.
TEST(UnifiedDiffTest, BannersAndHeaders) {
  EXPECT_EQ(unified("Building configuration...\n\nCurrent configuration : 50 bytes\n"
                    "banner motd ^C\n  Welcome  \n^C\nend\n",
                    "banner motd ^C\n  Welcome\n^C\nend\n"),
            "");
  EXPECT_EQ(
      unified("banner motd ^C\nold\n^C\n", "banner motd ^C\nnew\n^C\n"),
      "--- running.cfg\n+++ candidate.cfg\n@@ -1,3 +1,3 @@\n banner motd ^C\n-old\n+new\n ^C\n");
}

// Secrets are masked in unified output too.
TEST(UnifiedDiffTest, SecretsAreRedacted) {
  const std::string out = unified("enable secret 9 $9$old\n", "enable secret 9 $9$new\n");
  EXPECT_NE(out.find("-enable secret 9 <redacted>\n+enable secret 9 <redacted>\n"),
            std::string::npos);
  EXPECT_EQ(out.find("$9$"), std::string::npos);
}

}  // namespace
}  // namespace iosctl::config
