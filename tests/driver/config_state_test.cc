// config_state: after a lost connection, which config is the device on?

#include "iosctl/driver/ios_driver.h"

#include <gtest/gtest.h>

namespace iosctl::driver {
namespace {

constexpr std::string_view kBefore = "version 17.3\nhostname r1\nntp server 192.0.2.1\nend\n";
constexpr std::string_view kCandidate = "version 17.3\nhostname r9\nntp server 192.0.2.1\nend\n";

TEST(ConfigState, TellsOriginalCandidateAndNeither) {
  // Normalised comparisons: the show header does not matter, a half-done replace is neither.
  const auto replace = config::CandidateKind::replace;
  EXPECT_EQ(config_state("Building configuration...\n\n" + std::string(kBefore), kBefore,
                         kCandidate, replace),
            ConfigState::original);
  EXPECT_EQ(config_state(kCandidate, kBefore, kCandidate, replace), ConfigState::candidate);
  EXPECT_EQ(config_state("version 17.3\nhostname r9\nend\n", kBefore, kCandidate, replace),
            ConfigState::neither);
}

TEST(ConfigState, AMergeIsInPlaceWhenNothingOfItIsMissing) {
  // A merge file holds only the added lines; the rest of the config stays.
  const auto merge = config::CandidateKind::merge;
  const std::string merged =
      "version 17.3\nhostname r1\nntp server 192.0.2.1\nntp server "
      "192.0.2.2\nend\n";
  EXPECT_EQ(config_state(merged, kBefore, "ntp server 192.0.2.2\nend\n", merge),
            ConfigState::candidate);
  EXPECT_EQ(config_state(kBefore, kBefore, "ntp server 192.0.2.2\nend\n", merge),
            ConfigState::original);
}

}  // namespace
}  // namespace iosctl::driver
