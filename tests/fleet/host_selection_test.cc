#include "iosctl/fleet/host_selection.h"

#include "iosctl/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

namespace iosctl::fleet {
namespace {

Host host(std::string name, std::vector<std::string> groups = {}) {
  Host h;
  h.name = std::move(name);
  h.groups = std::move(groups);
  return h;
}

// Groups nest: core and edge are children of dc1, so their hosts carry dc1
// too, as the inventory loader resolves it. `spare` has no hosts.
Inventory lab() {
  Inventory inv;
  inv.hosts = {host("r1", {"lab"}),
               host("r2", {"lab"}),
               host("r10"),
               host("core-1", {"core", "dc1"}),
               host("core-2", {"core", "dc1"}),
               host("edge-1", {"edge", "dc1"})};
  inv.groups = {"dc1", "core", "edge", "lab", "spare"};
  return inv;
}

std::vector<std::string> names(const std::vector<Host>& hosts) {
  std::vector<std::string> out;
  for (const Host& h : hosts) out.push_back(h.name);
  return out;
}

std::vector<std::string> selected(std::string_view limit) {
  return names(select_hosts(lab(), limit));
}

std::string limit_error(const Inventory& inv, std::string_view limit) {
  try {
    select_hosts(inv, limit);
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::usage);
    return e.what();
  }
  return "no error";
}

std::string limit_error(std::string_view limit) { return limit_error(lab(), limit); }

using Names = std::vector<std::string>;

// No limit, or only blanks, selects every host in inventory order.
TEST(HostSelectionTest, EmptyLimitSelectsAll) {
  const Names all = {"r1", "r2", "r10", "core-1", "core-2", "edge-1"};
  EXPECT_EQ(selected(""), all);
  EXPECT_EQ(selected("  "), all);
}

// Names and globs select in inventory order whatever the order of terms.
TEST(HostSelectionTest, NamesAndGlobs) {
  EXPECT_EQ(selected("r2,r1"), (Names{"r1", "r2"}));
  EXPECT_EQ(selected("r*"), (Names{"r1", "r2", "r10"}));
  EXPECT_EQ(selected("r?"), (Names{"r1", "r2"}));
  EXPECT_EQ(selected("core-[12]"), (Names{"core-1", "core-2"}));
  EXPECT_EQ(selected("*-1"), (Names{"core-1", "edge-1"}));
}

// A host literally named with glob characters is still selectable by name.
TEST(HostSelectionTest, ExactNameWithGlobCharacters) {
  Inventory inv;
  inv.hosts = {host("sw[1]"), host("sw1")};
  EXPECT_EQ(names(select_hosts(inv, "sw[1]")), (Names{"sw[1]", "sw1"}));
}

// group:NAME selects members, including those of child groups, and NAME may be a glob.
TEST(HostSelectionTest, Groups) {
  EXPECT_EQ(selected("group:core"), (Names{"core-1", "core-2"}));
  EXPECT_EQ(selected("group:dc1"), (Names{"core-1", "core-2", "edge-1"}));
  EXPECT_EQ(selected("group:e*"), (Names{"edge-1"}));
  EXPECT_EQ(selected("group:lab,r10"), (Names{"r1", "r2", "r10"}));
}

// Terms are trimmed, empty terms ignored, and overlapping terms select a host once.
TEST(HostSelectionTest, CommasSpacesAndOverlap) {
  EXPECT_EQ(selected(" r1 , group:edge ,"), (Names{"r1", "edge-1"}));
  EXPECT_EQ(selected("r1,,r1,r*"), (Names{"r1", "r2", "r10"}));
}

// `!` removes hosts from the positive terms, or from all hosts when there are none.
TEST(HostSelectionTest, Exclusions) {
  EXPECT_EQ(selected("!r*"), (Names{"core-1", "core-2", "edge-1"}));
  EXPECT_EQ(selected("group:dc1,!core-2"), (Names{"core-1", "edge-1"}));
  EXPECT_EQ(selected("!group:core, ! r10"), (Names{"r1", "r2", "edge-1"}));
  EXPECT_EQ(selected("!core-2,group:core"), (Names{"core-1"}));
}

// An exclusion that matches nothing is harmless.
TEST(HostSelectionTest, ExclusionMatchingNothing) {
  EXPECT_EQ(selected("r1,!zz*"), (Names{"r1"}));
  EXPECT_EQ(selected("r1,!group:dc9*"), (Names{"r1"}));
}

// A name matching no host is an error naming the term and the fix.
TEST(HostSelectionTest, UnknownHost) {
  EXPECT_EQ(limit_error("r1,r9"),
            "--limit 'r9': matches no host in the inventory (fix: name one of its hosts, a glob "
            "such as r*, or group:NAME)");
  EXPECT_EQ(limit_error("x*"),
            "--limit 'x*': matches no host in the inventory (fix: name one of its hosts, a glob "
            "such as r*, or group:NAME)");
}

// A near miss of a host name gets a suggestion.
TEST(HostSelectionTest, UnknownHostSuggestion) {
  EXPECT_EQ(limit_error("edge-2"),
            "--limit 'edge-2': matches no host in the inventory (did you mean 'edge-1'?)");
}

// A group's name without group: says how to write it.
TEST(HostSelectionTest, GroupNameWithoutPrefix) {
  EXPECT_EQ(limit_error("core"),
            "--limit 'core': matches no host, but names a group (fix: write group:core)");
}

// An undefined group is an error, even in an exclusion, naming the known groups.
TEST(HostSelectionTest, UnknownGroup) {
  EXPECT_EQ(limit_error("group:cor"),
            "--limit 'group:cor': the inventory defines no group 'cor' (did you mean group:core? "
            "groups: dc1, core, edge, lab, spare)");
  EXPECT_EQ(limit_error("r1,!group:xyz"),
            "--limit '!group:xyz': the inventory defines no group 'xyz' (groups: dc1, core, "
            "edge, lab, spare)");
  Inventory flat;
  flat.hosts = {host("r1")};
  EXPECT_EQ(limit_error(flat, "group:core"),
            "--limit 'group:core': the inventory defines no group 'core' (it defines no groups)");
}

// A long list of groups is cut short with how many more there are.
TEST(HostSelectionTest, UnknownGroupLongList) {
  Inventory inv;
  inv.hosts = {host("r1", {"g1"})};
  inv.groups = {"g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8"};
  EXPECT_EQ(limit_error(inv, "group:zz"),
            "--limit 'group:zz': the inventory defines no group 'zz' (groups: g1, g2, g3, g4, "
            "g5, g6, ... (2 more))");
}

// A defined group without hosts, or a group glob matching none with hosts, is an error.
TEST(HostSelectionTest, GroupWithoutHosts) {
  EXPECT_EQ(limit_error("group:spare"),
            "--limit 'group:spare': no host belongs to group spare (fix: add hosts to it, or "
            "drop the term)");
  EXPECT_EQ(limit_error("group:sp*"),
            "--limit 'group:sp*': no host belongs to a group it matches (groups: dc1, core, edge, "
            "lab, spare)");
}

// Exclusions that remove every selected host leave nothing: an error naming the expression.
TEST(HostSelectionTest, NothingLeft) {
  EXPECT_EQ(limit_error("r*, !r*"),
            "--limit 'r*, !r*': the exclusions leave no host (fix: narrow the !terms)");
  EXPECT_EQ(limit_error("!*"),
            "--limit '!*': the exclusions leave no host (fix: narrow the !terms)");
}

// A bare `!` or `group:` names nothing.
TEST(HostSelectionTest, EmptyTerm) {
  EXPECT_EQ(limit_error("r1,!"),
            "--limit '!': the term names nothing (fix: write a host, a glob such as r*, or "
            "group:NAME, each optionally after !)");
  EXPECT_EQ(limit_error("group:"),
            "--limit 'group:': the term names nothing (fix: write a host, a glob such as r*, or "
            "group:NAME, each optionally after !)");
}

// An inventory without hosts cannot be selected from.
TEST(HostSelectionTest, EmptyInventory) {
  EXPECT_EQ(limit_error(Inventory{}, ""),
            "the inventory lists no hosts (fix: add at least one under `hosts`)");
}

// K/N parses to job K of N.
TEST(HostSelectionShardTest, Parses) {
  const Shard shard = parse_shard("2/4");
  EXPECT_EQ(shard.index, 2);
  EXPECT_EQ(shard.count, 4);
  EXPECT_EQ(parse_shard("1000/1000").index, 1000);
}

std::string shard_error(std::string_view text) {
  try {
    parse_shard(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::usage);
    return e.what();
  }
  return "no error";
}

// Bad K/N texts name the fix.
TEST(HostSelectionShardTest, Errors) {
  const std::string shape =
      ": expected K/N, job K of N CI jobs as whole numbers (e.g. --shard 1/4)";
  EXPECT_EQ(shard_error("3/2"),
            "--shard '3/2': K must be between 1 and N (fix: number the jobs 1/2 to 2/2)");
  EXPECT_EQ(shard_error("0/4"),
            "--shard '0/4': K must be between 1 and N (fix: number the jobs 1/4 to 4/4)");
  EXPECT_EQ(shard_error("99999999999/4"),
            "--shard '99999999999/4': K must be between 1 and N (fix: number the jobs 1/4 to 4/4)");
  EXPECT_EQ(shard_error("1/0"),
            "--shard '1/0': N must be between 1 and 1000 (fix: give the number of CI jobs, e.g. "
            "--shard 1/4)");
  EXPECT_EQ(shard_error("1/1001"),
            "--shard '1/1001': N must be between 1 and 1000 (fix: give the number of CI jobs, e.g. "
            "--shard 1/4)");
  EXPECT_EQ(shard_error("2"), "--shard '2'" + shape);
  EXPECT_EQ(shard_error("1/"), "--shard '1/'" + shape);
  EXPECT_EQ(shard_error("-1/4"), "--shard '-1/4'" + shape);
  EXPECT_EQ(shard_error("1/4/2"), "--shard '1/4/2'" + shape);
  EXPECT_EQ(shard_error(" 1/4"), "--shard ' 1/4'" + shape);
}

std::vector<Host> numbered_hosts(int count) {
  std::vector<Host> hosts;
  for (int i = 1; i <= count; ++i) hosts.push_back(host("sw" + std::to_string(i)));
  return hosts;
}

// For N in 1..7 over 20 hosts the shards partition the hosts, sizes differ by at most one.
TEST(HostSelectionShardTest, ShardsPartitionTheHosts) {
  const std::vector<Host> hosts = numbered_hosts(20);
  for (int n = 1; n <= 7; ++n) {
    std::multiset<std::string> seen;
    std::size_t smallest = hosts.size();
    std::size_t largest = 0;
    for (int k = 1; k <= n; ++k) {
      const auto shard = names(shard_hosts(hosts, Shard{k, n}));
      seen.insert(shard.begin(), shard.end());
      smallest = std::min(smallest, shard.size());
      largest = std::max(largest, shard.size());
    }
    const auto all = names(hosts);
    EXPECT_EQ(seen, std::multiset<std::string>(all.begin(), all.end())) << "N=" << n;
    EXPECT_LE(largest - smallest, 1u) << "N=" << n;
  }
}

// Hosts are dealt by name, so another listing order gives each job the same hosts, kept in
// the order it was given.
TEST(HostSelectionShardTest, SameSplitWhateverTheOrder) {
  std::vector<Host> hosts = numbered_hosts(20);
  std::vector<Host> shuffled = hosts;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(3));
  for (int k = 1; k <= 3; ++k) {
    auto a = names(shard_hosts(hosts, Shard{k, 3}));
    const auto b = names(shard_hosts(shuffled, Shard{k, 3}));
    std::vector<std::string> b_in_input_order;
    for (const Host& h : shuffled) {
      if (std::find(b.begin(), b.end(), h.name) != b.end()) b_in_input_order.push_back(h.name);
    }
    EXPECT_EQ(b, b_in_input_order);
    std::sort(a.begin(), a.end());
    auto b_sorted = b;
    std::sort(b_sorted.begin(), b_sorted.end());
    EXPECT_EQ(a, b_sorted);
  }
}

// Dealing follows name order: sw1, sw10, sw2, sw3 to two jobs.
TEST(HostSelectionShardTest, DealsRoundRobinByName) {
  const std::vector<Host> hosts = {host("sw3"), host("sw2"), host("sw10"), host("sw1")};
  EXPECT_EQ(names(shard_hosts(hosts, Shard{1, 2})), (Names{"sw2", "sw1"}));
  EXPECT_EQ(names(shard_hosts(hosts, Shard{2, 2})), (Names{"sw3", "sw10"}));
  EXPECT_EQ(names(shard_hosts(hosts, Shard{3, 4})), (Names{"sw2"}));
}

// More jobs than hosts leaves the last jobs empty.
TEST(HostSelectionShardTest, MoreJobsThanHosts) {
  const std::vector<Host> hosts = numbered_hosts(2);
  EXPECT_EQ(names(shard_hosts(hosts, Shard{2, 3})), (Names{"sw2"}));
  EXPECT_TRUE(shard_hosts(hosts, Shard{3, 3}).empty());
}

}  // namespace
}  // namespace iosctl::fleet
