#include "iosctl/config/risky_transitions.h"

#include "iosctl/config/text.h"

#include <array>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace iosctl::config {
namespace {

using Found = std::vector<RiskyTransition>;

constexpr std::string_view kSecondary = " secondary";
constexpr std::string_view kNonegotiate = "switchport nonegotiate";

bool is_ip_address(const Node& n) { return n.text.starts_with("ip address "); }

// The interface's primary address line (`ip address A M`, `ip address dhcp`), if any.
const Node* primary_address(const Node& interface) {
  for (const Node& child : interface.children) {
    if (is_ip_address(child) && !child.text.ends_with(kSecondary)) return &child;
  }
  return nullptr;
}

bool has_secondary(const Node& interface) {
  for (const Node& child : interface.children) {
    if (is_ip_address(child) && child.text.ends_with(kSecondary)) return true;
  }
  return false;
}

// The first child whose text starts with `prefix`, if any.
const Node* child_starting(const Node& parent, std::string_view prefix) {
  for (const Node& child : parent.children) {
    if (child.text.starts_with(prefix)) return &child;
  }
  return nullptr;
}

RiskyTransition flag(const Node& interface, const Node& line, ConfigSide side,
                     std::string explanation) {
  return {{interface.text}, line.text, side, line.line, std::move(explanation)};
}

// (a) Replacing or removing a primary address means `no ip address A M`
// first, which IOS refuses while secondaries remain on the interface; the
// replace then fails (or reverts) on that line.
void check_primary(const Node& running, const Node& candidate, Found& found) {
  const Node* before = primary_address(running);
  if (!before || !has_secondary(running)) return;
  const Node* after = primary_address(candidate);
  if (after && after->text == before->text) return;
  found.push_back(flag(running, *before, ConfigSide::running,
                       "IOS will not change or remove a primary address while the interface "
                       "has secondaries: remove the secondaries in a first commit, then change "
                       "the primary"));
}

// (b) IOS_BEHAVIOR 7.4 (napalm #1009): with `switchport nonegotiate` set, the
// replace's `no switchport mode access` is rejected with "An interface must
// be configured to the Access or Trunk modes to be configured to NoNegotiate".
void check_nonegotiate(const Node& running, const Node& candidate, Found& found) {
  const Node* mode_before = child_starting(running, "switchport mode ");
  const Node* mode_after = child_starting(candidate, "switchport mode ");
  const std::string_view before = mode_before ? std::string_view(mode_before->text) : "";
  const std::string_view after = mode_after ? std::string_view(mode_after->text) : "";
  if (before == after) return;
  const Node* in_candidate = child_starting(candidate, kNonegotiate);
  const Node* in_running = child_starting(running, kNonegotiate);
  if (!in_candidate && !in_running) return;
  found.push_back(flag(in_candidate ? candidate : running,
                       in_candidate ? *in_candidate : *in_running,
                       in_candidate ? ConfigSide::candidate : ConfigSide::running,
                       "IOS rejects a `switchport mode` change while `switchport nonegotiate` "
                       "is set: remove `switchport nonegotiate` in a first commit, then change "
                       "the mode (and set it again) in a second"));
}

// An `exit-*` line and the start of the block it closes.
struct ExitRule {
  std::string_view exit;
  std::string_view opener;
};

// The named-mode (EIGRP, service-family) and BGP template sub-modes that
// print a closing `exit-*` line in `show running-config`.
constexpr std::array<ExitRule, 8> kExitRules = {{
    {"exit-address-family", "address-family "},
    {"exit-af-interface", "af-interface "},
    {"exit-af-topology", "topology "},
    {"exit-service-family", "service-family "},
    {"exit-sf-interface", "sf-interface "},
    {"exit-sf-topology", "topology "},
    {"exit-peer-policy", "template peer-policy "},
    {"exit-peer-session", "template peer-session "},
}};

const ExitRule* exit_rule(std::string_view text) {
  for (const ExitRule& rule : kExitRules) {
    if (text == rule.exit) return &rule;
  }
  return nullptr;
}

bool inside(const std::vector<std::string>& path, std::string_view opener) {
  for (const std::string& parent : path) {
    if (parent.starts_with(opener)) return true;
  }
  return false;
}

std::string misplaced(const ExitRule& rule) {
  return "`" + std::string(rule.exit) +
         "` sits inside the block it closes, where replace fails on it: indent it to the "
         "level of the `" +
         std::string(trim_right(rule.opener)) +
         "` line, after the block, as `show running-config` does";
}

// (c) `show running-config` prints `exit-af-interface` one level out, after
// the block it closes, where replace matches it as a sibling line. Written
// inside that block, the line is typed in the block's own mode as a command
// and fails there.
void check_exits(const std::vector<Node>& nodes, std::vector<std::string>& path, Found& found) {
  for (const Node& node : nodes) {
    const ExitRule* rule = exit_rule(node.text);
    if (rule && inside(path, rule->opener)) {
      found.push_back({path, node.text, ConfigSide::candidate, node.line, misplaced(*rule)});
    }
    path.push_back(node.text);
    check_exits(node.children, path, found);
    path.pop_back();
  }
}

// (d) Not a replace failure but a trap after it: auto-rollback, confirmed
// commits and `iosctl rollback` of every later change need `archive`.
void check_archive_kept(const Config& running, const Config& candidate, Found& found) {
  const auto archive = [](const Config& c) -> const Node* {
    for (const Node& node : c.children) {
      if (node.text == "archive") return &node;
    }
    return nullptr;
  };
  const Node* before = archive(running);
  if (!before || archive(candidate)) return;
  found.push_back({{},
                   before->text,
                   ConfigSide::running,
                   before->line,
                   "the candidate removes `archive`: later commits then cannot auto-rollback "
                   "or be confirmed, and a failed one cannot be undone by the device; keep the "
                   "`archive` block unless that is meant"});
}

}  // namespace

std::vector<RiskyTransition> find_risky_transitions(const Config& running,
                                                    const Config& candidate) {
  std::unordered_map<std::string_view, const Node*> interfaces;
  for (const Node& node : running.children) {
    if (node.text.starts_with("interface ")) interfaces.emplace(node.text, &node);
  }
  Found found;
  for (const Node& node : candidate.children) {
    const auto it = interfaces.find(node.text);
    if (it == interfaces.end()) continue;
    check_primary(*it->second, node, found);
    check_nonegotiate(*it->second, node, found);
  }
  std::vector<std::string> path;
  check_exits(candidate.children, path, found);
  check_archive_kept(running, candidate, found);
  return found;
}

}  // namespace iosctl::config
