#include "iosctl/config/redact.h"

#include "iosctl/config/text.h"
#include "redact_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iosctl::config {
namespace {

using redact_rules::Rule;
using redact_rules::Skip;
using redact_rules::SkipKind;

// Free text whose words must not be read as commands (`description password reset desk`).
constexpr std::array<std::string_view, 2> kFreeTextCommands{"description", "remark"};

// IOS prints a line that `configure replace` could not apply after this
// (IOS_BEHAVIOR 7.3), with the line's own indentation.
constexpr std::string_view kFailedCommand = "Failed to apply command ";

using Words = std::vector<std::string_view>;

// Returns the index just past `anchor`'s words if `words` continue with them
// from `first`, else words.size() + 1.
std::size_t match_anchor(std::string_view anchor, const Words& words, std::size_t first) {
  const std::size_t no_match = words.size() + 1;
  std::size_t i = first;
  while (!anchor.empty()) {
    const std::size_t space = anchor.find(' ');
    const std::string_view word = anchor.substr(0, space);
    if (i >= words.size() || words[i] != word) return no_match;
    ++i;
    anchor = space == std::string_view::npos ? std::string_view{} : anchor.substr(space + 1);
  }
  return i;
}

// Returns the index after applying `skip` at `i`. An optional word is skipped
// only when a word is left after it, so that a lone last word is the secret.
std::size_t apply_skip(const Skip& skip, const Words& words, std::size_t i) {
  if (i >= words.size()) return i;
  const std::size_t left = words.size() - i;
  switch (skip.kind) {
    case SkipKind::none:
      return i;
    case SkipKind::any_word:
      return i + 1;
    case SkipKind::encryption_type:
      return left >= 2 && words[i].size() == 1 && is_number(words[i]) ? i + 1 : i;
    case SkipKind::keyword:
      return left >= skip.args + 2 && words[i] == skip.word ? i + 1 + skip.args : i;
  }
  return i;
}

// Returns the index of the secret once `rule`'s skips are applied from `i`
// (the word after its trigger), or words.size() when the line holds none there.
std::size_t secret_after(const Rule& rule, const Words& words, std::size_t i) {
  const std::size_t none = words.size();
  for (const Skip& skip : rule.skips) i = apply_skip(skip, words, i);
  if (i >= none) return none;
  const bool excluded =
      std::find(rule.not_secret.begin(), rule.not_secret.end(), words[i]) != rule.not_secret.end();
  if (excluded || (rule.number_is_index && is_number(words[i]))) return none;
  return i;
}

// Where a command rule found its secret, and the words it claims: a keyword
// rule must not read the same keyword again (`ip msdp password peer P 0 S`
// holds the secret after the peer, not after `password`).
struct Match {
  std::size_t secret;
  std::size_t anchor_last;
  std::size_t trigger;
};

// Returns where command `rule` finds the secret in `words`, if it does.
std::optional<Match> find_secret(const Rule& rule, const Words& words, std::size_t first) {
  const std::size_t none = words.size();
  std::size_t i = match_anchor(rule.anchor, words, first);
  if (i > none) return std::nullopt;
  Match match{none, i == first ? first : i - 1, none};
  if (!rule.trigger.empty()) {
    const auto from = words.begin() + static_cast<std::ptrdiff_t>(std::min(i + rule.gap, none));
    const auto trigger = std::find(from, words.end(), rule.trigger);
    if (trigger == words.end()) return std::nullopt;
    match.trigger = static_cast<std::size_t>(trigger - words.begin());
    i = match.trigger + 1;
  }
  match.secret = secret_after(rule, words, i);
  if (match.secret >= none) return std::nullopt;
  return match;
}

struct Range {
  std::size_t begin;
  std::size_t end;
};

Range range_of(std::string_view line, std::string_view first, std::string_view last) {
  const auto begin = static_cast<std::size_t>(first.data() - line.data());
  const auto end = static_cast<std::size_t>(last.data() - line.data()) + last.size();
  return {begin, end};
}

// The keys after `ipsec spi N`: each algorithm's key (redact_rules::ipsec_algorithms).
void add_ipsec_keys(std::string_view line, const Words& words, std::vector<Range>& out) {
  const std::span<const std::string_view> algorithms = redact_rules::ipsec_algorithms();
  const auto is_algorithm = [&](std::string_view word) {
    return std::find(algorithms.begin(), algorithms.end(), word) != algorithms.end();
  };
  for (std::size_t spi = 1; spi + 1 < words.size(); ++spi) {
    if (words[spi] != "spi" || words[spi - 1] != "ipsec") continue;
    for (std::size_t i = spi + 2; i < words.size(); ++i) {
      if (!is_algorithm(words[i])) continue;
      std::size_t key = i + 1;
      if (key + 1 < words.size() &&
          (words[key] == "128" || words[key] == "192" || words[key] == "256")) {
        ++key;
      }
      if (key + 1 < words.size() && words[key].size() == 1 && is_number(words[key])) ++key;
      if (key < words.size() && !is_algorithm(words[key]) && words[key] != "null") {
        out.push_back(range_of(line, words[key], words[key]));
        i = key;
      }
    }
    return;
  }
}

// The password in a URL's user info (`ftp://user:PASSWORD@host/path`), as used by
// `archive path`, `boot system` and `kron` commands.
void add_url_password(std::string_view line, std::string_view word, std::vector<Range>& out) {
  const std::size_t scheme = word.find("://");
  if (scheme == std::string_view::npos) return;
  const std::string_view rest = word.substr(scheme + 3);
  const std::string_view authority = rest.substr(0, rest.find('/'));
  const std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return;
  const std::size_t colon = authority.substr(0, at).find(':');
  if (colon == std::string_view::npos || colon + 1 == at) return;
  const std::string_view password = authority.substr(colon + 1, at - colon - 1);
  out.push_back(range_of(line, password, password));
}

// Returns `ranges` sorted, those that overlap merged into one.
std::vector<Range> merged(std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::vector<Range> out;
  for (const Range& range : ranges) {
    if (!out.empty() && range.begin < out.back().end) {
      out.back().end = std::max(out.back().end, range.end);
    } else {
      out.push_back(range);
    }
  }
  return out;
}

// Returns `line` with each of `ranges` (sorted, apart) replaced by kRedacted.
std::string replace_ranges(std::string_view line, const std::vector<Range>& ranges) {
  std::string out;
  out.reserve(line.size() + kRedacted.size());
  std::size_t done = 0;
  for (const Range& range : ranges) {
    out.append(line.substr(done, range.begin - done));
    out.append(kRedacted);
    done = range.end;
  }
  out.append(line.substr(done));
  return out;
}

// Returns where the secrets of configuration line `line` lie, sorted and apart.
std::vector<Range> secret_ranges(std::string_view line) {
  if (!redact_rules::has_fragment(line)) return {};
  const Words words = split_words(line);
  // `no` lines carry the same arguments (`no snmp-server community X RO`), so
  // the rules match after it.
  const std::size_t first = !words.empty() && words[0] == "no" ? 1 : 0;
  if (first >= words.size() || std::find(kFreeTextCommands.begin(), kFreeTextCommands.end(),
                                         words[first]) != kFreeTextCommands.end()) {
    return {};
  }
  std::vector<Range> ranges;
  std::vector<std::size_t> claimed;
  const auto add = [&](const Rule& rule, std::size_t secret) {
    ranges.push_back(range_of(line, words[secret], rule.to_end ? words.back() : words[secret]));
  };
  for (const Rule& rule : redact_rules::command_rules()) {
    if (const std::optional<Match> match = find_secret(rule, words, first)) {
      add(rule, match->secret);
      claimed.push_back(match->anchor_last);
      claimed.push_back(match->trigger);
    }
  }
  for (const Rule& rule : redact_rules::keyword_rules()) {
    for (std::size_t at = first; at < words.size(); ++at) {
      if (words[at] != rule.trigger ||
          std::find(claimed.begin(), claimed.end(), at) != claimed.end()) {
        continue;
      }
      if (at > first && std::find(rule.not_after.begin(), rule.not_after.end(), words[at - 1]) !=
                            rule.not_after.end()) {
        continue;
      }
      const std::size_t secret = secret_after(rule, words, at + 1);
      if (secret < words.size()) add(rule, secret);
    }
  }
  add_ipsec_keys(line, words, ranges);
  for (const std::string_view word : words) add_url_password(line, word, ranges);
  return merged(std::move(ranges));
}

// Returns the offset where the command starts in `line`, a line of device
// output, of a diff or of a session log: past the indentation, a diff sign,
// a prompt (`r1(config)#`) and IOS's `Failed to apply command ` prefix.
std::size_t command_start(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) return line.size();
  if (line[i] == '+' || line[i] == '-') ++i;
  std::size_t j = i;
  const auto host_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
  };
  while (j < line.size() && host_char(line[j])) ++j;
  if (j > i && j < line.size() && line[j] == '(') {
    const std::size_t close = line.find(')', j);
    if (close != std::string_view::npos &&
        line.substr(j, close - j).find(' ') == std::string_view::npos) {
      j = close + 1;
    }
  }
  if (j > i && j + 1 < line.size() && (line[j] == '#' || line[j] == '>')) i = j + 1;
  const std::size_t text = line.find_first_not_of(' ', i);
  if (text != std::string_view::npos && line.substr(text).starts_with(kFailedCommand)) {
    i = text + kFailedCommand.size();
  }
  return i;
}

}  // namespace

std::string redact_secrets(std::string_view line) {
  const std::vector<Range> ranges = secret_ranges(line);
  return ranges.empty() ? std::string(line) : replace_ranges(line, ranges);
}

std::vector<std::string> secrets_in_line(std::string_view line) {
  std::vector<std::string> secrets;
  for (const Range& range : secret_ranges(line)) {
    secrets.emplace_back(line.substr(range.begin, range.end - range.begin));
  }
  return secrets;
}

std::string redact_line(std::string_view line) {
  const std::size_t start = command_start(line);
  return std::string(line.substr(0, start)) + redact_secrets(line.substr(start));
}

std::string redact_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += redact_line(text.substr(start, end - start));
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace iosctl::config
