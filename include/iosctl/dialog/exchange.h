#pragma once

#include "iosctl/dialog/channel.h"
#include "iosctl/dialog/profile.h"
#include "iosctl/dialog/prompt_rules.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::dialog {

// What one exchange (the device's reply to one thing we sent) waits for.
struct ExchangeSpec {
  std::string_view command;            // what was sent, without "\n" (for the echo)
  bool echo = true;                    // the device echoes `command` before replying
  std::string_view host;               // host the ending prompt must show (see same_host)
  bool any_prompt = false;             // accept a prompt with any host instead
  const std::regex* expect = nullptr;  // also end when the tail matches this
  std::vector<Answer> answers;         // tried first, in order
  std::vector<std::regex> questions;   // answers[i].question, compiled
  bool platform_answers = true;        // then the platform's answers
  std::string_view secret;             // sent for reply_with_secret answers
  std::chrono::steady_clock::time_point deadline;
  std::chrono::milliseconds timeout{0};  // for the timeout message only
  std::string waiting_for;               // for the message: "the prompt after 'show version'"
  std::string fix;                       // for the message: what the user can do
};

// How one exchange ended.
struct ExchangeResult {
  std::string raw;                      // every byte received
  std::size_t begin = 0;                // where the output starts (after the echo)
  std::size_t end = 0;                  // where it ends (the prompt, or its context line)
  std::vector<std::size_t> pager_cuts;  // offsets where an answered pager line was removed
  std::optional<Prompt> prompt;         // the ending prompt; nullopt if `expect` ended it
  std::string last_line;                // the visible last line at the end
  std::vector<unsigned> uses;           // times each of spec.answers was given
  std::uint64_t bytes_examined = 0;     // bytes scanned while reading (see ReplyBuffer)

  // Returns the output between the echo and the prompt, cleaned (clean_output).
  std::string output() const;
};

// Reads from `channel` until the reply to what was just sent ends at a
// prompt (or spec.expect), answering the pager and known questions on the
// way. Looks only at the last line of what has arrived. Throws
// Error{Failure::unreachable} quoting the last line seen if spec.deadline
// passes, or if a question needs a secret and spec.secret is empty.
ExchangeResult run_exchange(Channel& channel, const PromptRules& rules, const ExchangeSpec& spec);

// Returns `timeout` for messages: "30s", "1500ms".
std::string format_timeout(std::chrono::milliseconds timeout);

}  // namespace iosctl::dialog
