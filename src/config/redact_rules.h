#pragma once

// The table behind config::redact_secrets: what may stand between a keyword
// and its secret, and where each kind of secret sits (docs/secrets.md lists
// the kinds). Private to src/config/redact*.cc.

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string_view>

namespace iosctl::config::redact_rules {

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
inline constexpr Skip kType{SkipKind::encryption_type, {}, 0};
inline constexpr Skip kWord{SkipKind::any_word, {}, 0};  // exactly one word, whatever it is
inline constexpr Skip kLevel = optional("level", 1);

// Where one kind of secret sits. A command rule matches when the line (after
// a leading `no`) starts with `anchor`'s words; a keyword rule (empty anchor)
// at every occurrence of `trigger` that no command rule has claimed. The
// secret is the word after the trigger (or after the anchor when there is no
// trigger) once `skips` have been skipped in order. Built with the chained
// setters below so that the tables read as data.
struct Rule {
  std::string_view anchor;   // words the line must start with; empty: a keyword rule
  std::string_view trigger;  // its first occurrence after anchor and gap; empty: none
  std::size_t gap = 0;       // words after the anchor never taken for the trigger (a user name)
  std::array<Skip, 5> skips{};
  std::array<std::string_view, 14> not_secret{};  // found in the secret's place: no secret here
  std::array<std::string_view, 3> not_after{};    // the word before the trigger: not a keyword
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
  // The trigger right after any of `words` is part of another command (`crypto key`).
  constexpr Rule unless_after(std::initializer_list<std::string_view> words) const {
    Rule rule = *this;
    std::copy(words.begin(), words.end(), rule.not_after.begin());
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

// A rule for lines starting with `words`.
constexpr Rule starts(std::string_view words) {
  Rule rule;
  rule.anchor = words;
  return rule;
}

// Rules for lines starting with given words, tried first.
std::span<const Rule> command_rules();
// Rules for a keyword anywhere in a line, tried where no command rule took it.
std::span<const Rule> keyword_rules();
// Words that name an algorithm followed by its key after `ipsec spi N`.
std::span<const std::string_view> ipsec_algorithms();

// Cheap pre-check: a line holding none of these cannot match any rule, so it is
// returned without being split into words. `://` announces a URL with a password.
inline constexpr std::array<std::string_view, 9> kFragments{
    "secret", "password", "key", "snmp", "auth", "psk", "community", "ipsec", "://"};

constexpr bool has_fragment(std::string_view text) {
  return std::any_of(kFragments.begin(), kFragments.end(), [text](std::string_view fragment) {
    return text.find(fragment) != std::string_view::npos;
  });
}

}  // namespace iosctl::config::redact_rules
