#include "iosctl/error.h"
#include "iosctl/fleet/inventory.h"
#include "iosctl/fleet/inventory_file.h"
#include "support/error_of.h"
#include "support/scratch_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>

namespace iosctl::fleet {
namespace {

using test::error_of;

std::string hosts_error(const std::string& text) {
  return error_of([&] { parse_inventory_file(text, "inv/hosts.yaml", InventoryFileKind::hosts); });
}

// The error loading `text` as the single-file inventory DIR/inv.yaml gives.
std::string single_file_error(const std::string& text) {
  const test::ScratchDir scratch("inventory");
  const std::string& dir = scratch.path();
  std::ofstream(dir + "/inv.yaml", std::ios::binary) << text;
  std::string message = error_of([&] { load_inventory(dir + "/inv.yaml"); });
  for (std::size_t at = message.find(dir); at != std::string::npos; at = message.find(dir)) {
    message.replace(at, dir.size(), "DIR");
  }
  return message;
}

TEST(InventoryLimits, RecursiveAliasInDataIsRefused) {
  // Converting data: to JSON used to recurse on this until the stack overflowed.
  EXPECT_EQ(hosts_error("r1: &x {hostname: a, data: {self: *x}}\n"),
            "inv/hosts.yaml:1: alias *x is used inside the node it names (a recursive alias "
            "never ends; write the value out)");
}

TEST(InventoryLimits, BillionLaughsInDataIsRefused) {
  // 9 levels of ten aliases each under data: 10^9 values, refused while reading.
  std::string text = "r1:\n  data:\n    l1: &l1 [a, a, a, a, a, a, a, a, a, a]\n";
  for (int level = 2; level <= 9; ++level) {
    const std::string before = "*l" + std::to_string(level - 1);
    text += "    l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + before;
    text += "]\n";
  }
  EXPECT_EQ(hosts_error(text),
            "inv/hosts.yaml:8: more than 1000000 nodes, aliases expanded (split the file, or "
            "alias smaller nodes)");
}

TEST(InventoryLimits, DeepDataIsRefused) {
  // data: nested 70 levels deep.
  EXPECT_EQ(hosts_error("r1:\n  data: {a: " + std::string(70, '[') + std::string(70, ']') + "}\n"),
            "inv/hosts.yaml:2: lists and mappings nested more than 64 levels deep (flatten the "
            "data)");
}

// A single-file inventory whose group g`depth` has parent g`depth-1`, ...,
// down to g1, with one host in the last group.
std::string group_chain(int depth) {
  std::string text =
      "hosts:\n  r1: {groups: [g" + std::to_string(depth) + "]}\ngroups:\n  g1: {}\n";
  for (int i = 2; i <= depth; ++i) {
    text += "  g" + std::to_string(i) + ": {groups: [g" + std::to_string(i - 1) + "]}\n";
  }
  return text;
}

TEST(InventoryLimits, GroupChainUpToTheLimitResolves) {
  // 64 groups, each the parent of the next: the host gets all 64 in order.
  const test::ScratchDir scratch("inventory");
  std::ofstream(scratch.path() + "/inv.yaml") << group_chain(64);
  const Inventory inventory = load_inventory(scratch.path() + "/inv.yaml");
  ASSERT_EQ(inventory.hosts.size(), 1u);
  ASSERT_EQ(inventory.hosts[0].groups.size(), 64u);
  EXPECT_EQ(inventory.hosts[0].groups.front(), "g64");
  EXPECT_EQ(inventory.hosts[0].groups.back(), "g1");
}

TEST(InventoryLimits, DeepGroupChainIsRefused) {
  // A 50,000-deep chain of parent groups used to recurse for 26 s and crash.
  EXPECT_EQ(single_file_error(group_chain(50'000)),
            "DIR/inv.yaml:68: group 'g65' has parent groups nested more than 64 levels deep "
            "(flatten the chain of groups: parents of parents)");
}

TEST(InventoryLimits, WhatHostsInheritIsBounded) {
  // 20 parents of one group shared by 30 hosts, and 10 data values in the
  // defaults: 30 * (21 + 10) = 930 copies, past a limit of 900 at the 30th.
  std::string text =
      "defaults: {data: {list: [1, 2, 3, 4, 5, 6, 7, 8, 9]}}\ngroups:\n  top: {groups: [";
  for (int i = 0; i < 20; ++i) text += (i ? ", p" : "p") + std::to_string(i);
  text += "]}\n";
  for (int i = 0; i < 20; ++i) text += "  p" + std::to_string(i) + ": {}\n";
  text += "hosts:\n";
  for (int i = 0; i < 30; ++i) text += "  r" + std::to_string(i) + ": {groups: [top]}\n";
  const test::ScratchDir scratch("inventory");
  const std::string path = scratch.path() + "/inv.yaml";
  std::ofstream(path) << text;
  EXPECT_EQ(error_of([&] { load_inventory(path, InventoryLimits{900}); }),
            path +
                ":54: the hosts inherit more than 900 groups and data values in all (share "
                "fewer or smaller groups among many hosts)");
  EXPECT_EQ(error_of([&] { load_inventory(path, InventoryLimits{930}); }), "no error");
}

TEST(InventoryLimits, HostNamesThatCannotBeFileNamesAreRefused) {
  // {name} goes into paths such as --session-log 'logs/{name}.log'.
  const std::string fix =
      " (use letters, digits, '-', '_' and '.': the name goes into file names such as "
      "--session-log 'logs/{name}.log')";
  EXPECT_EQ(hosts_error("r1: {}\n../etc/x: {}\n"),
            "inv/hosts.yaml:2: host name '../etc/x' contains '/'" + fix);
  EXPECT_EQ(hosts_error("'..': {}\n"), "inv/hosts.yaml:1: host name '..' contains '..'" + fix);
  EXPECT_EQ(hosts_error("a/b: {}\n"), "inv/hosts.yaml:1: host name 'a/b' contains '/'" + fix);
  EXPECT_EQ(hosts_error("'': {}\n"), "inv/hosts.yaml:1: host name '' is empty" + fix);
  EXPECT_EQ(hosts_error("\"r\\t1\": {}\n"),
            "inv/hosts.yaml:1: host name 'r\\x091' contains a control character" + fix);
  EXPECT_EQ(single_file_error("hosts:\n  ok: {}\n  ../x: {}\n"),
            "DIR/inv.yaml:3: host name '../x' contains '/'" + fix);
  EXPECT_EQ(hosts_error("r1.example.com: {}\nr-2_b: {}\n"), "no error");
}

}  // namespace
}  // namespace iosctl::fleet
