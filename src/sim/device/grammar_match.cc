#include "iosctl/sim/grammar.h"
#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

namespace iosctl::sim {
namespace {

// Interface types in the order IOS resolves an abbreviation (`t0` is
// Tunnel0 before TenGigabitEthernet0, `e0/0` is Ethernet0/0).
constexpr std::string_view kInterfaceTypes[] = {
    "GigabitEthernet",
    "FastEthernet",
    "Ethernet",
    "Loopback",
    "Tunnel",
    "TenGigabitEthernet",
    "TwentyFiveGigE",
    "FortyGigabitEthernet",
    "HundredGigE",
    "Vlan",
    "Port-channel",
    "Serial",
    "BDI",
    "Dialer",
    "Virtual-Template",
    "Null",
    "AppGigabitEthernet",
    "Multilink",
    "Virtual-PortGroup",
    "VirtualPortGroup",
};

Match failure(MatchStatus status, std::size_t column) {
  Match m;
  m.status = status;
  m.column = column;
  return m;
}

struct Token {
  std::string_view text;
  std::size_t start = 0;
};

std::vector<Token> tokenize(std::string_view line) {
  std::vector<Token> tokens;
  for (std::string_view word : split_words(line)) {
    tokens.push_back({word, static_cast<std::size_t>(word.data() - line.data())});
  }
  return tokens;
}

bool is_ipv4(std::string_view text) {
  const auto parts = split(text, '.');
  if (parts.size() != 4) return false;
  for (std::string_view p : parts) {
    if (!is_number(p) || p.size() > 3 || std::stoi(std::string(p)) > 255) return false;
  }
  return true;
}

bool in_range(const GrammarNode& node, std::string_view text) {
  if (!is_number(text) || text.size() > 18) return false;
  const long long value = std::stoll(std::string(text));
  return value >= node.low && value <= node.high;
}

// A way to read the next token(s) at a node.
struct Candidate {
  const GrammarNode* node;
  std::string word;
  std::size_t consumed = 1;
  bool negate = false;  // the virtual `no` keyword at the root
};

class Matcher {
 public:
  Matcher(std::string_view line, const GrammarNode& root, bool allow_no)
      : line_(line), tokens_(tokenize(line)), root_(root), allow_no_(allow_no) {}

  Match run() {
    if (tokens_.empty()) return failure(MatchStatus::incomplete, line_.size());
    return descend(root_, 0);
  }

 private:
  Match descend(const GrammarNode& node, std::size_t i) {
    if (i == tokens_.size()) return finish(node);
    bool ambiguous = false;
    const std::vector<Candidate> candidates = candidates_at(node, i, ambiguous);
    if (ambiguous) return failure(MatchStatus::ambiguous, tokens_[i].start);
    if (candidates.empty()) {
      return failure(MatchStatus::invalid, tokens_[i].start + known_prefix(node, tokens_[i].text));
    }
    // Several readings can fail; IOS reports the one that got furthest.
    Match best = failure(MatchStatus::invalid, 0);
    bool have_best = false;
    for (const Candidate& c : candidates) {
      Match m = try_candidate(c, i);
      if (m.status == MatchStatus::ok) return m;
      if (!have_best || m.column > best.column) best = std::move(m);
      have_best = true;
    }
    return best;
  }

  Match try_candidate(const Candidate& c, std::size_t i) {
    if (c.negate) {
      negated_ = true;
      Match m = descend(root_, i + 1);
      if (m.status != MatchStatus::ok) negated_ = false;
      return m;
    }
    words_.push_back(c.word);
    starts_.push_back(tokens_[i].start);
    const std::size_t next = c.node->kind == TokenKind::rest ? tokens_.size() : i + c.consumed;
    Match m = descend(*c.node, next);
    if (m.status != MatchStatus::ok) {
      words_.pop_back();
      starts_.pop_back();
    }
    return m;
  }

  Match finish(const GrammarNode& node) {
    const CommandSpec* spec = node.command.get();
    if (spec && spec->no_only && !negated_) spec = nullptr;
    if (!spec && negated_) spec = node.no_command.get();
    if (!spec) return failure(MatchStatus::incomplete, line_.size());
    Match m = failure(MatchStatus::ok, 0);
    m.command = spec;
    m.negated = negated_;
    m.words = words_;
    m.starts = starts_;
    return m;
  }

  std::vector<Candidate> candidates_at(const GrammarNode& node, std::size_t i, bool& ambiguous) {
    const std::string_view t = tokens_[i].text;
    std::vector<Candidate> keywords;
    std::vector<Candidate> params;
    if (&node == &root_ && allow_no_ && !negated_ && iprefix(t, "no")) {
      keywords.push_back({&node, "no", 1, true});
      if (t.size() == 2) return keywords;
    }
    for (const auto& child : node.children) {
      if (child->kind == TokenKind::keyword) {
        if (!iprefix(t, child->text)) continue;
        if (t.size() == child->text.size()) return {{child.get(), child->text}};
        keywords.push_back({child.get(), child->text});
      } else {
        add_param(*child, i, params);
      }
    }
    if (keywords.size() > 1) {
      ambiguous = params.empty();
      return params;
    }
    keywords.insert(keywords.end(), params.begin(), params.end());
    return keywords;
  }

  void add_param(const GrammarNode& child, std::size_t i, std::vector<Candidate>& out) const {
    const std::string_view t = tokens_[i].text;
    switch (child.kind) {
      case TokenKind::word:
        out.push_back({&child, std::string(t)});
        return;
      case TokenKind::number:
        if (in_range(child, t)) out.push_back({&child, std::string(t)});
        return;
      case TokenKind::ipv4:
        if (is_ipv4(t)) out.push_back({&child, std::string(t)});
        return;
      case TokenKind::url:
        if (t.find(':') != std::string_view::npos && t.front() != ':') {
          out.push_back({&child, std::string(t)});
        }
        return;
      case TokenKind::rest:
        out.push_back({&child, std::string(trim_view(line_.substr(tokens_[i].start)))});
        return;
      case TokenKind::ifname:
        return add_interface(child, i, out);
      case TokenKind::keyword:
        return;
    }
  }

  // `interface Gi1` and `interface GigabitEthernet 1` name the same thing.
  void add_interface(const GrammarNode& child, std::size_t i, std::vector<Candidate>& out) const {
    std::string name = canonical_interface(tokens_[i].text);
    if (!name.empty()) {
      out.push_back({&child, name});
      return;
    }
    if (i + 1 < tokens_.size()) {
      name = canonical_interface(std::string(tokens_[i].text) + std::string(tokens_[i + 1].text));
      if (!name.empty()) out.push_back({&child, name, 2});
    }
  }

  std::size_t known_prefix(const GrammarNode& node, std::string_view t) const {
    std::size_t best = 0;
    for (const auto& child : node.children) {
      if (child->kind != TokenKind::keyword) continue;
      const std::size_t n = common_prefix(t, child->text);
      if (n > best) best = n;
    }
    if (&node == &root_ && allow_no_ && !negated_) best = std::max(best, common_prefix(t, "no"));
    return best;
  }

  std::string_view line_;
  std::vector<Token> tokens_;
  const GrammarNode& root_;
  bool allow_no_;
  bool negated_ = false;
  std::vector<std::string> words_;
  std::vector<std::size_t> starts_;
};

}  // namespace

Match Grammar::match(std::string_view mode, std::string_view line, bool allow_no) const {
  const auto it = modes_.find(mode);
  if (it == modes_.end()) return failure(MatchStatus::invalid, 0);
  return Matcher(line, *it->second, allow_no).run();
}

std::string canonical_interface(std::string_view typed) {
  std::size_t split_at = 0;
  while (split_at < typed.size() &&
         (std::isalpha(static_cast<unsigned char>(typed[split_at])) || typed[split_at] == '-')) {
    ++split_at;
  }
  const std::string_view type = typed.substr(0, split_at);
  const std::string_view number = typed.substr(split_at);
  if (type.empty() || number.empty() || number.front() < '0' || number.front() > '9') return "";
  for (char c : number) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '/' && c != '.' && c != ':') return "";
  }
  for (std::string_view known : kInterfaceTypes) {
    if (iprefix(type, known)) return std::string(known) + std::string(number);
  }
  return "";
}

}  // namespace iosctl::sim
