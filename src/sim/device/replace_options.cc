#include "iosctl/sim/replace_options.h"

#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <vector>

namespace iosctl::sim {
namespace {

enum class Effect { none, force, list, ignorecase, nolock, error, minutes };

// One word an option state accepts, and the state after it.
struct Step {
  std::string_view from;
  std::string_view word;  // a keyword (any unique prefix), or `<1-120>`
  std::string_view to;
  Effect effect;
};

// The option grammar as data. `more` lies between options; `error` (after
// `revert trigger error`) takes what `more` takes and also `timer N`, for
// napalm's `revert trigger error timer N` (IOS_BEHAVIOR.md 7).
constexpr Step kSteps[] = {
    {"more", "force", "more", Effect::force},
    {"more", "list", "more", Effect::list},
    {"more", "ignorecase", "more", Effect::ignorecase},
    {"more", "nolock", "more", Effect::nolock},
    {"more", "time", "minutes", Effect::none},
    {"more", "revert", "revert", Effect::none},
    {"revert", "trigger", "trigger", Effect::none},
    {"revert", "timer", "minutes", Effect::none},
    {"trigger", "error", "error", Effect::error},
    {"trigger", "timer", "minutes", Effect::none},
    {"error", "timer", "minutes", Effect::none},
    {"minutes", "<1-120>", "more", Effect::minutes},
};

constexpr long kMaxMinutes = 120;

std::vector<const Step*> steps_from(std::string_view state) {
  std::vector<const Step*> out;
  for (const Step& s : kSteps) {
    if (s.from == state || (state == "error" && s.from == "more")) out.push_back(&s);
  }
  return out;
}

bool accepts(const Step& step, std::string_view token) {
  if (step.word.front() != '<') return iprefix(token, step.word);
  return is_number(token) && token.size() < 4 && std::stol(std::string(token)) >= 1 &&
         std::stol(std::string(token)) <= kMaxMinutes;
}

void apply(const Step& step, std::string_view token, ReplaceRequest& r) {
  switch (step.effect) {
    case Effect::force:
      r.force = true;
      break;
    case Effect::list:
      r.list = true;
      break;
    case Effect::ignorecase:
      r.ignorecase = true;
      break;
    case Effect::nolock:
      r.nolock = true;
      break;
    case Effect::error:
      r.revert_on_error = true;
      break;
    case Effect::minutes:
      r.timer_minutes = std::stoi(std::string(token));
      break;
    case Effect::none:
      break;
  }
}

// Picks the step `token` takes: an exact keyword wins over prefixes.
const Step* choose(const std::vector<const Step*>& steps, std::string_view token, bool& ambiguous) {
  const Step* found = nullptr;
  int count = 0;
  for (const Step* s : steps) {
    if (!accepts(*s, token)) continue;
    if (s->word.size() == token.size()) return s;
    found = s;
    ++count;
  }
  ambiguous = count > 1;
  return ambiguous ? nullptr : found;
}

std::size_t known_prefix(const std::vector<const Step*>& steps, std::string_view token) {
  std::size_t best = 0;
  for (const Step* s : steps) {
    if (s->word.front() != '<') best = std::max(best, common_prefix(token, s->word));
  }
  return best;
}

}  // namespace

ParsedOptions parse_replace_options(std::string_view line, std::size_t from) {
  ParsedOptions out;
  std::string_view state = "more";
  const std::string_view options = line.substr(std::min(from, line.size()));
  for (std::string_view token : split_words(options)) {
    const std::size_t at = from + static_cast<std::size_t>(token.data() - options.data());
    const std::vector<const Step*> steps = steps_from(state);
    bool ambiguous = false;
    const Step* step = choose(steps, token, ambiguous);
    if (!step) {
      out.status = ambiguous ? MatchStatus::ambiguous : MatchStatus::invalid;
      out.column = at + (ambiguous ? 0 : known_prefix(steps, token));
      return out;
    }
    apply(*step, token, out.request);
    state = step->to;
  }
  if (state != "more" && state != "error") out.status = MatchStatus::incomplete;
  return out;
}

}  // namespace iosctl::sim
