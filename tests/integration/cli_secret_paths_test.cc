// One config holding each covered kind of secret (fixtures/configs/secret-kinds.cfg,
// every value `SECRET-NN`) goes through every way iosctl speaks against a real
// iosim over SSH: offline diff, compare, commit (which the device partly refuses,
// so it answers `Failed to apply command ...`), send-config rejected by a fault,
// send-command, fleet runs with --json, --junit and GitHub annotations, -v and
// --session-log. No `SECRET-` may appear in anything iosctl prints or writes.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

std::string fixture_text(const std::string& relative) {
  std::ifstream in(std::filesystem::path(IOSCTL_FIXTURES_DIR) / relative);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Fails the test, quoting the place, when `text` holds any of the fixture's secrets.
void expect_no_secret(const std::string& where, const std::string& text) {
  const std::size_t at = text.find("SECRET-");
  if (at == std::string::npos) return;
  const std::size_t line = text.rfind('\n', at);
  const std::size_t begin = line == std::string::npos ? 0 : line + 1;
  ADD_FAILURE() << where << " shows a secret: " << text.substr(begin, text.find('\n', at) - begin);
}

void expect_no_secret(const std::string& where, const RunResult& r) {
  expect_no_secret(where + " stdout", r.out);
  expect_no_secret(where + " stderr", r.err);
}

// Sets GITHUB_ACTIONS=true for its lifetime, so that a fleet run prints annotations.
class GithubActions {
 public:
  GithubActions() { setenv("GITHUB_ACTIONS", "true", 1); }
  ~GithubActions() { unsetenv("GITHUB_ACTIONS"); }
  GithubActions(const GithubActions&) = delete;
  GithubActions& operator=(const GithubActions&) = delete;
};

class CliSecretPaths : public DeviceTest {
 protected:
  // The running config with every secret kind added.
  std::filesystem::path candidate() {
    return dir_.write("candidate.cfg", running_plus(fixture_text("configs/secret-kinds.cfg")));
  }
  // An inventory of the one device, its candidate `file`.
  std::filesystem::path inventory(const std::filesystem::path& file) {
    return dir_.write("fleet.yaml",
                      "defaults:\n  username: admin\n  password_env: " + std::string(kPasswordVar) +
                          "\n  candidate: \"" + file.string() +
                          "\"\nhosts:\n  r1: {hostname: 127.0.0.1, port: " + std::to_string(port_) +
                          "}\n");
  }
  RunResult fleet(const std::filesystem::path& inv, const std::vector<std::string>& args) {
    return run_iosctl_on(
        joined({"-i", inv.string(), "--known-hosts", (dir_.path() / "known_hosts").string(),
                "--host-key-policy", "accept-new"},
               args));
  }
  std::string log_path(const std::string& name) { return (dir_.path() / name).string(); }
};

TEST_F(CliSecretPaths, DiffAndCompareShowNoSecretInAnyFormat) {
  // Offline diff in each format, and compare (text, --json, -v, session log) against the device.
  start();
  const auto file = candidate();
  const auto running_file = dir_.write("running.cfg", running());
  for (const char* format : {"contextual", "unified"}) {
    const RunResult r =
        run_iosctl_on({"diff", "--format", format, running_file.string(), file.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.out.find("snmp-server community <redacted> RO"), std::string::npos) << r.out;
    expect_no_secret(std::string("diff --format ") + format, r);
  }
  const RunResult json = run_iosctl_on({"--json", "diff", running_file.string(), file.string()});
  EXPECT_EQ(json.status, 2) << json.err;
  expect_no_secret("diff --json", json);

  const RunResult text =
      run({"-v", "--session-log", log_path("compare.log"), "compare", file.string()});
  EXPECT_EQ(text.status, 2) << text.err;
  EXPECT_NE(text.out.find("mpls ldp neighbor 10.0.0.1 password 0 <redacted>"), std::string::npos)
      << text.out;
  expect_no_secret("compare -v", text);
  const std::string logged = file_text(log_path("compare.log"));
  EXPECT_NE(logged.find("show archive config differences"), std::string::npos) << logged;
  expect_no_secret("compare session log", logged);
  expect_no_secret("compare --json", run({"--json", "compare", file.string()}));
}

TEST_F(CliSecretPaths, CommitTheDeviceRefusesQuotesNoSecret) {
  // iosim knows only some of the commands: the replace fails with `Failed to apply command`
  // lines, the device is restored, and neither the report nor the session log shows a secret.
  start();
  const std::string before = running();
  const auto file = candidate();
  const RunResult r = run({"-v", "--session-log", log_path("commit.log"), "commit", file.string()});
  EXPECT_NE(r.status, 0) << r.out << r.err;
  expect_no_secret("commit -v", r);
  const std::string logged = file_text(log_path("commit.log"));
  EXPECT_NE(logged.find("Failed to apply command"), std::string::npos) << logged;
  expect_no_secret("commit session log", logged);
  expect_no_secret("commit --json", run({"--json", "commit", file.string()}));
  EXPECT_EQ(running(), before);  // read back on a separate connection
}

TEST_F(CliSecretPaths, CommitThatAppliesShowsNoSecretAndTheDeviceHasThem) {
  // Kinds iosim's grammar knows are committed; the output is masked, the device holds them.
  start();
  const std::vector<std::string> lines = {
      "snmp-server community SECRET-04 RO", "snmp-server host 192.0.2.9 version 2c SECRET-07",
      "enable password SECRET-01", "ntp authentication-key 1 md5 SECRET-31 7"};
  std::string added;
  for (const std::string& line : lines) added += line + "\n";
  added.pop_back();
  const auto file = dir_.write("applied.cfg", running_plus(added));
  const RunResult r =
      run({"-v", "--session-log", log_path("applied.log"), "--json", "commit", file.string()});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  expect_no_secret("commit --json -v", r);
  expect_no_secret("commit session log", file_text(log_path("applied.log")));
  const std::string after = running();  // a separate connection, secrets shown on purpose
  EXPECT_NE(after.find("snmp-server community SECRET-04 RO\n"), std::string::npos) << after;
  const RunResult shown = run({"send-command", "show running-config"});
  EXPECT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("snmp-server community <redacted> RO"), std::string::npos) << shown.out;
  expect_no_secret("send-command", shown);
  expect_no_secret("get-config --json", run({"--json", "get-config"}));
}

TEST_F(CliSecretPaths, RejectedLineIsQuotedMasked) {
  // A fault makes the device refuse a secret line: send-config's error and log stay masked.
  LabEntry device;
  device.extra = {"faults: {reject_line: \"snmp-server community SECRET-04 RO\"}"};
  start(device);
  const RunResult r = run(
      {"--session-log", log_path("send.log"), "send-config", "snmp-server community SECRET-04 RO"});
  EXPECT_EQ(r.status, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("'snmp-server community <redacted> RO' was rejected"), std::string::npos)
      << r.err;
  expect_no_secret("send-config", r);
  expect_no_secret("send-config session log", file_text(log_path("send.log")));
  const RunResult json = run(
      {"--json", "send-config", "snmp-server community SECRET-04 RO", "do show running-config"});
  expect_no_secret("send-config --json", json);
}

TEST_F(CliSecretPaths, FleetReportsShowNoSecret) {
  // A fleet compare and commit: text, --json, --junit and GitHub annotations are masked.
  start();
  const std::string before = running();
  const auto inv = inventory(candidate());
  const GithubActions github;
  const std::string junit = log_path("report.xml");
  const RunResult compare = fleet(inv, {"--junit", junit, "compare"});
  EXPECT_EQ(compare.status, 2) << compare.err;
  expect_no_secret("fleet compare", compare);
  expect_no_secret("fleet compare junit", file_text(junit));
  const RunResult commit =
      fleet(inv, {"--session-log", log_path("{name}.log"), "--junit", junit, "commit"});
  EXPECT_NE(commit.status, 0) << commit.out << commit.err;
  EXPECT_NE(commit.out.find("::error"), std::string::npos) << commit.out;
  expect_no_secret("fleet commit", commit);
  expect_no_secret("fleet commit junit", file_text(junit));
  expect_no_secret("fleet session log", file_text(log_path("r1.log")));
  const RunResult json = fleet(inv, {"--json", "--junit", junit, "commit"});
  expect_no_secret("fleet commit --json", json);
  expect_no_secret("fleet commit --json junit", file_text(junit));
  EXPECT_EQ(running(), before);
}

}  // namespace
}  // namespace iosctl::test
