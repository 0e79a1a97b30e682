#pragma once

#include "iosctl/dialog/profile.h"
#include "iosctl/error.h"

#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::dialog {

// Where a prompt says the session is.
enum class Mode { unknown, user_exec, privileged_exec, config };

// Returns the mode's name for messages: "user EXEC", "privileged EXEC", "config", "unknown".
std::string_view mode_name(Mode mode);

// One recognised prompt.
struct Prompt {
  std::string text;  // the prompt line as shown: "r1(config-if)#"
  std::string host;  // its host part: "r1", "admin@r1", "RP/0/RP0/CPU0:xr1"
  Mode mode = Mode::unknown;
  std::string sub_mode;  // config level as shown ("config-if", "interfaces ge-0/0/0"); may be empty
};

// True if host parts `a` and `b` name the same device: equal, or both at
// least `limit` characters long and equal in their first `limit` (IOS shows
// only the first 20 characters of the hostname in config prompts). 0: no limit.
bool same_host(std::string_view a, std::string_view b, std::size_t limit);

// A platform's prompt, pager and question patterns, compiled once. Pure: it
// only looks at the (short) lines it is given.
class PromptRules {
 public:
  // Compiles `profile`'s patterns; throws Error{Failure::internal} naming the bad one.
  explicit PromptRules(const PlatformProfile& profile);

  // Returns the prompt shown by the visible `line` (`previous`: the line
  // above it, for two-line prompts), or nullopt if `line` is not a prompt.
  std::optional<Prompt> parse(std::string_view line, std::string_view previous) const;
  // True if the visible `line` is the upper line of a two-line prompt.
  bool is_context_line(std::string_view line) const;
  // True if hosts `a` and `b` are the same device on this platform (see same_host).
  bool same_host(std::string_view a, std::string_view b) const;
  // True if the visible `line` is the pager waiting for a key.
  bool is_paging(std::string_view line) const;
  // Returns the index of the first of the platform's answers whose question
  // the visible `line` ends with.
  std::optional<std::size_t> find_question(std::string_view line) const;
  // The platform's answers, in the order find_question tries them.
  const std::vector<Answer>& answers() const { return answers_; }

 private:
  std::size_t config_host_limit_;
  std::string user_marks_;
  std::string config_marks_;
  std::regex prompt_;
  std::optional<std::regex> context_;
  std::optional<std::regex> paging_;
  std::vector<Answer> answers_;
  std::vector<std::regex> questions_;
};

// Compiles `pattern` (ECMAScript); throws Error{`failure`} naming `what` and
// the pattern if it is not a valid regex.
std::regex compile_pattern(std::string_view pattern, std::string_view what,
                           Failure failure = Failure::internal);

}  // namespace iosctl::dialog
