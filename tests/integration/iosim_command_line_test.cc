// iosim's command line and lab file: every mistake is one line naming the fix.

#include "integration/support_child_process.h"
#include "integration/support_free_port.h"
#include "integration/support_iosim.h"
#include "integration/support_temp_dir.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

RunResult run_iosim(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {IOSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, deadline_in(60));
}

std::string device_text(const std::string& extra_lines) {
  return "devices:\n"
         "  - name: r1\n"
         "    listen: 127.0.0.1:2999\n"
         "    running_config: " +
         lab_fixture("iosxe-r1.cfg").string() +
         "\n"
         "    users:\n"
         "      - {username: admin, password: secret, privilege: 15}\n" +
         extra_lines;
}

TEST(IosimLabFile, UnknownKeySuggestsTheNearestOne) {
  // A misspelt device key is refused with its line and the key it resembles.
  TempDir dir;
  const auto lab = dir.write("lab.yaml", device_text("    hostnme: r1\n"));
  const RunResult result = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + lab.string() +
                            ":7: unknown key 'hostnme' (did you mean 'hostname'?)\n");
  EXPECT_EQ(result.out, "");
}

TEST(IosimLabFile, UnknownFaultSuggestsTheNearestOne) {
  // A misspelt fault is caught too, inside the faults map.
  TempDir dir;
  const auto lab = dir.write("lab.yaml", device_text("    faults:\n      refuse_auht: true\n"));
  const RunResult result = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + lab.string() +
                            ":8: unknown key 'refuse_auht' (did you mean 'refuse_auth'?)\n");
}

TEST(IosimLabFile, UnknownKeyWithoutNeighbourListsTheKeys) {
  // A key like no known one lists the keys that are allowed there.
  TempDir dir;
  const auto lab = dir.write("lab.yaml", "routers: []\n");
  const RunResult result = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + lab.string() +
                            ":1: unknown key 'routers' (expected one of: devices, time_scale)\n");
}

TEST(IosimLabFile, TimeScaleOutOfRangeIsRefused) {
  // A lab `time_scale` that is no number in (0, 3600] is refused with its line and the range.
  TempDir dir;
  const auto lab = dir.write("lab.yaml", "time_scale: 0\n" + device_text(""));
  const RunResult result = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + lab.string() +
                            ":1: 'time_scale' must be a number above 0 and at most 3600 (60 "
                            "makes a revert minute last a second)\n");
}

TEST(IosimLabFile, NonLoopbackListenIsRefused) {
  // Only loopback addresses may be served.
  TempDir dir;
  std::string text = device_text("");
  text.replace(text.find("127.0.0.1:2999"), 14, "0.0.0.0:2999");
  const auto lab = dir.write("lab.yaml", text);
  const RunResult result = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + lab.string() +
                            ":3: listen '0.0.0.0:2999' is not a loopback address:port (use "
                            "127.x.y.z:PORT, e.g. 127.0.0.1:2222)\n");
}

TEST(IosimLabFile, FaultValueOfWrongTypeIsRefused) {
  // A fault value of the wrong type says what it must be.
  TempDir dir;
  const auto lab = dir.write("lab.yaml", device_text("    faults: {slow_output_bps: fast}\n"));
  const RunResult result = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + lab.string() +
                            ":7: 'slow_output_bps' must be a whole number from 1 to "
                            "1099511627776, not 'fast'\n");
}

TEST(IosimLabFile, MissingConfigFileIsNamed) {
  // A running_config path that does not exist is named.
  TempDir dir;
  const auto lab = dir.write("lab.yaml",
                             "devices:\n"
                             "  - name: r1\n"
                             "    listen: 127.0.0.1:2999\n"
                             "    running_config: nowhere.cfg\n"
                             "    users: [{username: a, password: b}]\n");
  const RunResult result = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + lab.string() + ":4: cannot read running_config file '" +
                            (dir.path() / "nowhere.cfg").string() + "'\n");
}

TEST(IosimLabFile, InvalidYamlNamesTheLine) {
  // A file that is not YAML is refused with the parser's line and reason.
  TempDir dir;
  const auto lab = dir.write("lab.yaml", "devices:\n  - name: r1\n   listen: x\n");
  const RunResult result = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "iosim: error: " + lab.string() + ":3: not valid YAML: end of sequence not found\n");
}

TEST(IosimLabFile, DuplicateKeyAndAliasExpansionAreRefused) {
  // The lab file goes through iosctl's one YAML reader: a repeated key, and
  // a "billion laughs" file of aliases, are refused with their line.
  TempDir dir;
  const auto twice = dir.write("twice.yaml",
                               "devices:\n  - name: r1\n    listen: 127.0.0.1:2999\n"
                               "    name: r2\n");
  RunResult result = run_iosim({"--lab", twice.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + twice.string() +
                            ":4: duplicate key 'name' (first on line 2; keep one)\n");
  std::string laughs = "l1: &l1 [a, a, a, a, a, a, a, a, a, a]\n";
  for (int level = 2; level <= 9; ++level) {
    laughs += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) laughs += (i ? ", *l" : "*l") + std::to_string(level - 1);
    laughs += "]\n";
  }
  const auto bomb = dir.write("bomb.yaml", laughs);
  result = run_iosim({"--lab", bomb.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: " + bomb.string() +
                            ":6: more than 1000000 nodes, aliases expanded (split the file, or "
                            "alias smaller nodes)\n");
}

TEST(IosimCommandLine, ShorthandRefusesNonLoopbackListen) {
  // The single-device shorthand refuses a non-loopback --listen.
  const RunResult result =
      run_iosim({"--listen", "192.0.2.1:22", "--config", lab_fixture("iosxe-r1.cfg").string(),
                 "--user", "admin:secret:15"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "iosim: error: --listen '192.0.2.1:22' is not a loopback address:port (use "
            "127.x.y.z:PORT, e.g. 127.0.0.1:2222)\n");
}

TEST(IosimCommandLine, ShorthandNeedsListenConfigAndUser) {
  // Without --lab, all three of --listen, --config and --user are needed.
  const RunResult result = run_iosim({"--listen", "127.0.0.1:2999"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "iosim: error: give --lab LAB.yaml, or --listen, --config and --user for "
            "a single device\n");
}

TEST(IosimCommandLine, BadTimeScaleIsRefused) {
  // --time-scale wants a number; anything else names the option and the range.
  TempDir dir;
  const auto lab = dir.write("lab.yaml", device_text(""));
  const RunResult result = run_iosim({"--lab", lab.string(), "--time-scale", "fast"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err,
            "iosim: error: --time-scale 'fast' must be a number above 0 and at most 3600 (60 "
            "makes a revert minute last a second)\n");
  EXPECT_EQ(result.out, "");
}

TEST(IosimCommandLine, LabExcludesShorthand) {
  // --lab and the single-device options cannot be mixed.
  const RunResult result = run_iosim({"--lab", "x.yaml", "--listen", "127.0.0.1:2999"});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "iosim: error: --lab excludes --listen (see iosim --help)\n");
}

TEST(IosimCommandLine, HelpExitsZero) {
  // --help documents the options and exits 0.
  const RunResult result = run_iosim({"--help"});
  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.out.find("--state-dir"), std::string::npos);
  EXPECT_NE(result.out.find("--ready-file"), std::string::npos);
}

TEST(IosimCommandLine, TakenPortIsReported) {
  // A second iosim on a taken port names the device, the address and the fix.
  TempDir dir;
  LabEntry device;
  device.port = free_port();
  const auto lab = dir.write("lab.yaml", lab_yaml({device}));
  IosimProcess first({"--lab", lab.string()});
  const RunResult second = run_iosim({"--lab", lab.string()});
  EXPECT_EQ(second.status, 1);
  EXPECT_EQ(second.err,
            "iosim: error: device 'r1': cannot listen on 127.0.0.1:" + std::to_string(device.port) +
                " (Address already in use): pick a free port in the lab file\n");
  EXPECT_EQ(first.stop(), 0);
}

}  // namespace
}  // namespace iosctl::test
