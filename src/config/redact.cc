#include "iosctl/config/redact.h"

#include "iosctl/config/text.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iosctl::config {
namespace {

// What may stand between a rule's trigger and its secret.
enum class SkipKind : unsigned char { none, keyword, any_word, encryption_type };

struct Skip {
  SkipKind kind = SkipKind::none;
  std::string_view word;  // `keyword` only: the optional keyword
  std::size_t args = 0;   // `keyword` only: how many words follow it
};

// An optional `word` (with `args` words after it), skipped only when present.
constexpr Skip optional(std::string_view word, std::size_t args = 0) {
  return Skip{SkipKind::keyword, word, args};
}
// IOS writes the encryption type as one digit before the secret (0 clear, 5 MD5,
// 6 AES, 7 Vigenere, 8 PBKDF2, 9 scrypt) and keeps it in show running-config.
constexpr Skip kType{SkipKind::encryption_type, {}, 0};
constexpr Skip kWord{SkipKind::any_word, {}, 0};  // exactly one word, whatever it is
constexpr Skip kLevel = optional("level", 1);

// Where one kind of secret sits. A rule matches when the line (after a leading
// `no`) starts with `anchor`'s words, or any line when `anchor` is empty; the
// secret is the word after `trigger` (or after the anchor when there is no
// trigger) once `skips` have been skipped in order. Built with the chained
// setters below so that the table reads as data.
struct Rule {
  std::string_view anchor;   // words the line must start with; empty: any line
  std::string_view trigger;  // its first occurrence after anchor and gap; empty: none
  std::size_t gap = 0;       // words after the anchor never taken for the trigger (a user name)
  std::array<Skip, 5> skips{};
  std::array<std::string_view, 3> not_secret{};  // found in the secret's place: no secret here
  bool number_is_index = false;  // a bare number in the secret's place is an index, not a key
  bool to_end = false;           // the secret is the rest of the line (clear text may hold spaces)

  // The secret comes after `word`, looked for from `words_before` words past the anchor.
  constexpr Rule after(std::string_view word, std::size_t words_before = 0) const {
    Rule rule = *this;
    rule.trigger = word;
    rule.gap = words_before;
    return rule;
  }
  // More than skips.size() entries fail to compile: the copy leaves the array.
  constexpr Rule skipping(std::initializer_list<Skip> list) const {
    Rule rule = *this;
    std::copy(list.begin(), list.end(), rule.skips.begin());
    return rule;
  }
  // Any of `words` in the secret's place means the line holds no secret.
  constexpr Rule unless(std::initializer_list<std::string_view> words) const {
    Rule rule = *this;
    std::copy(words.begin(), words.end(), rule.not_secret.begin());
    return rule;
  }
  constexpr Rule numbers_are_indexes() const {
    Rule rule = *this;
    rule.number_is_index = true;
    return rule;
  }
  constexpr Rule rest_of_line() const {
    Rule rule = *this;
    rule.to_end = true;
    return rule;
  }
};

// A rule for lines starting with `words`; with `""`, for any line.
constexpr Rule starts(std::string_view words) {
  Rule rule;
  rule.anchor = words;
  return rule;
}
// A rule for a `trigger` word anywhere in the line.
constexpr Rule anywhere(std::string_view trigger) { return starts("").after(trigger); }

// rest_of_line() is used where IOS syntax makes the secret the last argument:
// Cisco's command references allow spaces in clear-text enable, user, line,
// BGP, RADIUS and TACACS+ passwords, so the whole tail is the secret.
// Deliberately absent: `key-hash ssh-rsa H` (the MD5 fingerprint of a public
// key) and the hex lines of public keys and certificates grant no access, and
// `tunnel key N` is a GRE demultiplexing id sent in clear in every packet.
constexpr std::array kRules{
    // enable [algorithm-type T] secret|password [level N] [type] SECRET
    starts("enable").after("secret").skipping({kLevel, kType}).rest_of_line(),
    starts("enable").after("password").skipping({kLevel, kType}).rest_of_line(),
    // username NAME [privilege N] [algorithm-type T] secret|password [type] SECRET
    starts("username").after("secret", 1).skipping({kType}).rest_of_line(),
    starts("username").after("password", 1).skipping({kType}).rest_of_line(),
    // line con/vty, dot1x credentials, l2tp-class: password [type] SECRET; but the global
    // `password encryption aes` turns type 6 on and holds no secret.
    starts("password").skipping({kType}).unless({"encryption"}).rest_of_line(),
    // snmp-server community COMMUNITY [view V] [RO|RW] [ACL]
    starts("snmp-server community"),
    // snmp-server user U G v3 [encrypted] auth sha AUTH [priv aes 128 PRIV] [access ACL]
    starts("snmp-server user").after("auth", 2).skipping({kWord}),
    starts("snmp-server user")
        .after("priv", 2)
        .skipping({kWord, optional("128"), optional("192"), optional("256")}),
    // snmp-server host H [vrf V] [informs|traps] [version 1|2c] COMMUNITY [udp-port P] ...;
    // after `version 3 auth|noauth|priv` comes a user name instead.
    starts("snmp-server host")
        .skipping({kWord, optional("vrf", 1), optional("informs"), optional("traps"),
                   optional("version", 1)})
        .unless({"auth", "noauth", "priv"}),
    // tacacs-server|radius-server [host H ...] key [type] KEY, and the same in server groups
    starts("tacacs-server").after("key").skipping({kType}).rest_of_line(),
    starts("radius-server").after("key").skipping({kType}).rest_of_line(),
    starts("server-private").after("key").skipping({kType}).rest_of_line(),
    starts("pac key").skipping({kType}).rest_of_line(),
    anywhere("server-key").skipping({kType}).rest_of_line(),
    // `key [type] KEY` in tacacs server / radius server / isakmp client group blocks;
    // `key N` in a key chain is the key's index, `key chain NAME` starts the chain.
    starts("key")
        .skipping({kType})
        .unless({"chain", "config-key"})
        .numbers_are_indexes()
        .rest_of_line(),
    // key config-key password-encrypt [MASTER], and the older key config-key 1 STRING
    starts("key config-key password-encrypt").rest_of_line(),
    starts("key config-key").skipping({kType}).unless({"password-encrypt"}).rest_of_line(),
    // key chain keys (first word), HSRP/VRRP/GLBP md5 (`... key-string 7 KEY timeout 30`)
    starts("key-string").skipping({kType}).rest_of_line(),
    anywhere("key-string").skipping({kType}),
    // standby|vrrp|glbp [G] authentication [text] KEY; `md5` leads to key-string or key-chain
    starts("standby").after("authentication").skipping({optional("text")}).unless({"md5"}),
    starts("vrrp").after("authentication").skipping({optional("text")}).unless({"md5"}),
    starts("glbp").after("authentication").skipping({optional("text")}).unless({"md5"}),
    // IKE: crypto isakmp key [type] KEY address A; keyrings: pre-shared-key address A key KEY,
    // IKEv2 pre-shared-key [local|remote] [type] KEY, authentication local pre-share key KEY
    starts("crypto isakmp key").skipping({kType}),
    starts("pre-shared-key").after("key").skipping({kType}).rest_of_line(),
    starts("pre-shared-key")
        .skipping({optional("local"), optional("remote"), kType})
        .unless({"address", "hostname", "ipv6"})
        .rest_of_line(),
    starts("authentication").after("pre-share").skipping({optional("key"), kType}).rest_of_line(),
    // PPP, L2TP, VTP, wireless
    starts("ppp chap password").skipping({kType}).rest_of_line(),
    starts("ppp pap sent-username").after("password", 1).skipping({kType}).rest_of_line(),
    starts("l2tp tunnel password").skipping({kType}).rest_of_line(),
    starts("vtp password").rest_of_line(),
    starts("wpa-psk").skipping({kWord, kType}).rest_of_line(),
    starts("security wpa psk set-key").skipping({kWord, kType}).rest_of_line(),
    // Routing protocols. NTP writes the type after the key: `ntp authentication-key 1 md5 K 7`.
    starts("ip ospf authentication-key").skipping({kType}).rest_of_line(),
    starts("area").after("authentication-key").skipping({kType}),
    anywhere("message-digest-key").skipping({kWord, kWord, kType}),
    starts("ipv6 ospf authentication ipsec spi").skipping({kWord, kWord, kType}).rest_of_line(),
    starts("ntp authentication-key").skipping({kWord, kWord}),
    starts("neighbor").after("password", 1).skipping({kType}).rest_of_line(),
    starts("isis password"),
    starts("area-password"),
    starts("domain-password"),
    starts("ip nhrp authentication").rest_of_line(),
    // file transfer clients
    starts("ip ftp password").skipping({kType}).rest_of_line(),
    starts("ip http client password").skipping({kType}).rest_of_line(),
};

// Free text whose words must not be read as commands (`description password reset desk`).
constexpr std::array<std::string_view, 2> kFreeTextCommands{"description", "remark"};

// Cheap pre-check: a line holding none of these cannot match any rule, so it is
// returned without being split into words. `://` announces a URL with a password.
constexpr std::array<std::string_view, 7> kFragments{"secret", "password", "key", "snmp-server",
                                                     "auth",   "psk",      "://"};

constexpr bool has_fragment(std::string_view text) {
  return std::any_of(kFragments.begin(), kFragments.end(), [text](std::string_view fragment) {
    return text.find(fragment) != std::string_view::npos;
  });
}

// Every rule needs its anchor and its trigger in the line, so one of the two
// must contain a fragment, or the fast path would skip lines the rule redacts.
constexpr bool fragments_cover_rules() {
  return std::all_of(kRules.begin(), kRules.end(), [](const Rule& rule) {
    return has_fragment(rule.anchor) || has_fragment(rule.trigger);
  });
}
static_assert(fragments_cover_rules(), "a rule is not covered by kFragments");

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

// Returns the index of the word `rule` finds the secret in, or words.size().
std::size_t find_secret(const Rule& rule, const Words& words, std::size_t first) {
  const std::size_t none = words.size();
  std::size_t i = match_anchor(rule.anchor, words, first);
  if (i > none) return none;
  if (!rule.trigger.empty()) {
    const auto from = words.begin() + static_cast<std::ptrdiff_t>(std::min(i + rule.gap, none));
    const auto trigger = std::find(from, words.end(), rule.trigger);
    if (trigger == words.end()) return none;
    i = static_cast<std::size_t>(trigger - words.begin()) + 1;
  }
  for (const Skip& skip : rule.skips) i = apply_skip(skip, words, i);
  if (i >= none) return none;
  const bool excluded =
      std::find(rule.not_secret.begin(), rule.not_secret.end(), words[i]) != rule.not_secret.end();
  if (excluded || (rule.number_is_index && is_number(words[i]))) return none;
  return i;
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

// Returns `line` with each of `ranges` (merged where they overlap) replaced by kRedacted.
std::string replace_ranges(std::string_view line, std::vector<Range> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(line.size() + kRedacted.size());
  std::size_t done = 0;
  for (std::size_t i = 0; i < ranges.size();) {
    std::size_t end = ranges[i].end;
    const std::size_t begin = ranges[i].begin;
    for (++i; i < ranges.size() && ranges[i].begin < end; ++i) end = std::max(end, ranges[i].end);
    out.append(line.substr(done, begin - done));
    out.append(kRedacted);
    done = end;
  }
  out.append(line.substr(done));
  return out;
}

}  // namespace

std::string redact_secrets(std::string_view line) {
  if (!has_fragment(line)) return std::string(line);
  const Words words = split_words(line);
  // `no` lines carry the same arguments (`no snmp-server community X RO`), so
  // the rules match after it.
  const std::size_t first = !words.empty() && words[0] == "no" ? 1 : 0;
  if (first >= words.size() || std::find(kFreeTextCommands.begin(), kFreeTextCommands.end(),
                                         words[first]) != kFreeTextCommands.end()) {
    return std::string(line);
  }
  std::vector<Range> ranges;
  for (const Rule& rule : kRules) {
    const std::size_t i = find_secret(rule, words, first);
    if (i < words.size()) {
      ranges.push_back(range_of(line, words[i], rule.to_end ? words.back() : words[i]));
    }
  }
  for (const std::string_view word : words) add_url_password(line, word, ranges);
  return ranges.empty() ? std::string(line) : replace_ranges(line, std::move(ranges));
}

std::string redact_output_line(std::string_view line) {
  std::size_t body = line.find_first_not_of(' ');
  if (body == std::string_view::npos) return std::string(line);
  if (line[body] == '+' || line[body] == '-') ++body;
  return std::string(line.substr(0, body)) + redact_secrets(line.substr(body));
}

}  // namespace iosctl::config
