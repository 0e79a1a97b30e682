// iosctl -i INVENTORY against one iosim serving 20 devices over SSH: per-host
// outcomes and the run's exit code for compare and commit, the text report,
// JUnit (read back by python3's ElementTree), --shard, --limit, --fail-fast,
// Nornir's directory layout, and per-host Netmiko extras.

#include "integration/support_free_port.h"
#include "integration/support_iosctl.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The main inventory's hosts in its order. `gone` has no device (nothing
// listens on its port); `bad` rejects kRejected; `old1` and `old2` offer only
// legacy SSH algorithms (old1 is in legacy.yaml only, with the extras).
const std::vector<std::string> kHosts = {
    "same01", "same02", "same03", "same04", "same05", "same06", "same07", "chg1", "chg2", "gone",
    "same08", "same09", "same10", "same11", "same12", "same13", "chg3",   "chg4", "bad",  "old2"};
constexpr const char* kRejected = "ntp server 192.0.2.66";

bool is_change_host(const std::string& host) { return host.starts_with("chg"); }
bool is_same_host(const std::string& host) { return host.starts_with("same"); }

// The line the candidate of chgN adds: ntp server 192.0.2.1N.
std::string change_line(const std::string& host) { return "ntp server 192.0.2.1" + host.substr(3); }

std::string group_of(const std::string& host) {
  if (is_same_host(host) && host <= "same07") return "core";
  if (host.starts_with("old")) return "legacy";
  if (host == "gone") return "";
  return "edge";
}

// `text` with `line` added before the final `end`.
std::string plus_line(std::string text, const std::string& line) {
  const std::size_t end = text.rfind("\nend");
  return end == std::string::npos ? text : text.insert(end + 1, line + "\n");
}

// The host objects of a fleet --json document by host name.
std::map<std::string, json> hosts_of(const json& doc) {
  std::map<std::string, json> hosts;
  for (const json& host : doc.at("hosts")) hosts[host.at("host").get<std::string>()] = host;
  return hosts;
}

// The host names of a fleet --json document, in its order.
std::vector<std::string> names_of(const json& doc) {
  std::vector<std::string> names;
  for (const json& host : doc.at("hosts")) names.push_back(host.at("host").get<std::string>());
  return names;
}

// What must agree between two runs of the same hosts: all but the timings
// and the device's own document.
json comparable(const json& doc) {
  json hosts = json::array();
  for (const json& h : doc.at("hosts")) {
    hosts.push_back({h.at("host"), h.at("outcome"), h.at("exit_code"), h.at("added"),
                     h.at("removed"), h.at("error")});
  }
  return {doc.at("exit_code"), doc.at("counts"), hosts};
}

// Reads a JUnit file with python3's xml.etree.ElementTree and prints the
// suite's counts and each testcase as one JSON document.
constexpr const char* kJunitReader = R"(import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = root.findall('testsuite')
suite = suites[0]
cases = []
for case in suite.findall('testcase'):
    failure = case.find('failure')
    cases.append({
        'name': case.get('name'), 'classname': case.get('classname'),
        'failure': None if failure is None else failure.get('message'),
        'type': None if failure is None else failure.get('type'),
        'skipped': case.find('skipped') is not None,
        'out': (case.findtext('system-out') or '')})
print(json.dumps({'root': root.tag, 'suites': len(suites), 'name': suite.get('name'),
                  'tests': suite.get('tests'), 'failures': suite.get('failures'),
                  'skipped': suite.get('skipped'), 'errors': suite.get('errors'),
                  'cases': cases}))
)";

// One iosim serving the 20 devices, the candidates and the inventories,
// shared by every test: tests that change a device put it back.
struct Lab {
  TempDir dir;
  std::map<std::string, std::uint16_t> ports;  // device (host) name -> port
  std::unique_ptr<IosimProcess> iosim;
  std::string base;  // the devices' running config as get-config prints it
  fs::path inventory;
};

class FleetRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv(kPasswordVar, "secret", 1);
    lab_ = std::make_unique<Lab>();
    std::set<std::uint16_t> used;
    for (const std::string& host : device_names()) lab_->ports[host] = unused_port(used);
    lab_->ports["gone"] = unused_port(used);  // nobody listens there
    std::vector<LabEntry> devices;
    for (const std::string& host : device_names()) devices.push_back(lab_entry(host));
    const fs::path lab_file = lab_->dir.write("lab.yaml", lab_yaml(devices));
    lab_->iosim =
        std::make_unique<IosimProcess>(std::vector<std::string>{"--lab", lab_file.string()});
    const RunResult got = run_iosctl_on(
        joined(login_args(lab_->ports["same01"], known_hosts()), {"get-config", "--show-secrets"}));
    ASSERT_EQ(got.status, 0) << got.err;
    lab_->base = got.out;
    write_candidates();
    lab_->inventory = lab_->dir.write("fleet.yaml", single_file_inventory());
  }
  static void TearDownTestSuite() { lab_.reset(); }

  // Every device of the lab: the main inventory's hosts but `gone`, and old1.
  static std::vector<std::string> device_names() {
    std::vector<std::string> names;
    for (const std::string& host : kHosts) {
      if (host != "gone") names.push_back(host);
    }
    names.push_back("old1");
    return names;
  }

  static std::uint16_t unused_port(std::set<std::uint16_t>& used) {
    for (;;) {
      const std::uint16_t port = free_port();
      if (used.insert(port).second) return port;
    }
  }

  static LabEntry lab_entry(const std::string& host) {
    LabEntry device;
    device.name = host;
    device.port = lab_->ports[host];
    if (host == "bad") device.extra = {"faults: {reject_line: '^ntp server 192\\.0\\.2\\.66$'}"};
    if (host.starts_with("old")) device.extra = {"faults: {legacy_algorithms_only: true}"};
    return device;
  }

  // {name}.cfg for every host: the running config, plus one line for chgN and bad.
  static void write_candidates() {
    for (const auto& [host, port] : lab_->ports) {
      std::string text = lab_->base;
      if (is_change_host(host)) text = plus_line(text, change_line(host));
      if (host == "bad") text = plus_line(text, kRejected);
      lab_->dir.write(host + ".cfg", text);
    }
    lab_->dir.write("base.cfg", lab_->base);
  }

  // `host`'s line under `hosts:` (indented by `indent`), with its group or without.
  static std::string host_line(const std::string& host, const std::string& indent = "  ",
                               bool grouped = true) {
    std::string line =
        indent + host + ": {hostname: 127.0.0.1, port: " + std::to_string(lab_->ports.at(host));
    const std::string group = group_of(host);
    if (grouped && !group.empty()) line += ", groups: [" + group + "]";
    return line + "}\n";
  }

  static std::string single_file_inventory() {
    std::string text =
        "defaults:\n  username: admin\n  password_env: " + std::string(kPasswordVar) +
        "\n  candidate: \"" + (lab_->dir.path() / "{name}.cfg").string() +
        "\"\n"
        "groups:\n  lab: {}\n  core: {platform: cisco_xe, groups: [lab]}\n"
        "  edge: {platform: cisco_xe}\n  legacy: {platform: ios}\n"
        "hosts:\n";
    for (const std::string& host : kHosts) text += host_line(host);
    return text;
  }

  static fs::path known_hosts() { return lab_->dir.path() / "known_hosts"; }

  // Runs iosctl -i `inventory` (default: the main one) with `args`.
  static RunResult fleet(const std::vector<std::string>& args, const fs::path& inventory = {}) {
    return run_iosctl_on(
        joined({"-i", inventory.empty() ? lab_->inventory.string() : inventory.string(),
                "--known-hosts", known_hosts().string(), "--host-key-policy", "accept-new"},
               args));
  }

  // Runs a fleet command with --json and returns its document (null if none).
  static json fleet_json(const std::vector<std::string>& args, int expected_exit,
                         const fs::path& inventory = {}) {
    const RunResult r = fleet(joined({"--json"}, args), inventory);
    EXPECT_EQ(r.status, expected_exit) << r.out << r.err;
    json doc = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(doc.is_discarded()) << r.out << r.err;
    return doc.is_discarded() ? json() : doc;
  }

  // One device's running config through its own iosctl get-config.
  static std::string running_of(const std::string& host) {
    const RunResult r = run_iosctl_on(
        joined(login_args(lab_->ports.at(host), known_hosts()), {"get-config", "--show-secrets"}));
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }

  // The JUnit file at `path` as kJunitReader reports it.
  static json read_junit(const fs::path& path) {
    const fs::path script = lab_->dir.write("read_junit.py", kJunitReader);
    const RunResult r =
        run_program({"/usr/bin/python3", script.string(), path.string()}, deadline_in(60));
    EXPECT_EQ(r.status, 0) << r.err;
    json doc = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(doc.is_discarded()) << r.out << r.err;
    return doc.is_discarded() ? json() : doc;
  }

  static std::string refused(const std::string& host) {
    return "cannot connect to 127.0.0.1:" + std::to_string(lab_->ports.at(host)) +
           ": connection refused (check the port, and that SSH is enabled on the device)";
  }
  static std::string legacy_only(const std::string& host) {
    return "no SSH algorithms in common with 127.0.0.1:" + std::to_string(lab_->ports.at(host)) +
           ": old IOS offers only legacy ones (diffie-hellman-group14-sha1, ssh-rsa, aes-cbc); "
           "allow them with --legacy-algorithms";
  }
  static std::string reverted(const std::string& host) {
    return "admin@127.0.0.1:" + std::to_string(lab_->ports.at(host)) + ": failed to apply '" +
           kRejected +
           "'; the device restored its original config: fix the candidate and run again";
  }

  static inline std::unique_ptr<Lab> lab_;
};

TEST_F(FleetRun, CompareReportsEveryHostsOutcomeAndTheWorstExitCode) {
  // compare on 20 hosts: no_changes 0, changes 2 (+1 -0), two unreachable 6; run exit 6.
  const json doc = fleet_json({"compare"}, 6);
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["command"], "compare");
  EXPECT_EQ(doc["exit_code"], 6);
  EXPECT_EQ(doc["interrupted"], false);
  EXPECT_EQ(names_of(doc), kHosts);
  EXPECT_EQ(doc["counts"], json({{"no_changes", 13}, {"changes", 5}, {"unreachable", 2}}));
  for (const auto& [name, host] : hosts_of(doc)) {
    SCOPED_TRACE(name);
    if (is_same_host(name)) {
      EXPECT_EQ(host["outcome"], "no_changes");
      EXPECT_EQ(host["exit_code"], 0);
      EXPECT_EQ(host["added"], 0);
      EXPECT_EQ(host["removed"], 0);
      EXPECT_EQ(host["error"], nullptr);
      EXPECT_EQ(host["result"]["differences"], false);
    } else if (is_change_host(name) || name == "bad") {
      EXPECT_EQ(host["outcome"], "changes");
      EXPECT_EQ(host["exit_code"], 2);
      EXPECT_EQ(host["added"], 1);
      EXPECT_EQ(host["removed"], 0);
      const std::string line = name == "bad" ? kRejected : change_line(name);
      EXPECT_EQ(host["result"]["device"], "+" + line + "\n");
    } else if (name == "gone") {
      EXPECT_EQ(host["outcome"], "unreachable");
      EXPECT_EQ(host["exit_code"], 6);
      EXPECT_EQ(host["error"], refused("gone"));
      EXPECT_EQ(host["added"], nullptr);
    } else {
      EXPECT_EQ(host["outcome"], "unreachable");
      EXPECT_EQ(host["exit_code"], 6);
      EXPECT_EQ(host["error"], legacy_only(name));
    }
  }
}

TEST_F(FleetRun, CommitAppliesChangesAndTheRejectedHostIsReverted) {
  // commit on 20 hosts: chgN committed, bad reverted (4, its running config
  // unchanged), unreachable 6; run exit 4. The devices are put back after.
  const json doc = fleet_json({"commit"}, 4);
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["counts"],
            json({{"no_changes", 13}, {"committed", 4}, {"unreachable", 2}, {"reverted", 1}}));
  for (const auto& [name, host] : hosts_of(doc)) {
    SCOPED_TRACE(name);
    if (is_same_host(name)) {
      EXPECT_EQ(host["outcome"], "no_changes");
      EXPECT_EQ(host["exit_code"], 0);
    } else if (is_change_host(name)) {
      EXPECT_EQ(host["outcome"], "committed");
      EXPECT_EQ(host["exit_code"], 0);
      EXPECT_EQ(host["added"], 1);
      EXPECT_EQ(host["removed"], 0);
    } else if (name == "bad") {
      EXPECT_EQ(host["outcome"], "reverted");
      EXPECT_EQ(host["exit_code"], 4);
      EXPECT_EQ(host["error"], reverted("bad"));
    } else {
      EXPECT_EQ(host["outcome"], "unreachable");
      EXPECT_EQ(host["exit_code"], 6);
    }
  }
  // The devices' own word, through separate sessions.
  EXPECT_EQ(running_of("chg3"), lab_->dir.read("chg3.cfg"));
  EXPECT_EQ(running_of("bad"), lab_->base);
  EXPECT_EQ(running_of("same05"), lab_->base);

  const json back =
      fleet_json({"-l", "chg*", "commit", (lab_->dir.path() / "base.cfg").string()}, 0);
  ASSERT_TRUE(back.is_object());
  EXPECT_EQ(back["counts"], json({{"committed", 4}}));
  EXPECT_EQ(running_of("chg3"), lab_->base);
}

TEST_F(FleetRun, TextReportShowsWhatDiffersOrFailedThenTheTable) {
  // Text mode: sections for the changed and the failed host only, the table,
  // the counts line on stdout; one progress line per host on stderr.
  // Host keys learned first: a key learned during the run is (rightly) a
  // warning in its host's section, which this test is not about.
  fleet({"-l", "same01,chg1", "status"});
  const RunResult r = fleet({"-l", "same01,chg1,gone", "compare"});
  EXPECT_EQ(r.status, 6) << r.out << r.err;
  const std::string sections =
      "--- chg1: changes ---\n+ntp server 192.0.2.11\n"
      "--- gone: unreachable ---\nerror: " +
      refused("gone") + "\nHOST    OUTCOME      CHANGES  SECONDS\n";
  EXPECT_TRUE(r.out.starts_with(sections)) << r.out;
  EXPECT_NE(r.out.find("\nsame01  no_changes   +0 -0    "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nchg1    changes      +1 -0    "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\ngone    unreachable  -      "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n3 hosts: 1 no_changes, 1 changes, 1 unreachable; exit 6 in "),
            std::string::npos)
      << r.out;
  std::istringstream lines(r.err);
  std::vector<std::string> progress;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("iosctl: [")) progress.push_back(line);
  }
  ASSERT_EQ(progress.size(), 3u) << r.err;
  EXPECT_NE(r.err.find("/3] same01: no_changes +0 -0 ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/3] chg1: changes +1 -0 ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/3] gone: unreachable ("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" s): " + refused("gone") + "\n"), std::string::npos) << r.err;
}

TEST_F(FleetRun, WarningsOfHostsThatSucceedReachTheUser) {
  // accept-new learns two host keys in a text-mode run: each host's warning
  // naming the key reaches stdout or stderr, though both hosts end ok.
  const fs::path fresh = lab_->dir.path() / "fresh_known_hosts";
  const RunResult r =
      run_iosctl_on({"-i", lab_->inventory.string(), "--known-hosts", fresh.string(),
                     "--host-key-policy", "accept-new", "-l", "same03,same04", "status"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  for (const char* host : {"same03", "same04"}) {
    const std::string warning =
        "added the host key of 127.0.0.1:" + std::to_string(lab_->ports.at(host)) + " (";
    EXPECT_NE((r.out + r.err).find(warning), std::string::npos) << host << "\n" << r.out << r.err;
  }
}

TEST_F(FleetRun, JunitReportHasOneTestcasePerHostAndTheRevertMessage) {
  // --junit on a commit: python3's ElementTree reads 5 tests, 3 failures,
  // 0 skipped; the reverted host's failure carries the device's message.
  const fs::path file = lab_->dir.path() / "commit.xml";
  const RunResult r =
      fleet({"-l", "same01,same02,bad,gone,old2", "--junit", file.string(), "commit"});
  EXPECT_EQ(r.status, 4) << r.out << r.err;
  const json junit = read_junit(file);
  ASSERT_TRUE(junit.is_object());
  EXPECT_EQ(junit["root"], "testsuites");
  EXPECT_EQ(junit["suites"], 1);
  EXPECT_EQ(junit["name"], "iosctl commit");
  EXPECT_EQ(junit["tests"], "5");
  EXPECT_EQ(junit["failures"], "3");
  EXPECT_EQ(junit["skipped"], "0");
  EXPECT_EQ(junit["errors"], "0");
  std::vector<std::string> names;
  for (const json& c : junit["cases"]) names.push_back(c["name"].get<std::string>());
  EXPECT_EQ(names, (std::vector<std::string>{"same01", "same02", "gone", "bad", "old2"}));
  for (const json& c : junit["cases"]) {
    SCOPED_TRACE(c.dump());
    EXPECT_EQ(c["classname"], "iosctl.commit");
    EXPECT_EQ(c["skipped"], false);
    const std::string name = c["name"];
    if (is_same_host(name)) {
      EXPECT_EQ(c["failure"], nullptr);
      EXPECT_EQ(c["out"], "no changes\n");
    } else if (name == "bad") {
      EXPECT_EQ(c["failure"], reverted("bad"));
      EXPECT_EQ(c["type"], "reverted");
      EXPECT_EQ(c["out"], "+" + std::string(kRejected) + "\n");
    } else {
      EXPECT_EQ(c["type"], "unreachable");
      EXPECT_EQ(c["failure"], name == "gone" ? refused(name) : legacy_only(name));
    }
  }
  EXPECT_EQ(running_of("bad"), lab_->base);
}

TEST_F(FleetRun, JunitMarksHostsFailFastNeverStartedAsSkipped) {
  // --fail-fast stops after gone: the host never started is a <skipped/>
  // testcase, not a pass (man iosctl: "hosts never started are skipped").
  const fs::path file = lab_->dir.path() / "fail-fast.xml";
  const RunResult r = fleet({"-l", "same01,gone,same08", "--fail-fast", "--parallel", "1",
                             "--junit", file.string(), "compare"});
  EXPECT_EQ(r.status, 6) << r.out << r.err;
  const json junit = read_junit(file);
  ASSERT_TRUE(junit.is_object());
  EXPECT_EQ(junit["tests"], "3");
  EXPECT_EQ(junit["failures"], "1");
  EXPECT_EQ(junit["skipped"], "1");
  ASSERT_EQ(junit["cases"].size(), 3u);
  EXPECT_EQ(junit["cases"][2]["name"], "same08");
  EXPECT_EQ(junit["cases"][2]["skipped"], true);
}

TEST_F(FleetRun, JunitPathThatCannotBeWrittenStopsTheRunBeforeAnyHost) {
  // --junit into a missing folder is a bad option: exit 1 naming it, and the
  // commit never reaches the device (its running config is unchanged).
  const fs::path file = lab_->dir.path() / "no-such-folder" / "report.xml";
  const RunResult r = fleet({"-l", "chg4", "--junit", file.string(), "commit"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("iosctl: error: --junit " + file.string() + ": "), std::string::npos)
      << r.err;
  EXPECT_EQ(running_of("chg4"), lab_->base);
  // Puts chg4 back for the other tests should the commit have gone through.
  const RunResult back = fleet({"-l", "chg4", "commit", (lab_->dir.path() / "base.cfg").string()});
  EXPECT_EQ(back.status, 0) << back.out << back.err;
}

TEST_F(FleetRun, ShardsPartitionTheSelectedHosts) {
  // --shard 1/3, 2/3, 3/3: every host in exactly one shard, sizes 7, 7, 6.
  std::vector<std::string> all;
  std::vector<std::size_t> sizes;
  for (const char* shard : {"1/3", "2/3", "3/3"}) {
    SCOPED_TRACE(shard);
    const RunResult r = fleet({"--json", "--shard", shard, "status"});
    const json doc = json::parse(r.out, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << r.out << r.err;
    const std::vector<std::string> names = names_of(doc);
    const bool unreachable = std::any_of(names.begin(), names.end(), [](const std::string& n) {
      return n == "gone" || n == "old2";
    });
    EXPECT_EQ(r.status, unreachable ? 6 : 0) << r.err;
    sizes.push_back(names.size());
    all.insert(all.end(), names.begin(), names.end());
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{7, 7, 6}));
  std::sort(all.begin(), all.end());
  std::vector<std::string> expected = kHosts;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(all, expected);
}

TEST_F(FleetRun, LimitSelectsByGroupGlobAndExclusion) {
  // group: (a child group's hosts too), globs and ! pick the hosts, in
  // inventory order; a term matching nothing stops the run with exit 1.
  const json some = fleet_json({"-l", "group:lab,chg*,!same0[1-3]", "status"}, 0);
  ASSERT_TRUE(some.is_object());
  EXPECT_EQ(names_of(some), (std::vector<std::string>{"same04", "same05", "same06", "same07",
                                                      "chg1", "chg2", "chg3", "chg4"}));
  const json rest = fleet_json({"-l", "!group:edge,!gone", "status"}, 6);
  ASSERT_TRUE(rest.is_object());
  EXPECT_EQ(names_of(rest), (std::vector<std::string>{"same01", "same02", "same03", "same04",
                                                      "same05", "same06", "same07", "old2"}));
  const RunResult none = fleet({"-l", "group:core,nosuch*", "status"});
  EXPECT_EQ(none.status, 1);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err,
            "iosctl: error: --limit 'nosuch*': matches no host in the inventory (fix: name one "
            "of its hosts, a glob such as r*, or group:NAME)\n");
}

TEST_F(FleetRun, FailFastSkipsTheHostsAfterTheFirstFailure) {
  // --fail-fast --parallel 1: hosts before gone run, gone fails (6), the
  // 10 hosts after it are skipped (exit 0 each); the run exits 6.
  const json doc = fleet_json({"--fail-fast", "--parallel", "1", "compare"}, 6);
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(names_of(doc), kHosts);
  EXPECT_EQ(doc["counts"],
            json({{"no_changes", 7}, {"changes", 2}, {"unreachable", 1}, {"skipped", 10}}));
  const auto gone = std::find(kHosts.begin(), kHosts.end(), "gone");
  for (const auto& [name, host] : hosts_of(doc)) {
    SCOPED_TRACE(name);
    const bool after = std::find(gone + 1, kHosts.end(), name) != kHosts.end();
    if (after) {
      EXPECT_EQ(host["outcome"], "skipped");
      EXPECT_EQ(host["exit_code"], 0);
      EXPECT_EQ(host["error"], nullptr);
    } else if (name != "gone") {
      EXPECT_EQ(host["outcome"], is_change_host(name) ? "changes" : "no_changes");
    }
  }
  EXPECT_EQ(hosts_of(doc)["gone"]["outcome"], "unreachable");
}

TEST_F(FleetRun, NornirDirectoryRunsLikeTheSingleFile) {
  // hosts.yaml + groups.yaml + defaults.yaml (password_file) give the same
  // per-host results as the single-file inventory for the same hosts.
  const fs::path dir = lab_->dir.path() / "nornir";
  fs::create_directories(dir);
  const fs::path password = lab_->dir.write("password", "secret\n");
  lab_->dir.write("nornir/defaults.yaml", "username: admin\npassword_file: " + password.string() +
                                              "\ncandidate: \"" +
                                              (lab_->dir.path() / "{name}.cfg").string() + "\"\n");
  lab_->dir.write(
      "nornir/groups.yaml",
      "lab: {}\ncore: {platform: cisco_xe, groups: [lab]}\nedge: {platform: cisco_xe}\n");
  std::string hosts;
  for (const char* host : {"same02", "chg2", "bad"}) hosts += host_line(host, "");
  lab_->dir.write("nornir/hosts.yaml", hosts);
  const json nornir = fleet_json({"compare"}, 2, dir);
  const json single = fleet_json({"-l", "same02,chg2,bad", "compare"}, 2);
  ASSERT_TRUE(nornir.is_object());
  ASSERT_TRUE(single.is_object());
  EXPECT_EQ(names_of(nornir), (std::vector<std::string>{"same02", "chg2", "bad"}));
  EXPECT_EQ(nornir["counts"], json({{"no_changes", 1}, {"changes", 2}}));
  EXPECT_EQ(comparable(nornir), comparable(single));
  const json group = fleet_json({"-l", "group:lab", "compare"}, 0, dir);
  ASSERT_TRUE(group.is_object());
  EXPECT_EQ(names_of(group), std::vector<std::string>{"same02"});
}

TEST_F(FleetRun, LegacyAlgorithmsComeFromTheHostsNetmikoExtras) {
  // Two legacy-only devices: the host whose extras say legacy_algorithms:
  // true is reached (no_changes), the other is unreachable naming the fix.
  const fs::path inventory = lab_->dir.write(
      "legacy.yaml", "defaults:\n  username: admin\n  password_env: " + std::string(kPasswordVar) +
                         "\n  candidate: \"" + (lab_->dir.path() / "{name}.cfg").string() +
                         "\"\nhosts:\n  old1: {hostname: 127.0.0.1, port: " +
                         std::to_string(lab_->ports.at("old1")) +
                         ", connection_options: {netmiko: {extras: {legacy_algorithms: true}}}}\n" +
                         host_line("old2", "  ", false));
  const json doc = fleet_json({"compare"}, 6, inventory);
  ASSERT_TRUE(doc.is_object());
  auto hosts = hosts_of(doc);
  EXPECT_EQ(hosts["old1"]["outcome"], "no_changes");
  EXPECT_EQ(hosts["old1"]["exit_code"], 0);
  EXPECT_EQ(hosts["old2"]["outcome"], "unreachable");
  EXPECT_EQ(hosts["old2"]["error"], legacy_only("old2"));
}

}  // namespace
}  // namespace iosctl::test
