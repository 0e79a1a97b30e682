#include "iosctl/fleet/host_selection.h"

#include "iosctl/config/text.h"
#include "iosctl/error.h"

#include <algorithm>
#include <charconv>
#include <fnmatch.h>
#include <limits>
#include <numeric>

namespace iosctl::fleet {
namespace {

constexpr std::string_view kGroupPrefix = "group:";
constexpr int kMaxShards = 1000;
constexpr std::size_t kGroupsListed = 6;

// One comma-separated term of a --limit expression.
struct Term {
  std::string_view text;     // as written, for messages: "!group:core"
  std::string_view pattern;  // the name or glob after `!` and `group:`
  bool exclude = false;
  bool group = false;
};

Error usage(std::string_view message) { return Error(Failure::usage, message); }

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::vector<Term> parse_terms(std::string_view limit) {
  std::vector<Term> terms;
  std::size_t start = 0;
  while (start <= limit.size()) {
    const auto comma = std::min(limit.find(',', start), limit.size());
    Term term;
    term.text = config::trim(limit.substr(start, comma - start));
    start = comma + 1;
    if (term.text.empty()) continue;  // "r1,,r2" and a trailing comma are harmless
    term.pattern = term.text;
    term.exclude = term.pattern.front() == '!';
    if (term.exclude) term.pattern = config::trim(term.pattern.substr(1));
    term.group = term.pattern.starts_with(kGroupPrefix);
    if (term.group) term.pattern = config::trim(term.pattern.substr(kGroupPrefix.size()));
    if (term.pattern.empty()) {
      throw usage("--limit " + in_quotes(term.text) +
                  ": the term names nothing (fix: write a host, a glob such as r*, "
                  "or group:NAME, each optionally after !)");
    }
    terms.push_back(term);
  }
  return terms;
}

bool is_glob(std::string_view pattern) { return pattern.find_first_of("*?[") != pattern.npos; }

// An exact name always matches, so that a host literally named "r[1]" can be
// selected; everything else is POSIX shell globbing.
bool name_matches(std::string_view pattern, const std::string& name) {
  return pattern == name || fnmatch(std::string(pattern).c_str(), name.c_str(), 0) == 0;
}

bool term_matches(const Term& term, const Host& host) {
  if (!term.group) return name_matches(term.pattern, host.name);
  return std::any_of(host.groups.begin(), host.groups.end(),
                     [&](const std::string& g) { return name_matches(term.pattern, g); });
}

// "groups: core, edge, lab", only the first few and how many more.
std::string known_groups(const std::vector<std::string>& groups) {
  if (groups.empty()) return "it defines no groups";
  std::string list = "groups: ";
  for (std::size_t i = 0; i < groups.size() && i < kGroupsListed; ++i) {
    list += (i ? ", " : "") + groups[i];
  }
  if (groups.size() > kGroupsListed) {
    list += ", ... (" + std::to_string(groups.size() - kGroupsListed) + " more)";
  }
  return list;
}

// Returns the name of `names` nearest to `word`, or "". A short name is near
// every other short name ("r9" is one edit from "r1"), so a hint needs the
// distance to be at most a third of the word.
std::string nearest(std::string_view word, const std::vector<std::string>& names) {
  if (is_glob(word)) return "";
  const std::vector<std::string_view> known(names.begin(), names.end());
  return config::closest_word(word, known, std::min<std::size_t>(2, word.size() / 3));
}

// A mistyped group name in an exclusion would silently keep the hosts the
// user meant to leave out, so an undefined group is an error either way.
void check_group_defined(const Term& term, const Inventory& inventory) {
  if (!term.group || is_glob(term.pattern)) return;
  const auto& groups = inventory.groups;
  if (std::find(groups.begin(), groups.end(), term.pattern) != groups.end()) return;
  const std::string near = nearest(term.pattern, groups);
  const std::string hint = near.empty() ? "" : "did you mean group:" + near + "? ";
  throw usage("--limit " + in_quotes(term.text) + ": the inventory defines no group " +
              in_quotes(term.pattern) + " (" + hint + known_groups(groups) + ")");
}

[[noreturn]] void throw_no_match(const Term& term, const Inventory& inventory) {
  const std::string head = "--limit " + in_quotes(term.text) + ": ";
  if (term.group && !is_glob(term.pattern)) {
    throw usage(head + "no host belongs to group " + std::string(term.pattern) +
                " (fix: add hosts to it, or drop the term)");
  }
  if (term.group) {
    throw usage(head + "no host belongs to a group it matches (" + known_groups(inventory.groups) +
                ")");
  }
  const auto& groups = inventory.groups;
  if (std::find(groups.begin(), groups.end(), term.pattern) != groups.end()) {
    throw usage(head + "matches no host, but names a group (fix: write group:" +
                std::string(term.pattern) + ")");
  }
  std::vector<std::string> names;
  for (const Host& host : inventory.hosts) names.push_back(host.name);
  const std::string near = nearest(term.pattern, names);
  if (!near.empty()) {
    throw usage(head + "matches no host in the inventory (did you mean " + in_quotes(near) + "?)");
  }
  throw usage(head +
              "matches no host in the inventory (fix: name one of its hosts, a glob such as "
              "r*, or group:NAME)");
}

}  // namespace

std::vector<Host> select_hosts(const Inventory& inventory, std::string_view limit) {
  if (inventory.hosts.empty()) {
    throw usage("the inventory lists no hosts (fix: add at least one under `hosts`)");
  }
  const std::vector<Term> terms = parse_terms(limit);
  const bool any_positive =
      std::any_of(terms.begin(), terms.end(), [](const Term& t) { return !t.exclude; });
  std::vector<bool> chosen(inventory.hosts.size(), !any_positive);
  for (const Term& term : terms) {
    check_group_defined(term, inventory);
    bool matched = false;
    for (std::size_t i = 0; i < inventory.hosts.size(); ++i) {
      if (!term.exclude && term_matches(term, inventory.hosts[i])) chosen[i] = matched = true;
    }
    if (!term.exclude && !matched) throw_no_match(term, inventory);
  }
  std::vector<Host> selected;
  for (std::size_t i = 0; i < inventory.hosts.size(); ++i) {
    const Host& host = inventory.hosts[i];
    const bool excluded = std::any_of(terms.begin(), terms.end(), [&](const Term& t) {
      return t.exclude && term_matches(t, host);
    });
    if (chosen[i] && !excluded) selected.push_back(host);
  }
  if (selected.empty()) {
    throw usage("--limit " + in_quotes(limit) +
                ": the exclusions leave no host (fix: narrow the !terms)");
  }
  return selected;
}

namespace {

// Returns the number `text` spells, or nullopt; a huge number is INT_MAX so
// that the range check names it.
std::optional<int> shard_number(std::string_view text) {
  if (!config::is_number(text)) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) return std::numeric_limits<int>::max();
  return value;
}

void check_shard(Shard shard, std::string_view text) {
  const std::string head = "--shard " + in_quotes(text) + ": ";
  if (shard.count < 1 || shard.count > kMaxShards) {
    throw usage(head + "N must be between 1 and " + std::to_string(kMaxShards) +
                " (fix: give the number of CI jobs, e.g. --shard 1/4)");
  }
  if (shard.index < 1 || shard.index > shard.count) {
    const std::string n = std::to_string(shard.count);
    throw usage(head + "K must be between 1 and N (fix: number the jobs 1/" + n + " to " + n + "/" +
                n + ")");
  }
}

}  // namespace

Shard parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  const auto index = shard_number(text.substr(0, std::min(slash, text.size())));
  const auto count = slash == text.npos ? std::nullopt : shard_number(text.substr(slash + 1));
  if (!index || !count) {
    throw usage("--shard " + in_quotes(text) +
                ": expected K/N, job K of N CI jobs as whole numbers (e.g. --shard 1/4)");
  }
  const Shard shard{*index, *count};
  check_shard(shard, text);
  return shard;
}

std::vector<Host> shard_hosts(const std::vector<Host>& hosts, Shard shard) {
  check_shard(shard, std::to_string(shard.index) + "/" + std::to_string(shard.count));
  // Dealing by name rather than by position means every CI job computes the
  // same split even when their inventories list the hosts in another order.
  std::vector<std::size_t> by_name(hosts.size());
  std::iota(by_name.begin(), by_name.end(), std::size_t{0});
  std::stable_sort(by_name.begin(), by_name.end(),
                   [&](std::size_t a, std::size_t b) { return hosts[a].name < hosts[b].name; });
  std::vector<bool> mine(hosts.size(), false);
  const auto count = static_cast<std::size_t>(shard.count);
  const auto index = static_cast<std::size_t>(shard.index - 1);
  for (std::size_t rank = index; rank < by_name.size(); rank += count) mine[by_name[rank]] = true;
  std::vector<Host> kept;
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    if (mine[i]) kept.push_back(hosts[i]);
  }
  return kept;
}

}  // namespace iosctl::fleet
