// classify_replace on outputs shaped like IOS_BEHAVIOR 7.2-7.5.

#include "iosctl/ios/replace_result.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::ios {
namespace {

using Lines = std::vector<std::string>;

TEST(ClassifyReplace, SuccessIsApplied) {
  // `Total number of passes` + `Rollback Done` alone means the candidate runs.
  const ReplaceResult r = classify_replace("Total number of passes: 1\nRollback Done\n\n");
  EXPECT_EQ(r.outcome, ReplaceOutcome::applied);
  EXPECT_EQ(r.failing_lines, Lines{});
}

TEST(ClassifyReplace, RevertTriggerErrorRestoresTheOriginal) {
  // 7.4: the failing line keeps its indentation; the restore line decides.
  const ReplaceResult r = classify_replace(
      "Command rejected: bad mode\r\nFailed to apply command  no switchport mode access\r\n"
      "Aborting Rollback.\r\n\r\nRollback failed.Reverting back to the original configuration: "
      "bootflash:archive-1 ...\r\n\r\n\r\nTotal number of passes: 0\r\nRollback Done\r\n\r\n"
      "The original configuration has been successfully restored.\r\n");
  EXPECT_EQ(r.outcome, ReplaceOutcome::reverted);
  EXPECT_EQ(r.failing_lines, Lines{" no switchport mode access"});
}

TEST(ClassifyReplace, AbortedWithoutTheWordErrorIsNotSuccess) {
  // 7.3: NAPALM would call this success (no `error`); we report it aborted.
  const ReplaceResult r = classify_replace(
      "The rollback configlet from the last pass is listed below:\n********\n"
      "!List of Rollback Commands:\nadfjasdfadfa\nend\n********\n\n\n"
      "Rollback aborted after 5 passes\n"
      "The following commands are failed to apply to the IOS image.\n********\n"
      "adfjasdfadfa\n********\n\n");
  EXPECT_EQ(r.outcome, ReplaceOutcome::aborted);
  EXPECT_EQ(r.failing_lines, Lines{"adfjasdfadfa"});
}

TEST(ClassifyReplace, AbortedWithoutTheFailedBlockHasNoLines) {
  // Some images omit the second block; the outcome stays aborted.
  const ReplaceResult r = classify_replace("Rollback aborted after 5 passes\n");
  EXPECT_EQ(r.outcome, ReplaceOutcome::aborted);
  EXPECT_EQ(r.failing_lines, Lines{});
}

TEST(ClassifyReplace, InvalidFileAndArchiveOff) {
  // 7.5 and 7.4: both refusals apply nothing.
  EXPECT_EQ(classify_replace("%The input file is not a valid config file.\n").outcome,
            ReplaceOutcome::invalid_file);
  EXPECT_EQ(classify_replace("%Please turn config archive on before using the rollback feature.\n")
                .outcome,
            ReplaceOutcome::archive_off);
}

TEST(ClassifyReplace, AnythingElseIsUnrecognised) {
  // Output without any known summary leaves the state unknown.
  EXPECT_EQ(classify_replace("").outcome, ReplaceOutcome::unrecognised);
  EXPECT_EQ(classify_replace("Failed to apply command x\nRollback Done\n").outcome,
            ReplaceOutcome::unrecognised);
}

TEST(ClassifyReplace, LockRefusalIsLockedNotUnknown) {
  // Another session's configuration lock: nothing was applied, so not "state unknown".
  const ReplaceResult r = classify_replace(
      "Configuration mode locked exclusively by user 'bob' process '107' from terminal '7'. "
      "Please try later.\n");
  EXPECT_EQ(r.outcome, ReplaceOutcome::locked);
  EXPECT_TRUE(r.failing_lines.empty());
}

TEST(ClassifyReplace, StatusPhrasesInTheListingsAreCandidateLines) {
  // A candidate line that reads like a status is echoed in both listings;
  // without auto-rollback the device is partly changed, not restored.
  const ReplaceResult r = classify_replace(
      "The rollback configlet from the last pass is listed below:\n********\n"
      "!List of Rollback Commands:\nThe original configuration has been successfully restored.\n"
      "Rollback Done\nend\n********\n\n\nRollback aborted after 5 passes\n"
      "The following commands are failed to apply to the IOS image.\n********\n"
      "The original configuration has been successfully restored.\nRollback Done\n********\n\n");
  EXPECT_EQ(r.outcome, ReplaceOutcome::aborted);
  EXPECT_EQ(r.failing_lines,
            (Lines{"The original configuration has been successfully restored.", "Rollback Done"}));
}

TEST(ClassifyReplace, AStatusPhraseInsideAFailedLineIsNotAStatus) {
  // `Failed to apply command` quotes the line after its prefix: only a whole
  // status line counts, so the failure stands.
  const ReplaceResult r = classify_replace(
      "Failed to apply command  description The original configuration has been successfully "
      "restored.\nRollback aborted after 5 passes\n");
  EXPECT_EQ(r.outcome, ReplaceOutcome::aborted);
  EXPECT_EQ(r.failing_lines,
            Lines{" description The original configuration has been successfully restored."});
}

TEST(ClassifyReplace, ABannerOfStarsDoesNotCloseTheConfiglet) {
  // The configlet is a config ending in `end`; a `********` banner line in it
  // leaves the lines after it inside the listing.
  const ReplaceResult r = classify_replace(
      "The rollback configlet from the last pass is listed below:\n********\n"
      "!List of Rollback Commands:\nbanner motd ^C\n********\nRollback Done\n^C\nend\n"
      "********\n\n\nRollback aborted after 5 passes\n");
  EXPECT_EQ(r.outcome, ReplaceOutcome::aborted);
}

TEST(ClassifyReplace, AFailureIsNeverApplied) {
  // A failed-commands listing then a stray `Rollback Done` (a failed line
  // closing the listing early) is not success.
  const ReplaceResult r = classify_replace(
      "Rollback aborted after 5 passes\nThe following commands are failed to apply to the IOS "
      "image.\n********\n********\nRollback Done\n********\n");
  EXPECT_NE(r.outcome, ReplaceOutcome::applied);
}

TEST(ClassifyReplace, AMissingFileAppliesNothing) {
  // The candidate deleted before the replace read it (7.5).
  EXPECT_EQ(classify_replace("%Error opening flash:/candidate_config.txt (No such file or "
                             "directory)\n")
                .outcome,
            ReplaceOutcome::missing_file);
  EXPECT_EQ(
      classify_replace("Error: Could not open file bootflash:base.conf for reading\n").outcome,
      ReplaceOutcome::missing_file);
}

}  // namespace
}  // namespace iosctl::ios
