#include "iosctl/dialog/prompt_rules.h"

namespace iosctl::dialog {
namespace {

// Longest line treated as a possible prompt, pager or question; anything
// longer is output. IOS hostnames are at most 63 characters and sub-mode
// names short, and the longest known question fits easily.
constexpr std::size_t kMaxPromptLine = 512;

bool matches(const std::regex& pattern, std::string_view line) {
  return std::regex_search(line.begin(), line.end(), pattern);
}

}  // namespace

std::string_view mode_name(Mode mode) {
  switch (mode) {
    case Mode::user_exec:
      return "user EXEC";
    case Mode::privileged_exec:
      return "privileged EXEC";
    case Mode::config:
      return "config";
    case Mode::unknown:
      break;
  }
  return "unknown";
}

bool same_host(std::string_view a, std::string_view b, std::size_t limit) {
  if (a == b) return true;
  if (limit == 0 || a.size() < limit || b.size() < limit) return false;
  return a.substr(0, limit) == b.substr(0, limit);
}

std::regex compile_pattern(std::string_view pattern, std::string_view what, Failure failure) {
  try {
    return std::regex(pattern.begin(), pattern.end(), std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    throw Error(failure, "invalid regular expression for " + std::string(what) + " '" +
                             std::string(pattern) + "' (" + e.what() + "); fix the pattern");
  }
}

PromptRules::PromptRules(const PlatformProfile& profile)
    : config_host_limit_(profile.config_host_limit),
      user_marks_(profile.user_marks),
      config_marks_(profile.config_marks),
      prompt_(compile_pattern(profile.prompt_line, profile.name + " prompt_line")),
      answers_(profile.answers) {
  if (!profile.context_line.empty()) {
    context_ = compile_pattern(profile.context_line, profile.name + " context_line");
  }
  if (!profile.paging_line.empty()) {
    paging_ = compile_pattern(profile.paging_line, profile.name + " paging_line");
  }
  for (const Answer& answer : answers_) {
    questions_.push_back(compile_pattern(answer.question, profile.name + " answer"));
  }
}

std::optional<Prompt> PromptRules::parse(std::string_view line, std::string_view previous) const {
  if (line.empty() || line.size() > kMaxPromptLine) return std::nullopt;
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(line.begin(), line.end(), m, prompt_) || m.size() != 4) {
    return std::nullopt;
  }
  Prompt prompt{std::string(line), m[1].str(), Mode::privileged_exec, m[2].str()};
  const char mark = m[3].length() > 0 ? *m[3].first : '\0';
  std::match_results<std::string_view::const_iterator> c;
  const bool context = context_ && previous.size() <= kMaxPromptLine &&
                       std::regex_match(previous.begin(), previous.end(), c, *context_);
  if (!prompt.sub_mode.empty()) {
    prompt.mode = Mode::config;  // IOS style: the level is in the prompt, `r1(config-if)#`
  } else if (context && c[1].matched) {
    prompt.mode = Mode::config;  // Junos and SR OS: the level is on the line above
    prompt.sub_mode = c[1].str();
  } else if (mark != '\0' && config_marks_.find(mark) != std::string::npos) {
    prompt.mode = Mode::config;
  } else if (mark != '\0' && user_marks_.find(mark) != std::string::npos) {
    prompt.mode = Mode::user_exec;
  }
  return prompt;
}

bool PromptRules::is_context_line(std::string_view line) const {
  return context_ && line.size() <= kMaxPromptLine &&
         std::regex_match(line.begin(), line.end(), *context_);
}

bool PromptRules::same_host(std::string_view a, std::string_view b) const {
  return dialog::same_host(a, b, config_host_limit_);
}

bool PromptRules::is_paging(std::string_view line) const {
  return paging_ && !line.empty() && line.size() <= kMaxPromptLine && matches(*paging_, line);
}

std::optional<std::size_t> PromptRules::find_question(std::string_view line) const {
  if (line.empty() || line.size() > kMaxPromptLine) return std::nullopt;
  for (std::size_t i = 0; i < questions_.size(); ++i) {
    if (matches(questions_[i], line)) return i;
  }
  return std::nullopt;
}

}  // namespace iosctl::dialog
