#pragma once

#include "iosctl/fleet/inventory.h"

#include <string_view>
#include <vector>

// Which hosts of an inventory a run touches: --limit and --shard.
namespace iosctl::fleet {

// Returns the hosts `limit` selects, in inventory order. `limit` is a comma
// list of terms: a host name or glob (r*, core-[12]), `group:NAME` (NAME may
// be a glob; a host in a child group belongs to its parents too), and any
// term prefixed by `!` to exclude. Without positive terms every host is a
// candidate; "" selects all. Throws Error{usage} when a positive term matches
// no host, or when nothing is left.
std::vector<Host> select_hosts(const Inventory& inventory, std::string_view limit);

// One of N CI jobs: shard `index` (1-based) of `count`.
struct Shard {
  int index = 1;
  int count = 1;
};

// Parses "K/N" (1 <= K <= N). Throws Error{usage} naming the fix otherwise.
Shard parse_shard(std::string_view text);

// Returns shard `shard` of `hosts`: the hosts are ordered by name and dealt
// round-robin, so the N shards partition them, sizes differ by at most one,
// and every job computes the same split. Keeps `hosts`' order; empty when
// there are fewer hosts than jobs. Throws Error{usage} for an invalid `shard`.
std::vector<Host> shard_hosts(const std::vector<Host>& hosts, Shard shard);

}  // namespace iosctl::fleet
