#include "iosctl/config/check.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::config {
namespace {

using Messages = std::vector<std::string>;

std::string fixture(std::string_view name) {
  return test::read_fixture("candidates/" + std::string(name));
}

// The messages of `text`'s findings that are (or are not) repairable.
Messages messages(std::string_view text, bool repairable) {
  Messages out;
  for (const Diagnostic& d : check_candidate(text)) {
    if (d.repairable == repairable) out.push_back(d.message);
  }
  return out;
}

Messages repaired_messages(const Repair& repair) {
  Messages out;
  for (const Diagnostic& d : repair.repaired) out.push_back(d.message);
  return out;
}

// Every fixture a candidate check is run on in these tests: ours and the
// platform configs in fixtures/configs/.
std::vector<std::string> all_fixtures() {
  std::vector<std::string> names;
  for (const char* dir : {"candidates", "configs"}) {
    for (const auto& entry : std::filesystem::directory_iterator(test::fixture_path(dir))) {
      names.push_back(std::string(dir) + "/" + entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// CR LF becomes LF everywhere, and nothing else changes.
TEST(RepairTest, CrLfBecomesLf) {
  const std::string original = fixture("crlf-line-endings.cfg");
  std::string expected = original;
  std::erase(expected, '\r');
  const Repair repair = repair_candidate(original);
  EXPECT_EQ(repair.text, expected);
  EXPECT_EQ(repaired_messages(repair),
            Messages{"line ends in CR LF, not LF (Windows line endings)"});
}

// A missing final line break is added.
TEST(RepairTest, FinalNewlineIsAdded) {
  const std::string original = fixture("no-final-newline.cfg");
  const Repair repair = repair_candidate(original);
  EXPECT_EQ(repair.text, original + "\n");
  EXPECT_EQ(repaired_messages(repair), Messages{"file does not end with a line break"});
}

// Each `^C` banner gets ETX delimiters; `^C` in the text of an ETX banner
// stays as it is.
TEST(RepairTest, CaretCDelimitersBecomeEtx) {
  const std::string original = fixture("caret-banner.cfg");
  const Repair repair = repair_candidate(original);
  const std::string_view tail =
      "banner exec \x03\nPress ^C to abort.\n\x03\n"
      "banner login \x03"
      "Authorised access only\x03\n"
      "banner motd \x03\nNo ^ or C here.\n\x03\n!\nend\n";
  EXPECT_TRUE(std::string_view(repair.text).ends_with(tail)) << repair.text;
  EXPECT_EQ(repair.text.size(), original.size() - 4);
  EXPECT_EQ(repair.repaired.size(), 2u);
}

// Only the delimiters change: `^C` inside the banner text and text after
// the closing delimiter are kept.
TEST(RepairTest, CaretCBannerTextIsKept) {
  const Repair repair = repair_candidate(
      "version 17.3\nbanner motd ^C see ^C\nbanner exec ^C\nhit ^C to stop ^C\nend\n");
  EXPECT_EQ(repair.text,
            "version 17.3\nbanner motd \x03 see \x03\nbanner exec \x03\nhit \x03 to stop ^C\n"
            "end\n");
}

// The certificate's `quit` line is rewritten as two spaces, a TAB and `quit`.
TEST(RepairTest, CertificateQuitGetsItsTab) {
  const std::string original = fixture("certificate-quit-spaces.cfg");
  const Repair repair = repair_candidate(original);
  std::string expected = original;
  expected.replace(expected.find("        quit"), 12, "  \tquit");
  EXPECT_EQ(repair.text, expected);
  EXPECT_EQ(repaired_messages(repair),
            Messages{"certificate 'quit' line is not two spaces, a TAB and 'quit' (configure "
                     "replace fails on it)"});
}

// Header lines go, with the blank line right after each; the comments stay.
TEST(RepairTest, RunningConfigHeaderIsDropped) {
  const Repair repair = repair_candidate(fixture("running-config-header.cfg"));
  EXPECT_EQ(repair.text,
            "!\n! Last configuration change at 10:00:00 UTC Mon Jan 1 2024\n!\n"
            "version 17.3\nhostname r1\n!\nend\n");
  EXPECT_EQ(repair.repaired.size(), 2u);
  EXPECT_EQ(repair_candidate("Using 10 out of 20 bytes\n\n\nversion 1\nend\n").text,
            "\nversion 1\nend\n");
}

// Several repairs apply together, and their report is in line order.
TEST(RepairTest, RepairsCombine) {
  const Repair repair =
      repair_candidate("Building configuration...\r\n\r\nversion 17.3\r\nbanner ^Chi^C\r\nend");
  EXPECT_EQ(repair.text, "version 17.3\nbanner \x03hi\x03\nend\n");
  std::vector<int> lines;
  for (const Diagnostic& d : repair.repaired) lines.push_back(d.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 1, 4, 5}));
}

// CR CR LF line ends lose both CRs.
TEST(RepairTest, DoubleCrBecomesLf) {
  EXPECT_EQ(repair_candidate("version 17.3\r\r\nhostname r1\r\r\nend\r\r").text,
            "version 17.3\nhostname r1\nend\n");
}

// What cannot be repaired is left byte for byte, and nothing is reported
// as repaired.
TEST(RepairTest, UnrepairableFindingsAreLeftAlone) {
  for (const char* name : {"tab-indentation.cfg", "missing-end.cfg", "indentation-jump.cfg",
                           "unterminated-banner.cfg", "clean.cfg"}) {
    const std::string original = fixture(name);
    const Repair repair = repair_candidate(original);
    EXPECT_EQ(repair.text, original) << name;
    EXPECT_TRUE(repair.repaired.empty()) << name;
  }
  const std::string open_caret = "version 1\nbanner motd ^C\nhi\r\nend\n";
  EXPECT_EQ(repair_candidate(open_caret).text, "version 1\nbanner motd ^C\nhi\nend\n");
}

// A UTF-8 byte order mark is dropped with the CR LF line endings its
// editor wrote, and nothing else changes.
TEST(RepairTest, ByteOrderMarkIsDropped) {
  const std::string original = fixture("byte-order-mark.cfg");
  std::string expected = original.substr(3);
  std::erase(expected, '\r');
  const Repair repair = repair_candidate(original);
  EXPECT_EQ(repair.text, expected);
  EXPECT_EQ(repaired_messages(repair),
            (Messages{"line ends in CR LF, not LF (Windows line endings)",
                      "file starts with a UTF-8 byte order mark (IOS reads it as part of the "
                      "first line)"}));
  EXPECT_TRUE(check_candidate(repair.text).empty());
}

// A byte order mark alone in front of a clean file is the one repair.
TEST(RepairTest, ByteOrderMarkAloneIsTheOnlyRepair) {
  const std::string clean = "version 17.3\nhostname r1\nend\n";
  const Repair repair = repair_candidate("\xef\xbb\xbf" + clean);
  EXPECT_EQ(repair.text, clean);
  EXPECT_EQ(repair.repaired.size(), 1u);
}

// Empty and binary files are returned unchanged.
TEST(RepairTest, NonConfigurationIsUnchanged) {
  for (const char* name : {"empty.cfg", "comments-only.cfg", "binary-data.cfg"}) {
    const std::string original = fixture(name);
    const Repair repair = repair_candidate(original);
    EXPECT_EQ(repair.text, original) << name;
    EXPECT_TRUE(repair.repaired.empty()) << name;
  }
}

// On every fixture, a repair leaves no repairable finding, keeps the other
// findings, reports what check found repairable, and a second repair
// changes nothing.
TEST(RepairTest, EveryFixtureRepairsCompletely) {
  for (const std::string& name : all_fixtures()) {
    const std::string original = test::read_fixture(name);
    const Repair repair = repair_candidate(original);
    EXPECT_EQ(messages(repair.text, true), Messages{}) << name;
    EXPECT_EQ(messages(repair.text, false), messages(original, false)) << name;
    EXPECT_EQ(repaired_messages(repair), messages(original, true)) << name;
    EXPECT_EQ(repair_candidate(repair.text).text, repair.text) << name;
  }
}

}  // namespace
}  // namespace iosctl::config
