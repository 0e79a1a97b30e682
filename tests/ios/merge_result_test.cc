// classify_merge on outputs shaped like iosim's `copy FILE running-config` and IOS_BEHAVIOR 8.

#include "iosctl/ios/merge_result.h"

#include <gtest/gtest.h>

namespace iosctl::ios {
namespace {

TEST(ClassifyMerge, ByteCountAloneIsApplied) {
  // A clean merge prints only the byte count.
  const MergeResult r = classify_merge("412 bytes copied in 0.001 secs (412000 bytes/sec)\r\n");
  EXPECT_EQ(r.outcome, MergeOutcome::applied);
  EXPECT_TRUE(r.failing_lines.empty());
  EXPECT_EQ(r.message, "");
}

TEST(ClassifyMerge, EachRejectedLineKeepsItsMessageWithoutTheCaret) {
  // The three IOS_BEHAVIOR 8 rejections, each after its echoed line, as iosim prints them.
  const MergeResult r = classify_merge(
      "logging 0255.255.1\r\n        ^\r\n% Invalid input detected at '^' marker.\r\n\r\n"
      "logging\r\n% Incomplete command.\r\n\r\n"
      "a\r\n% Ambiguous command:  \"a\"\r\n"
      "96 bytes copied in 0.001 secs (96000 bytes/sec)\r\n");
  EXPECT_EQ(r.outcome, MergeOutcome::failed);
  ASSERT_EQ(r.failing_lines.size(), 3u);
  EXPECT_EQ(r.failing_lines[0].line, "logging 0255.255.1");
  EXPECT_EQ(r.failing_lines[0].message, "% Invalid input detected at '^' marker.");
  EXPECT_EQ(r.failing_lines[1].line, "logging");
  EXPECT_EQ(r.failing_lines[1].message, "% Incomplete command.");
  EXPECT_EQ(r.failing_lines[2].line, "a");
  EXPECT_EQ(r.failing_lines[2].message, "% Ambiguous command:  \"a\"");
}

TEST(ClassifyMerge, OtherErrorFormsCount) {
  // unicon's spellings, `%Error` and AAA's refusal are failures too.
  const MergeResult r = classify_merge(
      "tclsh\n% Bad IP address or host name\n"
      "ip vrf RED\n%Invalid command at '^' marker.\n"
      "crypto key zeroize\n%Error: key not found\n"
      "username ops privilege 15\nCommand authorization failed.\n"
      "200 bytes copied in 0.001 secs (200000 bytes/sec)\n");
  EXPECT_EQ(r.outcome, MergeOutcome::failed);
  ASSERT_EQ(r.failing_lines.size(), 4u);
  EXPECT_EQ(r.failing_lines[0].line, "tclsh");
  EXPECT_EQ(r.failing_lines[0].message, "% Bad IP address or host name");
  EXPECT_EQ(r.failing_lines[1].message, "%Invalid command at '^' marker.");
  EXPECT_EQ(r.failing_lines[2].message, "%Error: key not found");
  EXPECT_EQ(r.failing_lines[3].line, "username ops privilege 15");
  EXPECT_EQ(r.failing_lines[3].message, "Command authorization failed.");
}

TEST(ClassifyMerge, NoticesAreNotFailures) {
  // A `%` notice printed while a command applies leaves the merge applied.
  const MergeResult r = classify_merge(
      "% Topology base is currently being deconfigured.\n"
      "80 bytes copied in 0.001 secs (80000 bytes/sec)\n");
  EXPECT_EQ(r.outcome, MergeOutcome::applied);
  EXPECT_TRUE(r.failing_lines.empty());
}

TEST(ClassifyMerge, ErrorWithoutEchoHasAnEmptyLine) {
  // An image that prints only caret and message still reports the failure.
  const MergeResult r = classify_merge(
      "Destination filename [running-config]? \n   ^\n% Invalid input detected at '^' marker.\n\n"
      "50 bytes copied in 0.001 secs (50000 bytes/sec)\n");
  EXPECT_EQ(r.outcome, MergeOutcome::failed);
  ASSERT_EQ(r.failing_lines.size(), 1u);
  EXPECT_EQ(r.failing_lines[0].line, "");
  EXPECT_EQ(r.failing_lines[0].message, "% Invalid input detected at '^' marker.");
}

TEST(ClassifyMerge, MissingSourceFile) {
  // `%Error opening` with no byte count: nothing was read, nothing applied.
  const MergeResult r =
      classify_merge("%Error opening flash:/merge_config.txt (No such file or directory)\r\n");
  EXPECT_EQ(r.outcome, MergeOutcome::no_such_file);
  EXPECT_TRUE(r.failing_lines.empty());
  EXPECT_EQ(r.message, "%Error opening flash:/merge_config.txt (No such file or directory)");
}

TEST(ClassifyMerge, AnythingElseIsUnrecognised) {
  // No byte count and no error: the state is unknown, and the device's first line is kept.
  EXPECT_EQ(classify_merge("").outcome, MergeOutcome::unrecognised);
  const MergeResult r = classify_merge("\nConfiguration locked by another session\n");
  EXPECT_EQ(r.outcome, MergeOutcome::unrecognised);
  EXPECT_EQ(r.message, "Configuration locked by another session");
}

TEST(ClassifyMerge, AnEchoedLineHoldingTheByteCountPhraseIsNotTheCount) {
  // A rejected description that reads like the result does not end the
  // listing: the failure stands, and without the real count nothing is known.
  const MergeResult r = classify_merge(
      "description 5 bytes copied in 1 secs\r\n        ^\r\n"
      "% Invalid input detected at '^' marker.\r\n");
  EXPECT_EQ(r.outcome, MergeOutcome::failed);
  ASSERT_EQ(r.failing_lines.size(), 1u);
  EXPECT_EQ(r.failing_lines[0].line, "description 5 bytes copied in 1 secs");
}

}  // namespace
}  // namespace iosctl::ios
