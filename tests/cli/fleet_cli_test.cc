// Fleet runs in-process: the inventory, selection and reports work without a
// device (every connection fails as unreachable), and every bad option is
// refused before any host is contacted.

#include "support/cli_run.h"
#include "support/scratch_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

class FleetCli : public ::testing::Test {
 protected:
  void SetUp() override {
    inventory_ = write("inv.yaml", "defaults:\n  username: admin\n  candidate: \"" + dir_.path() +
                                       "/{name}.cfg\"\n"
                                       "groups:\n  core: {}\n  edge: {}\n"
                                       "hosts:\n  r1: {hostname: 127.0.0.1, groups: [core]}\n"
                                       "  r2: {hostname: 127.0.0.2, groups: [core]}\n"
                                       "  e1: {hostname: 127.0.0.3, groups: [edge]}\n");
  }
  std::string write(const std::string& name, const std::string& text) {
    return dir_.write(name, text);
  }
  std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  CliResult fleet(std::vector<std::string> args) {
    args.insert(args.begin(), {"-i", inventory_});
    return run_iosctl_unreachable(args);
  }
  ScratchDir dir_{"fleet-cli"};
  std::string inventory_;
};

TEST_F(FleetCli, EveryHostIsTriedAndTheTableSaysUnreachable) {
  // One host's failure never stops the others; exit is the worst (6).
  const CliResult r = fleet({"status"});
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_EQ(r.connects, 3);
  EXPECT_NE(r.out.find("--- r1: unreachable ---\nerror: no device at 127.0.0.1 in this test\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("3 hosts: 3 unreachable; exit 6"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("] e1: unreachable ("), std::string::npos) << r.err;
}

TEST_F(FleetCli, LimitAndShardPickHosts) {
  // --limit group:core with !r2 leaves r1; shard 2/2 of all three is one host.
  EXPECT_EQ(fleet({"status", "--limit", "group:core,!r2"}).connects, 1);
  const CliResult shard = fleet({"status", "--shard", "2/2"});
  EXPECT_EQ(shard.connects, 1) << shard.out;
}

TEST_F(FleetCli, FailFastSkipsTheRest) {
  // With one worker and --fail-fast, the first failure leaves two hosts skipped.
  const std::string junit = dir_.path() + "/report.xml";
  const CliResult r = fleet({"status", "--parallel", "1", "--fail-fast", "--junit", junit});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_EQ(r.connects, 1);
  EXPECT_NE(r.out.find("2 skipped"), std::string::npos) << r.out;
  EXPECT_NE(slurp(junit).find("failures=\"1\" errors=\"0\" skipped=\"2\""), std::string::npos)
      << slurp(junit);
}

TEST_F(FleetCli, JsonAndJunitReportEveryHost) {
  // --json is one document on stdout; --junit writes one testcase per host.
  const std::string junit = dir_.path() + "/report.xml";
  const CliResult r = fleet({"status", "--json", "--junit", junit});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_TRUE(r.out.starts_with("{")) << r.out;
  EXPECT_NE(r.out.find("\"exit_code\": 6"), std::string::npos) << r.out;
  const std::string xml = slurp(junit);
  EXPECT_NE(xml.find("tests=\"3\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<testcase name=\"e1\""), std::string::npos) << xml;
}

TEST_F(FleetCli, GithubActionsGetsOneAnnotationPerFailingHost) {
  // With GITHUB_ACTIONS=true failures are annotated on stdout, or stderr with --json.
  setenv("GITHUB_ACTIONS", "true", 1);
  const CliResult text = fleet({"status", "--limit", "r1"});
  const CliResult json = fleet({"status", "--limit", "r1", "--json"});
  unsetenv("GITHUB_ACTIONS");
  const std::string line = "::error title=iosctl status r1::no device at 127.0.0.1 in this test\n";
  EXPECT_TRUE(text.out.ends_with(line)) << text.out;
  EXPECT_NE(json.err.find(line), std::string::npos) << json.err;
  EXPECT_EQ(json.out.find("::error"), std::string::npos) << json.out;
  EXPECT_EQ(fleet({"status", "--limit", "r1"}).out.find("::error"), std::string::npos);
}

TEST_F(FleetCli, MissingCandidateStopsBeforeAnyConnection) {
  // compare needs a candidate per host: r1.cfg is there, r2.cfg and e1.cfg are not.
  write("r1.cfg", "version 16.12\nhostname r1\nend\n");
  const CliResult r = fleet({"compare", "--limit", "r1"});
  EXPECT_EQ(r.connects, 1);  // the candidate is read, then the device is tried
  const CliResult none = run_iosctl_unreachable(
      {"-i", write("bare.yaml", "hosts:\n  r9: {hostname: 127.0.0.9}\n"), "compare"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.connects, 0);
  EXPECT_NE(none.err.find("host r9 ("), std::string::npos) << none.err;
  EXPECT_NE(none.err.find("has no candidate: give CANDIDATE, e.g. 'configs/{name}.cfg', or set "
                          "candidate: in the inventory\n"),
            std::string::npos)
      << none.err;
}

TEST_F(FleetCli, NetmikoTuningOptionsAreAcceptedAndIgnored) {
  // A Nornir inventory written for Netmiko (fast_cli, global_delay_factor) works unchanged.
  const std::string inventory =
      write("netmiko.yaml",
            "hosts:\n  r1:\n    hostname: 127.0.0.1\n    connection_options:\n      netmiko:\n"
            "        extras: {fast_cli: true, global_delay_factor: 2, conn_timeout: 5}\n");
  const CliResult r = run_iosctl_unreachable({"-i", inventory, "status"});
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_EQ(r.connects, 1);
}

TEST_F(FleetCli, BadFleetOptionsAreUsageErrors) {
  // Each is refused with exit 1 and a message naming the fix; no host is contacted.
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"status", "--limit", "r*"}, "--limit works on an inventory: add -i INVENTORY"},
      {{"-i", inventory_, "check", "x.cfg"}, "check works on local files only: drop -i"},
      {{"-i", inventory_, "-H", "127.0.0.1", "status"}, "--host and -i both name devices"},
      {{"-i", inventory_, "--parallel", "0", "status"}, "--parallel 0: use 1 to 1000"},
      {{"-i", inventory_, "--session-log", "s.log", "status"},
       "--session-log s.log: a fleet run logs each host to its own file: put {name} in it"},
  };
  for (const auto& [args, message] : cases) {
    const CliResult r = run_iosctl_unreachable(args);
    EXPECT_EQ(r.exit_code, 1) << args.front();
    EXPECT_EQ(r.connects, 0) << args.front();
    EXPECT_NE(r.err.find("iosctl: error: " + message), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace iosctl::test
