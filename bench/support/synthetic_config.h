// The running configuration that bench_gen_configs writes: a synthetic IOS-XE 16.12 switch
// and BGP edge with vlans, ports, neighbors, ACLs, prefix-lists and route-maps, in IOS order.
// Each line carries the edits the candidate may make to it, so the pair stays realistic.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::bench {

// The one seed: the same pair on every run and every machine.
constexpr std::uint32_t kSeed = 20240611;

enum class Section { header, vlans, interfaces, bgp, acls, prefix_lists, route_maps, trailer };
constexpr std::size_t kSections = 8;
constexpr std::array<std::string_view, kSections> kSectionNames = {
    "header",       "vlans",        "interfaces", "router bgp",
    "access-lists", "prefix-lists", "route-maps", "trailer"};

// One line of the running config and what the candidate may do to it.
struct Line {
  std::string text;
  Section section;
  std::string changed;  // the candidate's version of the line; empty: never changed
  std::string added;    // a line the candidate may insert after this one; empty: none
  bool removable = false;
};

// Returns the running config, `total` lines give or take one interface block (at least 1000
// lines make every section appear). Same result for the same `total`.
std::vector<Line> synthetic_running_config(std::size_t total);

}  // namespace iosctl::bench
