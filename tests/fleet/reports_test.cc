#include "iosctl/fleet/reports.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <vector>

namespace iosctl::fleet {
namespace {

HostResult host(std::string name, int exit_code, double seconds) {
  HostResult r;
  r.host = std::move(name);
  r.exit_code = exit_code;
  r.outcome = outcome_for_exit(exit_code);
  r.seconds = seconds;
  return r;
}

// A compare over five hosts, stopped by Ctrl-C: one of each kind of row.
RunSummary sample_run() {
  HostResult same = host("r1", 0, 0.42);
  same.outcome = "no_changes";
  same.added = 0;
  same.removed = 0;
  HostResult changed = host("r2", 2, 1.26);
  changed.added = 3;
  changed.removed = 1;
  changed.output = "interface Loopback0\n +description uplink <core>\n";
  changed.errors = "iosctl: warning: r2: the candidate turns off 'service password-encryption'\n";
  changed.json = {{"diff", changed.output}};
  HostResult unreachable = host("core-router-1", 6, 10.04);
  unreachable.errors =
      "iosctl: error: core-router-1: connection refused by 127.0.0.1:2222 (fix: check the port)\n";
  HostResult rejected = host("r4", 3, 2.0);
  rejected.errors =
      "iosctl: error: r4: line 12: % Invalid input <&\"'> \x07 detected\n"
      "iosctl: error: r4: nothing was changed\n";
  RunSummary run;
  run.command = "compare";
  run.results = {same, changed, unreachable, rejected, host("r5", 130, 0)};
  run.exit_code = worst_exit_code(run.results);
  run.seconds = 12.34;
  run.interrupted = true;
  return run;
}

// The table pads each column to its widest cell and ends with the counts per outcome.
TEST(SummaryTableTest, Text) {
  EXPECT_EQ(summary_table(sample_run()),
            "HOST           OUTCOME      CHANGES  SECONDS\n"
            "r1             no_changes   +0 -0        0.4\n"
            "r2             changes      +3 -1        1.3\n"
            "core-router-1  unreachable  -           10.0\n"
            "r4             rejected     -            2.0\n"
            "r5             interrupted  -            0.0\n"
            "5 hosts: 1 no_changes, 1 changes, 1 rejected, 1 unreachable, 1 interrupted; "
            "stopped by Ctrl-C; exit 130 in 12.3 s\n");
}

// A run SIGTERM stopped says so in its totals line, and its hosts left are terminated.
TEST(SummaryTableTest, SigtermNamesTheSignal) {
  RunSummary run;
  run.command = "compare";
  run.results = {host("r1", 0, 0.5), host("r2", 143, 0)};
  run.exit_code = worst_exit_code(run.results);
  run.seconds = 1;
  run.interrupted = true;
  run.signal = SIGTERM;
  EXPECT_EQ(summary_table(run),
            "HOST  OUTCOME     CHANGES  SECONDS\n"
            "r1    ok          -            0.5\n"
            "r2    terminated  -            0.0\n"
            "2 hosts: 1 ok, 1 terminated; stopped by SIGTERM; exit 143 in 1.0 s\n");
}

// One host reads "1 host"; a run that was not interrupted does not say so.
TEST(SummaryTableTest, OneHost) {
  RunSummary run;
  run.command = "commit";
  HostResult done = host("edge-1", 0, 3.21);
  done.outcome = "committed";
  done.added = 12;
  run.results = {done};
  run.seconds = 3.3;
  EXPECT_EQ(summary_table(run),
            "HOST    OUTCOME    CHANGES  SECONDS\n"
            "edge-1  committed  +12 -0       3.2\n"
            "1 host: 1 committed; exit 0 in 3.3 s\n");
}

// The JSON document carries the run's fields, counts and one object per host,
// warnings included (a succeeding host's are not lost).
TEST(ReportsRunJsonTest, Fields) {
  RunSummary run = sample_run();
  run.results.resize(3);
  run.exit_code = worst_exit_code(run.results);
  const nlohmann::json expected = nlohmann::json::parse(R"json({
    "command": "compare", "exit_code": 6, "seconds": 12.34, "interrupted": true,
    "counts": {"no_changes": 1, "changes": 1, "unreachable": 1},
    "hosts": [
      {"host": "r1", "outcome": "no_changes", "exit_code": 0, "added": 0, "removed": 0,
       "seconds": 0.42, "error": null, "warnings": []},
      {"host": "r2", "outcome": "changes", "exit_code": 2, "added": 3, "removed": 1,
       "seconds": 1.26, "error": null,
       "warnings": ["r2: the candidate turns off 'service password-encryption'"],
       "result": {"diff": "interface Loopback0\n +description uplink <core>\n"}},
      {"host": "core-router-1", "outcome": "unreachable", "exit_code": 6, "added": null,
       "removed": null, "seconds": 10.04, "warnings": [],
       "error": "core-router-1: connection refused by 127.0.0.1:2222 (fix: check the port)"}
    ]})json");
  EXPECT_EQ(run_json(run), expected);
}

// Timings are rounded to milliseconds so the document holds no binary noise.
TEST(ReportsRunJsonTest, SecondsRounded) {
  RunSummary run;
  run.seconds = 0.1 + 0.2;
  run.results = {host("r1", 0, 1.00049)};
  const nlohmann::json doc = run_json(run);
  EXPECT_EQ(doc["seconds"].dump(), "0.3");
  EXPECT_EQ(doc["hosts"][0]["seconds"].dump(), "1.0");
  EXPECT_EQ(doc["counts"], nlohmann::json({{"ok", 1}}));
}

// The whole JUnit file: passes, failures with the device's message, a skip and escaping.
TEST(JunitXmlTest, Document) {
  EXPECT_EQ(junit_xml(sample_run()),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"iosctl compare\" tests=\"5\" failures=\"2\" errors=\"0\" "
            "skipped=\"1\" time=\"12.340\">\n"
            "  <testsuite name=\"iosctl compare\" tests=\"5\" failures=\"2\" errors=\"0\" "
            "skipped=\"1\" time=\"12.340\">\n"
            "    <testcase name=\"r1\" classname=\"iosctl.compare\" time=\"0.420\"/>\n"
            "    <testcase name=\"r2\" classname=\"iosctl.compare\" time=\"1.260\">\n"
            "      <system-out>interface Loopback0\n +description uplink "
            "&lt;core&gt;\n</system-out>\n"
            "      <system-err>iosctl: warning: r2: the candidate turns off "
            "&apos;service password-encryption&apos;\n</system-err>\n"
            "    </testcase>\n"
            "    <testcase name=\"core-router-1\" classname=\"iosctl.compare\" time=\"10.040\">\n"
            "      <failure message=\"core-router-1: connection refused by 127.0.0.1:2222 (fix: "
            "check "
            "the port)\" type=\"unreachable\">iosctl: error: core-router-1: connection refused by "
            "127.0.0.1:2222 (fix: check the port)\n</failure>\n"
            "    </testcase>\n"
            "    <testcase name=\"r4\" classname=\"iosctl.compare\" time=\"2.000\">\n"
            "      <failure message=\"r4: line 12: % Invalid input &lt;&amp;&quot;&apos;&gt;  "
            "detected\" type=\"rejected\">iosctl: error: r4: line 12: % Invalid input "
            "&lt;&amp;&quot;&apos;&gt;  detected\niosctl: error: r4: nothing was "
            "changed\n</failure>\n"
            "    </testcase>\n"
            "    <testcase name=\"r5\" classname=\"iosctl.compare\" time=\"0.000\">\n"
            "      <skipped message=\"not started: the run stopped before this host\"/>\n"
            "    </testcase>\n"
            "  </testsuite>\n"
            "</testsuites>\n");
}

// Returns "" when `xml` (after its declaration) nests its tags properly, quotes every
// attribute, uses only the five entities or numeric references, and holds no byte XML
// 1.0 forbids; else what is wrong. Enough for the subset junit_xml writes.
std::string well_formedness_problem(std::string_view xml) {
  const std::string_view prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (!xml.starts_with(prolog)) return "no XML declaration";
  std::vector<std::string> open;
  for (std::size_t i = prolog.size(); i < xml.size(); ++i) {
    const auto c = static_cast<unsigned char>(xml[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
      return "control byte at " + std::to_string(i);
    if (c == '&') {
      const std::string_view rest = xml.substr(i);
      const bool entity = rest.starts_with("&amp;") || rest.starts_with("&lt;") ||
                          rest.starts_with("&gt;") || rest.starts_with("&quot;") ||
                          rest.starts_with("&apos;") || rest.starts_with("&#");
      if (!entity) return "bare & at " + std::to_string(i);
    }
    if (c == '>') return "bare > at " + std::to_string(i);
    if (c != '<') continue;
    const auto end = xml.find('>', i);
    const std::string_view tag = xml.substr(i + 1, end - i - 1);
    if (std::count(tag.begin(), tag.end(), '"') % 2 != 0)
      return "unbalanced quotes at " + std::to_string(i);
    const std::string name(
        tag.substr(tag.starts_with('/'), tag.find_first_of(" /", 1) - tag.starts_with('/')));
    if (tag.starts_with('/')) {
      if (open.empty() || open.back() != name) return "unexpected </" + name + ">";
      open.pop_back();
    } else if (!tag.ends_with('/')) {
      open.push_back(name);
    }
    i = end;
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

// The whole sample file passes the well-formedness check, and the check catches faults.
TEST(JunitXmlTest, WellFormed) {
  EXPECT_EQ(well_formedness_problem(junit_xml(sample_run())), "");
  EXPECT_EQ(well_formedness_problem("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b></a>"),
            "unexpected </a>");
  EXPECT_EQ(well_formedness_problem("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>&</a>"),
            "bare & at 42");
}

// Hosts SIGTERM left unstarted (143) are skipped, like Ctrl-C's, never failures.
TEST(JunitXmlTest, TerminatedHostsAreSkipped) {
  RunSummary run;
  run.command = "compare";
  run.results = {host("r1", 0, 0.5), host("r2", 143, 0)};
  run.interrupted = true;
  run.signal = SIGTERM;
  const std::string xml = junit_xml(run);
  EXPECT_NE(xml.find("failures=\"0\" errors=\"0\" skipped=\"1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<skipped message=\"not started: the run stopped before this host\""),
            std::string::npos)
      << xml;
}

// Device text with control bytes, CR, TAB, `]]>` and bytes that are not UTF-8 stays
// well-formed: control bytes dropped, CR kept as a reference, Latin-1 shown as U+FFFD.
TEST(JunitXmlTest, HostileText) {
  RunSummary run;
  run.command = "send-command";
  HostResult r = host("r\"1", 1, 0.5);
  r.output = "banner \x1b[1mhi\x1b[0m ]]> caf\xe9 \xe2\x9c\x93\r\n";
  r.errors = "iosctl: error: r\"1: bad\tthing\x01\r\n";
  run.results = {r};
  const std::string xml = junit_xml(run);
  EXPECT_EQ(well_formedness_problem(xml), "");
  EXPECT_NE(xml.find("<testcase name=\"r&quot;1\" classname=\"iosctl.send-command\""),
            std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"r&quot;1: bad&#9;thing\" type=\"error\">"
                     "iosctl: error: r&quot;1: bad\tthing&#13;\n</failure>"),
            std::string::npos);
  EXPECT_NE(xml.find("<system-out>banner [1mhi[0m ]]&gt; caf\xEF\xBF\xBD "
                     "\xe2\x9c\x93&#13;\n</system-out>"),
            std::string::npos);
}

// A failure without any error text still says what happened.
TEST(JunitXmlTest, FailureWithoutText) {
  RunSummary run;
  run.command = "commit";
  run.results = {host("r1", 4, 1)};
  EXPECT_NE(junit_xml(run).find("<failure message=\"reverted (exit 4)\" type=\"reverted\">"
                                "reverted (exit 4)</failure>"),
            std::string::npos);
}

// Failed hosts get an error, warnings of passing hosts a warning, never-started hosts a
// warning; `%` and newlines are escaped so each annotation is one line.
TEST(GithubAnnotationsTest, Sample) {
  EXPECT_EQ(github_annotations(sample_run()),
            "::warning title=iosctl compare r2::r2: the candidate turns off "
            "'service password-encryption'\n"
            "::error title=iosctl compare core-router-1::core-router-1: "
            "connection refused by 127.0.0.1:2222 (fix: check the port)\n"
            "::error title=iosctl compare r4::r4: line 12: %25 Invalid input "
            "<&\"'> \x07 detected%0Ar4: nothing was changed\n"
            "::warning title=iosctl compare r5::not started: the run stopped before this host\n");
}

// Titles also escape `:` and `,`; a stray CR in a message is escaped; a passing host
// with errors but no warnings gets nothing; a failure without text names its outcome.
TEST(GithubAnnotationsTest, Escaping) {
  RunSummary run;
  run.command = "commit";
  HostResult odd = host("r1,dc:2%", 5, 1);
  odd.errors = "iosctl: error: 100% lost\rreally\n\n";
  HostResult quiet_pass = host("r2", 0, 1);
  quiet_pass.errors = "iosctl: error: not a warning\n";
  run.results = {odd, quiet_pass, host("r3", 6, 1)};
  EXPECT_EQ(github_annotations(run),
            "::error title=iosctl commit r1%2Cdc%3A2%25::100%25 lost%0Dreally\n"
            "::error title=iosctl commit r3::unreachable (exit 6)\n");
}

// Only warning lines of a passing host make its warning.
TEST(GithubAnnotationsTest, WarningsOnly) {
  RunSummary run;
  run.command = "compare";
  HostResult r = host("r1", 2, 1);
  r.errors = "iosctl: warning: one\nnote: not a warning\niosctl: warning: two\n";
  run.results = {r};
  EXPECT_EQ(github_annotations(run), "::warning title=iosctl compare r1::one%0Atwo\n");
}

}  // namespace
}  // namespace iosctl::fleet
