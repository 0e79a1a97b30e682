#include "iosctl/config/check.h"

#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace iosctl::config {
namespace {

using Lines = std::vector<std::string>;

constexpr std::string_view kNotValid =
    "(configure replace answers '%The input file is not a valid config file.')";

// What `iosctl check` prints for `text`, as if it came from `file`.
Lines report(std::string_view text, std::string_view file = "c.cfg") {
  Lines out;
  for (const Diagnostic& d : check_candidate(text)) out.push_back(format_diagnostic(file, d));
  return out;
}

// The report for fixtures/candidates/<name>.
Lines fixture_report(std::string_view name) {
  return report(test::read_fixture("candidates/" + std::string(name)), name);
}

// A complete candidate around `body`: comments, `version`, `hostname`, and `end`.
std::string candidate(std::string_view body) {
  return "!\nversion 17.3\nhostname r1\n" + std::string(body) + "end\n";
}

// A candidate with an ETX banner (even one mentioning ^C), a certificate, a
// police block, a macro and comments has nothing to report.
TEST(CheckTest, CleanCandidateHasNoFindings) { EXPECT_EQ(fixture_report("clean.cfg"), Lines{}); }

// A file of zero bytes is not configuration.
TEST(CheckTest, EmptyFileIsAnError) {
  EXPECT_EQ(fixture_report("empty.cfg"),
            Lines{"empty.cfg:1: error: file is empty (fix: put the complete configuration in "
                  "it, from its 'version' line to 'end')"});
}

// Comments and blank lines alone are no configuration either.
TEST(CheckTest, CommentsOnlyFileIsAnError) {
  EXPECT_EQ(fixture_report("comments-only.cfg"),
            Lines{"comments-only.cfg:1: error: file holds no configuration, only blank lines "
                  "and comments (fix: put the complete configuration in it, from its 'version' "
                  "line to 'end')"});
}

// A NUL byte marks binary data; it is the only finding reported.
TEST(CheckTest, BinaryDataIsReportedAlone) {
  EXPECT_EQ(fixture_report("binary-data.cfg"),
            Lines{"binary-data.cfg:2: error: file holds binary data (byte 0x00 in column 12), "
                  "not configuration text (fix: give the plain-text configuration file, in "
                  "ASCII or UTF-8)"});
}

// Only a NUL byte makes a file binary: other control bytes are text, and
// outside a banner they are a finding about their line (below).
TEST(CheckTest, OnlyNulMakesAFileBinary) {
  EXPECT_EQ(not_configuration_text(candidate("\x1b[1m\n")), std::nullopt);
  EXPECT_EQ(not_configuration_text(candidate("banner motd \x03hi\x03\r\n \tx\n")), std::nullopt);
}

// A control byte outside a banner is an error naming its line, column and
// byte: configure replace fails on such a line and quotes it as ''.
TEST(CheckTest, ControlByteOutsideBannerIsAnError) {
  EXPECT_EQ(report(candidate("interface Gi1\n description a\x03"
                             "b\n")),
            Lines{"c.cfg:5: error: line holds the control byte '\\x03' in column 15, outside a "
                  "banner (configure replace fails on it) (fix: delete the byte; only a banner's "
                  "text may hold control bytes, and ETX only as its delimiter)"});
  EXPECT_EQ(report(candidate("\x1b[1m\n")),
            Lines{"c.cfg:4: error: line holds the control byte '\\x1b' in column 1, outside a "
                  "banner (configure replace fails on it) (fix: delete the byte; only a banner's "
                  "text may hold control bytes, and ETX only as its delimiter)"});
}

// Comment lines are typed into the CLI too, and DEL is a control byte.
TEST(CheckTest, ControlByteInCommentAndDelAreErrors) {
  const std::vector<Diagnostic> found =
      check_candidate(candidate("! note\x07\nip domain name a\x7f.example\n"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].line, 4);
  EXPECT_EQ(found[0].message,
            "line holds the control byte '\\x07' in column 7, outside a banner (configure "
            "replace fails on it)");
  EXPECT_EQ(found[1].line, 5);
  EXPECT_EQ(found[1].message,
            "line holds the control byte '\\x7f' in column 17, outside a banner (configure "
            "replace fails on it)");
  EXPECT_FALSE(found[0].repairable);
}

// Inside a banner's text any control byte is the banner's business (an
// ANSI escape, a bell); TAB and the CR of CR LF are text everywhere.
TEST(CheckTest, ControlBytesInBannerTextAreFine) {
  EXPECT_EQ(report(candidate("banner motd \x03\x1b[1mWelcome\x07\n\x1b[0m\x03\n"
                             "banner exec \x03\x1b[2Jhi\x03\n"
                             "interface Loopback0\n description a\tb\n")),
            Lines{});
}

// A UTF-8 byte order mark is a repairable warning on line 1, and the
// first line is still read as the command it is.
TEST(CheckTest, ByteOrderMarkIsARepairableWarning) {
  const std::string text = "\xef\xbb\xbf" + candidate("");
  EXPECT_EQ(report(text),
            Lines{"c.cfg:1: warning: file starts with a UTF-8 byte order mark (IOS reads it as "
                  "part of the first line) (fix: save the file without the byte order mark)"});
  EXPECT_TRUE(check_candidate(text).at(0).repairable);
  EXPECT_EQ(report("\xef\xbb\xbfversion 17.3\nhostname r1\nend\n"),
            Lines{"c.cfg:1: warning: file starts with a UTF-8 byte order mark (IOS reads it as "
                  "part of the first line) (fix: save the file without the byte order mark)"});
}

// A byte order mark and nothing else is still an empty configuration.
TEST(CheckTest, ByteOrderMarkAloneIsNoConfiguration) {
  const auto found = not_configuration_text("\xef\xbb\xbf!\n");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->message, "file holds no configuration, only blank lines and comments");
}

// A backup taken with get-config's default masking holds the placeholder
// where the secrets go: each such line is an error naming the fix.
TEST(CheckTest, RedactionPlaceholderIsAnError) {
  const std::string fix =
      " holds the redaction placeholder, not the secret (fix: take the backup with 'iosctl "
      "get-config --show-secrets' or 'get-config -o FILE')";
  EXPECT_EQ(report(candidate("enable secret 9 <redacted>\n"
                             "username admin privilege 15 secret 9 <redacted>\n"
                             "interface Gi1\n description <redacted>\n"
                             "snmp-server community <redacted> RO\n"),
                   "r1.cfg"),
            (Lines{"r1.cfg:4: error: 'enable secret 9 <redacted>'" + fix,
                   "r1.cfg:5: error: 'username admin privilege 15 secret 9 <redacted>'" + fix,
                   "r1.cfg:8: error: 'snmp-server community <redacted> RO'" + fix}));
}

// The placeholder is refused in a merge candidate too, nested or not, and
// the line is quoted with its other secrets still masked.
TEST(CheckTest, RedactionPlaceholderInMergeAndNestedLines) {
  const std::vector<Diagnostic> found = check_candidate(
      "line vty 0 4\n password 7 <redacted>\n"
      "enable password 7 <redacted>\nend\n",
      CandidateKind::merge);
  std::vector<int> lines;
  for (const Diagnostic& d : found) {
    if (d.message.find("redaction placeholder") != std::string::npos) lines.push_back(d.line);
  }
  EXPECT_EQ(lines, (std::vector<int>{2, 3}));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back().message,
            "'enable password 7 <redacted>' holds the redaction placeholder, not the secret");
}

// not_configuration_text returns the same finding check_candidate reports.
TEST(CheckTest, NotConfigurationTextMatchesCheck) {
  const auto empty = not_configuration_text(" \n\t\n");
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(format_diagnostic("c.cfg", *empty),
            "c.cfg:1: error: file holds no configuration, only blank lines and comments (fix: "
            "put the complete configuration in it, from its 'version' line to 'end')");
  EXPECT_EQ(not_configuration_text("hostname r1\n"), std::nullopt);
}

// Without a `version` line IOS refuses the file.
TEST(CheckTest, MissingVersionIsAnError) {
  EXPECT_EQ(fixture_report("missing-version.cfg"),
            Lines{"missing-version.cfg:1: error: missing 'version' line " + std::string(kNotValid) +
                  " (fix: add the device's 'version' line, e.g. 'version 17.3', above the first "
                  "command)"});
}

// `version` must be a top-level command, not a comment or a sub-mode line.
TEST(CheckTest, VersionInCommentOrSubModeDoesNotCount) {
  EXPECT_EQ(report("! version 17.3\nhostname r1\n version 17.3\nend\n").at(0),
            "c.cfg:1: error: missing 'version' line " + std::string(kNotValid) +
                " (fix: add the device's 'version' line, e.g. 'version 17.3', above the first "
                "command)");
}

// Without a final `end` IOS refuses the file; the error is on the last line.
TEST(CheckTest, MissingEndIsAnErrorOnTheLastLine) {
  EXPECT_EQ(fixture_report("missing-end.cfg"),
            Lines{"missing-end.cfg:10: error: missing final 'end' " + std::string(kNotValid) +
                  " (fix: add a line 'end' at the end of the file)"});
}

// Comments and blank lines after `end` are fine.
TEST(CheckTest, TriviaAfterEndIsFine) {
  EXPECT_EQ(report(candidate("") + "!\n\n! saved by r1\n"), Lines{});
}

// Configuration after `end` is ignored by IOS: a warning on its first line.
TEST(CheckTest, LinesAfterEndAreAWarning) {
  EXPECT_EQ(fixture_report("lines-after-end.cfg"),
            Lines{"lines-after-end.cfg:10: warning: lines after 'end' are ignored by IOS (fix: "
                  "move them above 'end' or delete them)"});
  EXPECT_EQ(report(candidate("") + " description x\n"),
            Lines{"c.cfg:5: warning: lines after 'end' are ignored by IOS (fix: move them above "
                  "'end' or delete them)"});
}

// Banners delimited by the text `^C` are errors, one per banner; an ETX
// banner whose text mentions ^C is fine.
TEST(CheckTest, CaretCBannerDelimiterIsAnError) {
  const std::string message =
      " error: banner is delimited by the two characters '^C', not the ETX byte (configure "
      "replace rejects it) (fix: replace this banner's two '^C' delimiters with the ETX byte "
      "0x03)";
  EXPECT_EQ(fixture_report("caret-banner.cfg"),
            (Lines{"caret-banner.cfg:11:" + message, "caret-banner.cfg:12:" + message}));
}

// Only the delimiter decides: `^C` inside an ETX banner and other
// delimiters are not reported, and the check marks the finding repairable.
TEST(CheckTest, CaretCBannerIsRepairableAndOnlyForItsDelimiter) {
  EXPECT_EQ(report(candidate("banner login #^C#\nbanner exec \x03 ^C \x03\n")), Lines{});
  const std::vector<Diagnostic> found = check_candidate(candidate("banner ^C\nhi\n^C\n"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 4);
  EXPECT_TRUE(found[0].repairable);
}

// An unterminated `^C` banner cannot be repaired: both problems are
// reported, and only the parser's one names the fix.
TEST(CheckTest, UnterminatedCaretCBannerIsNotRepairable) {
  const std::vector<Diagnostic> found = check_candidate(candidate("banner motd ^C\nhi\n"));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].message, "banner is not terminated by its delimiter");
  EXPECT_EQ(found[1].message,
            "banner is delimited by the two characters '^C', not the ETX byte (configure "
            "replace rejects it)");
  EXPECT_FALSE(found[1].repairable);
  EXPECT_EQ(found[2].message, "missing final 'end' " + std::string(kNotValid));
}

// A `^C` banner whose text holds an ETX byte cannot be repaired by swapping
// its delimiters (the ETX would end it early); the fix says what to do.
TEST(CheckTest, CaretCBannerWithEtxInTextIsNotRepairable) {
  const std::vector<Diagnostic> found =
      check_candidate(candidate("banner motd ^C\nbell \x03 here\n^C\n"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].repairable);
  EXPECT_EQ(format_diagnostic("c.cfg", found[0]),
            "c.cfg:4: error: banner is delimited by the two characters '^C', not the ETX byte "
            "(configure replace rejects it) (fix: remove the ETX bytes from this banner's text, "
            "then replace its two '^C' delimiters with ETX)");
}

// A certificate `quit` line whose TAB became spaces is a repairable warning.
TEST(CheckTest, CertificateQuitWithoutTabIsAWarning) {
  EXPECT_EQ(fixture_report("certificate-quit-spaces.cfg"),
            Lines{"certificate-quit-spaces.cfg:12: warning: certificate 'quit' line is not two "
                  "spaces, a TAB and 'quit' (configure replace fails on it) (fix: write it as "
                  "two spaces, a TAB and 'quit')"});
  EXPECT_TRUE(check_candidate(test::read_fixture("candidates/certificate-quit-spaces.cfg"))
                  .at(0)
                  .repairable);
}

// CR LF line endings are one warning, on the first such line.
TEST(CheckTest, CrLfIsOneWarningOnTheFirstLine) {
  EXPECT_EQ(fixture_report("crlf-line-endings.cfg"),
            Lines{"crlf-line-endings.cfg:1: warning: line ends in CR LF, not LF (Windows line "
                  "endings) (fix: convert the file's line endings to LF)"});
  EXPECT_EQ(report("version 17.3\nhostname r1\r\nend\r\n"),
            Lines{"c.cfg:2: warning: line ends in CR LF, not LF (Windows line endings) (fix: "
                  "convert the file's line endings to LF)"});
}

// A last line without its line break is a warning on that line.
TEST(CheckTest, MissingFinalNewlineIsAWarning) {
  EXPECT_EQ(fixture_report("no-final-newline.cfg"),
            Lines{"no-final-newline.cfg:8: warning: file does not end with a line break (fix: "
                  "end the last line with a line break)"});
}

// TABs in a configuration line's indentation are errors, line by line.
TEST(CheckTest, TabIndentationIsAnError) {
  const std::string message =
      " error: indentation holds a TAB (IOS nests sub-mode lines by spaces) (fix: indent with "
      "spaces, one per sub-mode level)";
  EXPECT_EQ(fixture_report("tab-indentation.cfg"),
            (Lines{"tab-indentation.cfg:9:" + message, "tab-indentation.cfg:10:" + message}));
}

// TABs inside banner text, certificate `quit` lines and after the first
// word of a line are not indentation.
TEST(CheckTest, TabsOutsideIndentationAreFine) {
  EXPECT_EQ(report(candidate("banner motd \x03\n\tWelcome\n\x03\n"
                             "crypto pki certificate chain TP-self-signed-1\n"
                             " certificate self-signed 01\n  0102 \n  \tquit\n"
                             "interface Loopback0\n description a\tb\n")),
            Lines{});
}

// A line more than one space deeper than the line it nests under warns.
TEST(CheckTest, IndentationJumpIsAWarning) {
  EXPECT_EQ(fixture_report("indentation-jump.cfg"),
            Lines{"indentation-jump.cfg:10: warning: line is indented 2 spaces deeper than line "
                  "9, which it nests under (IOS indents one space per level) (fix: indent "
                  "sub-mode lines one space deeper than the line they belong to)"});
}

// IOS prints police actions deeper than one level; that is not reported,
// but other lines under `police` and actions elsewhere are.
TEST(CheckTest, PoliceActionsMayBeDeeper) {
  const std::string police =
      "policy-map P\n class c1\n  police cir 8000\n   conform-action transmit \n"
      "   exceed-action drop \n class c2\n  police cir 8000\n      conform-action transmit \n"
      "      exceed-action drop \n      violate-action drop \n";
  EXPECT_EQ(report(candidate(police)), Lines{});
  const Lines found =
      report(candidate("policy-map P\n class c\n  police cir 8000\n    burst 10\n"
                       "interface Loopback0\n   conform-action transmit\n"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(
      found[0].starts_with("c.cfg:7: warning: line is indented 2 spaces deeper than "
                           "line 6,"));
  EXPECT_TRUE(
      found[1].starts_with("c.cfg:9: warning: line is indented 3 spaces deeper than "
                           "line 8,"));
}

// An indented line with nothing above it to nest under is an error.
TEST(CheckTest, IndentedFirstLineIsAnError) {
  EXPECT_EQ(fixture_report("indented-first-line.cfg"),
            Lines{"indented-first-line.cfg:2: error: line is indented but has no line above it "
                  "to nest under (fix: remove the leading spaces)"});
}

// `show running-config` header lines at the top are repairable errors, one
// per line; the same text further down is not a header.
TEST(CheckTest, RunningConfigHeaderIsAnError) {
  EXPECT_EQ(fixture_report("running-config-header.cfg"),
            (Lines{"running-config-header.cfg:1: error: 'Building configuration...' is output "
                   "of a show command, not configuration (IOS fails on it as a command) (fix: "
                   "delete the line)",
                   "running-config-header.cfg:3: error: 'Current configuration : 1234 bytes' is "
                   "output of a show command, not configuration (IOS fails on it as a command) "
                   "(fix: delete the line)"}));
  EXPECT_EQ(report("Using 1316 out of 196600 bytes\n" + candidate("")).at(0),
            "c.cfg:1: error: 'Using 1316 out of 196600 bytes' is output of a show command, not "
            "configuration (IOS fails on it as a command) (fix: delete the line)");
  EXPECT_EQ(report(candidate("Building configuration...\n")).size(), 0u);
}

// The parser's structural problems are findings, in line order.
TEST(CheckTest, UnterminatedBlocksAreErrors) {
  EXPECT_EQ(
      fixture_report("unterminated-banner.cfg"),
      (Lines{"unterminated-banner.cfg:8: error: banner is not terminated by its delimiter "
             "(fix: end the banner text with the delimiter it starts with)",
             "unterminated-banner.cfg:11: error: missing final 'end' " + std::string(kNotValid) +
                 " (fix: add a line 'end' at the end of the file)"}));
  EXPECT_EQ(fixture_report("unterminated-certificate.cfg"),
            Lines{"unterminated-certificate.cfg:9: error: certificate is not terminated by a "
                  "'quit' line (fix: end the certificate's hex lines with a line of two spaces, a "
                  "TAB and 'quit')"});
  const std::vector<Diagnostic> macro =
      check_candidate(test::read_fixture("candidates/unterminated-macro.cfg"));
  ASSERT_EQ(macro.size(), 2u);
  EXPECT_EQ(macro[0].line, 8);
  EXPECT_EQ(macro[0].severity, Severity::error);
  EXPECT_EQ(macro[0].message, "macro is not terminated by a line holding only '@'");
  EXPECT_EQ(macro[1].line, 10);
}

// Findings of different rules come out sorted by line.
TEST(CheckTest, FindingsAreSortedByLine) {
  const std::vector<Diagnostic> found =
      check_candidate("Building configuration...\r\n  hostname r1\r\nbanner ^Chi^C\r\n");
  std::vector<int> lines;
  for (const Diagnostic& d : found) lines.push_back(d.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 1, 1, 2, 3, 3}));
  // Within a line, errors come before warnings.
  EXPECT_EQ(found[1].severity, Severity::error);
  EXPECT_EQ(found[2].message, "line ends in CR LF, not LF (Windows line endings)");
}

// Lines ending in CR CR LF (a Windows file sent in text mode) read like
// their repaired form: one CR LF warning and nothing else.
TEST(CheckTest, DoubleCrLinesReadLikeLf) {
  EXPECT_EQ(report("Building configuration...\r\r\n\r\r\nversion 17.3\r\r\n"
                   "crypto pki certificate chain TP-self-signed-1\r\r\n"
                   " certificate self-signed 01\r\r\n  0102 \r\r\n  \tquit\r\r\nend\r\r\n"),
            (Lines{"c.cfg:1: error: 'Building configuration...' is output of a show command, not "
                   "configuration (IOS fails on it as a command) (fix: delete the line)",
                   "c.cfg:1: warning: line ends in CR LF, not LF (Windows line endings) (fix: "
                   "convert the file's line endings to LF)"}));
}

// The platform candidates in fixtures/configs/ are ready for a replace.
TEST(CheckTest, PlatformCandidatesHaveNoErrors) {
  for (const char* name : {"configs/iosxe-16.12-edge.candidate.cfg", "configs/ios-15.5-branch.cfg",
                           "configs/iosxe-17.3-access.cfg"}) {
    for (const Diagnostic& d : check_candidate(test::read_fixture(name))) {
      EXPECT_NE(d.severity, Severity::error) << format_diagnostic(name, d);
    }
  }
}

// A saved `show running-config` reports its header lines and its `^C`
// banners, all of them repairable.
TEST(CheckTest, SavedRunningConfigReportsHeaderAndBanners) {
  const std::vector<Diagnostic> found =
      check_candidate(test::read_fixture("configs/iosxe-16.12-edge.running.cfg"));
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].message,
            "'Building configuration...' is output of a show command, not configuration (IOS "
            "fails on it as a command)");
  EXPECT_TRUE(found[1].message.starts_with("'Current configuration : "));
  for (std::size_t i = 2; i < found.size(); ++i) {
    EXPECT_EQ(found[i].message,
              "banner is delimited by the two characters '^C', not the ETX byte (configure "
              "replace rejects it)");
  }
  for (const Diagnostic& d : found) EXPECT_TRUE(d.repairable) << d.message;
}

// A file of 120,000 lines is checked in one pass, with line numbers right to
// the end.
TEST(CheckTest, LargeFileKeepsLineNumbers) {
  std::string text = "version 17.3\r\n";
  for (int i = 0; i < 20000; ++i) {
    text += "interface Gi1/0/" + std::to_string(i) +
            "\r\n description port\r\n switchport mode access\r\n"
            " switchport access vlan 10\r\n spanning-tree portfast\r\n!\r\n";
  }
  text += "banner motd ^C\r\nhi\r\n^C\r\n\tend";
  Lines found = report(text);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].substr(0, 16), "c.cfg:1: warning");
  EXPECT_EQ(found[1].substr(0, 26), "c.cfg:120002: error: banne");
  EXPECT_EQ(found[2].substr(0, 26), "c.cfg:120005: error: inden");
  EXPECT_EQ(found[3].substr(0, 30), "c.cfg:120005: warning: file do");
}

}  // namespace
}  // namespace iosctl::config
