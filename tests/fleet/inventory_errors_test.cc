#include "iosctl/error.h"
#include "iosctl/fleet/inventory.h"
#include "iosctl/fleet/inventory_file.h"
#include "support/error_of.h"
#include "support/scratch_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <unistd.h>

namespace iosctl::fleet {
namespace {

namespace fs = std::filesystem;

using Kind = InventoryFileKind;

using test::error_of;

// The error parsing `text` as inv/hosts.yaml (or another `kind`) gives.
std::string parse_error(const std::string& text, Kind kind = Kind::hosts,
                        const std::string& display = "inv/hosts.yaml") {
  return error_of([&] { parse_inventory_file(text, display, kind); });
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The error loading `text` as the single-file inventory DIR/inv.yaml gives,
// with the directory written as "DIR".
std::string single_file_error(const std::string& text) {
  const test::ScratchDir scratch("inventory");
  const std::string& dir = scratch.path();
  write_file(dir + "/inv.yaml", text);
  std::string message = error_of([&] { load_inventory(dir + "/inv.yaml"); });
  for (std::size_t at = message.find(dir); at != std::string::npos; at = message.find(dir)) {
    message.replace(at, dir.size(), "DIR");
  }
  return message;
}

TEST(InventoryErrors, MissingPathAndMissingHostsFile) {
  // A wrong -i path, or a directory without hosts.yaml, names the file and the fix.
  const test::ScratchDir scratch("inventory");
  const std::string& dir = scratch.path();
  EXPECT_EQ(error_of([&] { load_inventory(dir + "/nope"); }),
            "inventory " + dir +
                "/nope: no such file (fix: give -i a directory holding hosts.yaml, or an "
                "inventory file)");
  EXPECT_EQ(error_of([&] { load_inventory(dir); }),
            "inventory " + dir +
                "/hosts.yaml: no such file (fix: write the hosts there, or give -i the "
                "inventory file)");
}

TEST(InventoryErrors, YamlSyntaxErrorGivesTheOneBasedLine) {
  // yaml-cpp's 0-based mark becomes the line an editor shows.
  EXPECT_EQ(parse_error("r1:\n  hostname: a\n  port: [22\n"),
            "inv/hosts.yaml:4: not valid YAML: end of sequence flow not found (check the "
            "indentation and quoting there)");
}

TEST(InventoryErrors, UnknownKeySuggestsTheNearestOrSaysWhereCustomValuesGo) {
  // A typo gets a did-you-mean; a custom key is pointed at data:.
  EXPECT_EQ(parse_error("r1:\n  hostname: a\n  hostnme: b\n"),
            "inv/hosts.yaml:3: unknown key 'hostnme' (did you mean 'hostname'?)");
  EXPECT_EQ(parse_error("r1:\n  site: ams\n"),
            "inv/hosts.yaml:2: unknown key 'site' (custom values go under data:)");
  EXPECT_EQ(parse_error("username: a\npasword_env: X\n", Kind::defaults, "inv/defaults.yaml"),
            "inv/defaults.yaml:2: unknown key 'pasword_env' (did you mean 'password_env'?)");
}

TEST(InventoryErrors, WrongTypes) {
  // Ports out of range, lists where one value belongs, and a bare group name.
  EXPECT_EQ(parse_error("r1:\n  port: 70000\n"),
            "inv/hosts.yaml:2: port: expected a number from 1 to 65535 (got '70000')");
  EXPECT_EQ(parse_error("r1:\n  port: ssh\n"),
            "inv/hosts.yaml:2: port: expected a number from 1 to 65535 (got 'ssh')");
  EXPECT_EQ(parse_error("r1:\n  hostname: [a, b]\n"),
            "inv/hosts.yaml:2: hostname: expected a single value, not a list or mapping");
  EXPECT_EQ(parse_error("r1:\n  groups: core\n"),
            "inv/hosts.yaml:2: groups: expected a list of group names (e.g. groups: [core])");
  EXPECT_EQ(parse_error("r1:\n  data: [1]\n"),
            "inv/hosts.yaml:2: data: expected a mapping of names to values");
  EXPECT_EQ(parse_error("r1: 127.0.0.1\n"),
            "inv/hosts.yaml:1: host 'r1' must be a mapping of keys (e.g. hostname: 192.0.2.1)");
  EXPECT_EQ(parse_error("- r1\n"),
            "inv/hosts.yaml:1: expected a mapping of host names to their settings (e.g. r1: "
            "{hostname: 192.0.2.1})");
}

TEST(InventoryErrors, ConnectionOptionsAreChecked) {
  // Typos, misplaced Netmiko arguments and lists inside connection_options are named.
  EXPECT_EQ(parse_error("r1:\n  connection_options:\n    netmiko:\n      prot: 22\n"),
            "inv/hosts.yaml:4: unknown key 'prot' (did you mean 'port'?)");
  EXPECT_EQ(parse_error("r1:\n  connection_options:\n    netmiko:\n      port: 0\n"),
            "inv/hosts.yaml:4: connection_options.netmiko.port: expected a number from 1 to "
            "65535 (got '0')");
  EXPECT_EQ(parse_error("r1:\n  connection_options:\n    netmko: {}\n"),
            "inv/hosts.yaml:3: unknown connection plugin 'netmko' (did you mean 'netmiko'?)");
  EXPECT_EQ(parse_error("r1:\n  connection_options:\n    netmiko:\n      extras:\n"
                        "        global_delay_factr: 2\n"),
            "inv/hosts.yaml:5: unknown netmiko option 'global_delay_factr' (did you mean "
            "'global_delay_factor'?)");
  EXPECT_EQ(parse_error("r1:\n  connection_options:\n    netmiko:\n      extras:\n"
                        "        port: 22\n"),
            "inv/hosts.yaml:5: connection_options.netmiko.extras.port: set "
            "connection_options.netmiko.port instead");
  EXPECT_EQ(parse_error("r1:\n  connection_options:\n    netmiko:\n      extras:\n"
                        "        disabled_algorithms: {pubkeys: [rsa-sha2-512]}\n"),
            "inv/hosts.yaml:5: connection_options.netmiko.extras.disabled_algorithms: expected "
            "a single value, not a list or mapping");
  EXPECT_EQ(parse_error("r1:\n  connection_options:\n    napalm:\n      extras:\n"
                        "        optional_args:\n          auto_rollback_on_eror: true\n"),
            "inv/hosts.yaml:6: unknown napalm optional_args name 'auto_rollback_on_eror' (did "
            "you mean 'auto_rollback_on_error'?)");
}

TEST(InventoryErrors, TwoPasswordKeysAtOneLevel) {
  // password and password_env for one host: both keys named, no value shown.
  EXPECT_EQ(parse_error("r1:\n  password: hunter2\n  password_env: R1_PASS\n"),
            "inv/hosts.yaml:3: password and password_env are both set for host 'r1' (keep one)");
  EXPECT_EQ(
      parse_error("core:\n  secret_env: A\n  secret_file: b\n", Kind::groups, "inv/groups.yaml"),
      "inv/groups.yaml:3: secret_env and secret_file are both set for group 'core' (keep "
      "one)");
  EXPECT_EQ(parse_error("r1:\n  password_env: R1-PASS\n"),
            "inv/hosts.yaml:2: password_env: 'R1-PASS' is not an environment variable name (use "
            "letters, digits and _)");
}

TEST(InventoryErrors, DuplicateHostsAndKeys) {
  // yaml-cpp keeps repeated keys; we report the second with the first's line.
  EXPECT_EQ(parse_error("r1:\n  port: 22\nr2: {}\nr1:\n  port: 23\n"),
            "inv/hosts.yaml:4: host 'r1' is defined twice (first on line 1; rename or merge "
            "them)");
  EXPECT_EQ(parse_error("r1:\n  port: 22\n  port: 23\n"),
            "inv/hosts.yaml:3: duplicate key 'port' (first on line 2; keep one)");
}

TEST(InventoryErrors, NoHosts) {
  // An empty hosts file, a single file without hosts:, and an empty hosts: section.
  EXPECT_EQ(parse_error("# nothing yet\n"),
            "inv/hosts.yaml:1: no hosts (list at least one, e.g. r1: {hostname: 192.0.2.1})");
  EXPECT_EQ(single_file_error("groups:\n  lab: {}\n"),
            "DIR/inv.yaml:1: no hosts: section (add one, e.g. hosts: {r1: {hostname: "
            "192.0.2.1}})");
  EXPECT_EQ(single_file_error("defaults: {}\nhosts:\n"),
            "DIR/inv.yaml:2: no hosts (list at least one, e.g. r1: {hostname: 192.0.2.1})");
}

TEST(InventoryErrors, SingleFileSectionsAreChecked) {
  // A Nornir hosts file under another name is told apart from a section typo.
  EXPECT_EQ(single_file_error("host:\n  r1: {}\n"),
            "DIR/inv.yaml:1: unknown key 'host' (did you mean 'hosts'?)");
  EXPECT_EQ(single_file_error("r1:\n  hostname: a\n"),
            "DIR/inv.yaml:1: unknown key 'r1' (a single-file inventory has hosts:, groups: and "
            "defaults: sections; a Nornir hosts file must be named hosts.yaml)");
  EXPECT_EQ(single_file_error("defaults:\n  groups: [lab]\nhosts:\n  r1: {}\n"),
            "DIR/inv.yaml:2: the defaults cannot name groups (list groups on each host or "
            "group)");
}

TEST(InventoryErrors, UndefinedGroup) {
  // A host naming a group nobody defined: a suggestion, or where to define it.
  EXPECT_EQ(single_file_error("groups:\n  core: {}\nhosts:\n  r1:\n    groups: [lab, cor]\n"),
            "DIR/inv.yaml:5: host 'r1' names undefined group 'lab' (define it under groups: in "
            "DIR/inv.yaml)");
  const test::ScratchDir scratch("inventory");
  const std::string& dir = scratch.path();
  write_file(dir + "/hosts.yaml", "r1:\n  groups:\n    - cor\n");
  write_file(dir + "/groups.yaml", "core:\n  groups: [ios]\nios: {}\n");
  EXPECT_EQ(error_of([&] { load_inventory(dir); }),
            dir + "/hosts.yaml:3: host 'r1' names undefined group 'cor' (did you mean 'core'?)");
  write_file(dir + "/hosts.yaml", "r1:\n  groups: [core]\n");
  write_file(dir + "/groups.yaml", "core:\n  groups: [edge]\n");
  EXPECT_EQ(error_of([&] { load_inventory(dir); }),
            dir + "/groups.yaml:2: group 'core' names undefined group 'edge' (define it in " + dir +
                "/groups.yaml)");
}

TEST(InventoryErrors, GroupCycle) {
  // Parent groups leading back to themselves are shown as the cycle.
  EXPECT_EQ(single_file_error("groups:\n  a: {groups: [b]}\n  b: {groups: [c]}\n"
                              "  c: {groups: [a]}\nhosts:\n  r1: {groups: [a]}\n"),
            "DIR/inv.yaml:4: groups form a cycle: a -> b -> c -> a (remove one of these parent "
            "groups)");
  EXPECT_EQ(single_file_error("groups:\n  a: {groups: [a]}\nhosts:\n  r1: {}\n"),
            "DIR/inv.yaml:2: groups form a cycle: a -> a (remove one of these parent groups)");
}

TEST(InventoryErrors, ErrorsNeverShowASecret) {
  // A badly typed password is reported without its value.
  const std::string message = parse_error("r1:\n  password: [hunter2]\n");
  EXPECT_EQ(message, "inv/hosts.yaml:2: password: expected a single value, not a list or mapping");
}

}  // namespace
}  // namespace iosctl::fleet
