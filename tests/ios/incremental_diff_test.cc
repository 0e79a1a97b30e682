// parse_incremental_diff on outputs shaped like IOS_BEHAVIOR 6.4 and iosim's.

#include "iosctl/ios/incremental_diff.h"

#include <gtest/gtest.h>

namespace iosctl::ios {
namespace {

TEST(ParseIncrementalDiff, ListOfCommandsWithoutFrame) {
  // The commands a merge applies come back without the header and final `end`.
  const IncrementalDiff d = parse_incremental_diff(
      "!List of Commands:\r\ninterface Loopback7\r\ndescription uplink to core\r\nend\r\n\r\n");
  EXPECT_EQ(d.kind, IncrementalDiff::Kind::lines);
  EXPECT_EQ(d.lines, "interface Loopback7\ndescription uplink to core\n");
}

TEST(ParseIncrementalDiff, NoChangesIsAnEmptyList) {
  // `end` + `!No changes were found` means the merge would apply nothing.
  const IncrementalDiff d =
      parse_incremental_diff("!List of Commands:\nend\n!No changes were found\n\n");
  EXPECT_EQ(d.kind, IncrementalDiff::Kind::lines);
  EXPECT_EQ(d.lines, "");
}

TEST(ParseIncrementalDiff, ReorderedBlockBesideNoChangesIsKept) {
  // A re-ordered ACL is a change even though IOS also prints the no-change marker.
  const IncrementalDiff d = parse_incremental_diff(
      "!List of Commands:\n!The following order-dependent line(s) were re-ordered\n"
      "ip access-list extended EDGE\n permit tcp any any eq 22\n!End of reordered section\n"
      "end\n!No changes were found\n");
  EXPECT_EQ(d.kind, IncrementalDiff::Kind::lines);
  EXPECT_EQ(d.lines,
            "!The following order-dependent line(s) were re-ordered\n"
            "ip access-list extended EDGE\n permit tcp any any eq 22\n!End of reordered section\n");
}

TEST(ParseIncrementalDiff, OnlyTheFinalEndIsDropped) {
  // A banner line reading `end` inside the list stays; the terminator goes.
  const IncrementalDiff d =
      parse_incremental_diff("!List of Commands:\nbanner motd ^C\nend\n^C\nend\n");
  EXPECT_EQ(d.lines, "banner motd ^C\nend\n^C\n");
}

TEST(ParseIncrementalDiff, MissingEndIsErrorCodeFive) {
  // napalm-ios #195: a merge file without `end` gives error code 5.
  const IncrementalDiff d = parse_incremental_diff(
      "!List of Commands:\r\nError: received error code 5 when looking for missing lines\r\n"
      "!Error: cfgdiff returned error 5\r\n");
  EXPECT_EQ(d.kind, IncrementalDiff::Kind::missing_end);
  EXPECT_EQ(d.lines, "");
}

TEST(ParseIncrementalDiff, OtherCfgdiffErrorFallsBackToTheFile) {
  // An error code never seen is neither a list nor a missing `end`.
  const IncrementalDiff d =
      parse_incremental_diff("!List of Commands:\n!Error: cfgdiff returned error 3\n");
  EXPECT_EQ(d.kind, IncrementalDiff::Kind::unsupported);
  EXPECT_EQ(d.lines, "");
}

TEST(ParseIncrementalDiff, InvalidInputMeansUnsupported) {
  // An image without the command rejects it with a caret; NAPALM then shows the file.
  const IncrementalDiff d = parse_incremental_diff(
      "                               ^\r\n% Invalid input detected at '^' marker.\r\n\r\n");
  EXPECT_EQ(d.kind, IncrementalDiff::Kind::unsupported);
  EXPECT_EQ(d.lines, "");
}

TEST(ParseIncrementalDiff, AnyOtherAnswerIsNotTakenForAList) {
  // Unlike NAPALM, a device message or an empty reply never becomes the diff.
  for (const char* output : {"",
                             "%Error opening flash:/merge_config.txt (No such file or "
                             "directory)\n",
                             "\n% Incomplete command.\n\n"}) {
    const IncrementalDiff d = parse_incremental_diff(output);
    EXPECT_EQ(d.kind, IncrementalDiff::Kind::unsupported) << output;
    EXPECT_EQ(d.lines, "") << output;
  }
}

}  // namespace
}  // namespace iosctl::ios
