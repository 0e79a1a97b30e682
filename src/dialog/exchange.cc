#include "iosctl/dialog/exchange.h"

#include "iosctl/dialog/echo.h"
#include "iosctl/dialog/output_text.h"
#include "iosctl/dialog/reply_buffer.h"
#include "iosctl/error.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace iosctl::dialog {
namespace {

// The state of one exchange while it reads.
class Reader {
 public:
  Reader(Channel& channel, const PromptRules& rules, const ExchangeSpec& spec)
      : channel_(channel), rules_(rules), spec_(spec), uses_(spec.answers.size()) {
    if (!spec.echo) echo_end_ = 0;
  }

  ExchangeResult run() {
    for (;;) {
      const std::string chunk = channel_.receive(spec_.deadline);
      if (chunk.empty()) throw timed_out();
      buffer_.append(chunk);
      if (!echo_end_ && !find_echo()) continue;
      if (spec_.expect && expect_matched()) return finish(std::nullopt, buffer_.text().size());
      const std::string_view raw_last = buffer_.last_line();
      if (raw_last.empty()) continue;
      buffer_.count_examined(raw_last.size());
      const std::string last = visible_line(raw_last);
      if (rules_.is_paging(last)) {
        answer_pager();
      } else if (ends_exchange(last)) {
        return finish(prompt_, output_end());
      } else {
        answer_question(last);
      }
    }
  }

 private:
  bool find_echo() {
    const std::string& text = buffer_.text();
    buffer_.count_examined(std::min(text.size(), kEchoWindow + spec_.command.size()));
    echo_end_ = find_echo_end(text, spec_.command);
    return echo_end_.has_value();
  }

  // Searches the tail of what arrived (at most ReplyBuffer::kTailLimit bytes
  // after the echo) for spec.expect; what scrolls past unseen still ends at
  // the prompt.
  bool expect_matched() {
    const std::string& text = buffer_.text();
    const std::size_t tail = std::min(text.size() - *echo_end_, ReplyBuffer::kTailLimit);
    buffer_.count_examined(tail);
    return std::regex_search(text.end() - static_cast<std::ptrdiff_t>(tail), text.end(),
                             *spec_.expect);
  }

  bool ends_exchange(const std::string& last) {
    const std::string previous = visible_line(buffer_.previous_line());
    std::optional<Prompt> prompt = rules_.parse(last, previous);
    if (!prompt) return false;
    if (!spec_.any_prompt && !rules_.same_host(prompt->host, spec_.host)) return false;
    prompt_ = std::move(prompt);
    context_line_ = rules_.is_context_line(previous);
    return true;
  }

  // Output ends where the prompt starts, or where its upper line starts.
  std::size_t output_end() const {
    const std::size_t previous = buffer_.previous_line_start();
    if (context_line_ && buffer_.line_start() > 0 && previous >= *echo_end_) return previous;
    return buffer_.line_start();
  }

  void answer_pager() {
    // The pager line is removed so that it never reaches the output; the
    // erase sequence the device sends next is removed at this offset later.
    cuts_.push_back(buffer_.line_start());
    buffer_.drop_last_line();
    channel_.send(" ");
  }

  void answer_question(const std::string& last);
  void give(const Answer& answer, const std::string& last);
  Error timed_out() const;
  ExchangeResult finish(std::optional<Prompt> prompt, std::size_t end);

  Channel& channel_;
  const PromptRules& rules_;
  const ExchangeSpec& spec_;
  ReplyBuffer buffer_;
  std::optional<std::size_t> echo_end_;
  std::vector<unsigned> uses_;
  std::vector<std::size_t> cuts_;
  std::optional<Prompt> prompt_;
  bool context_line_ = false;
  std::size_t answered_start_ = static_cast<std::size_t>(-1);
  std::string answered_line_;
};

void Reader::answer_question(const std::string& last) {
  // The same question on the same line is answered once; the device's next
  // bytes (the echo of our answer, or the question again) move us on.
  if (buffer_.line_start() == answered_start_ && last == answered_line_) return;
  for (std::size_t i = 0; i < spec_.answers.size(); ++i) {
    const Answer& answer = spec_.answers[i];
    if (answer.max_uses != 0 && uses_[i] >= answer.max_uses) continue;
    if (!std::regex_search(last, spec_.questions[i])) continue;
    ++uses_[i];
    return give(answer, last);
  }
  if (!spec_.platform_answers) return;
  if (const std::optional<std::size_t> i = rules_.find_question(last)) {
    give(rules_.answers()[*i], last);
  }
}

// True if `line` asks for a password or passphrase (any case).
bool asks_for_password(std::string_view line) {
  std::string lower(line);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("password") != std::string::npos ||
         lower.find("passphrase") != std::string::npos;
}

void Reader::give(const Answer& answer, const std::string& last) {
  answered_start_ = buffer_.line_start();
  answered_line_ = last;
  if (!answer.reply_with_secret) {
    // Whatever is typed at a password question is a secret, whoever wrote the answer.
    if (!asks_for_password(last)) return channel_.send(answer.reply);
    std::string_view typed = answer.reply;
    if (typed.ends_with('\n')) typed.remove_suffix(1);
    return channel_.send_secret(typed);
  }
  if (spec_.secret.empty()) {
    throw Error(Failure::unreachable, "the device asks for a password (\"" +
                                          quote_for_message(channel_.mask().mask_lines(last)) +
                                          "\") and no enable secret was given; set the enable "
                                          "secret for this device");
  }
  channel_.send_secret(spec_.secret);
}

Error Reader::timed_out() const {
  channel_.flush_log();
  // The last line may quote a config line the device echoed; it is masked
  // whole, before quote_for_message shortens it.
  const std::string last =
      quote_for_message(channel_.mask().mask_lines(visible_line(buffer_.last_line())));
  const std::string seen = last.empty() ? "nothing on the last line" : "last line \"" + last + "\"";
  return Error(Failure::unreachable, "timed out after " + format_timeout(spec_.timeout) +
                                         " waiting for " + spec_.waiting_for + " (" + seen + "); " +
                                         spec_.fix);
}

ExchangeResult Reader::finish(std::optional<Prompt> prompt, std::size_t end) {
  channel_.flush_log();
  ExchangeResult result;
  result.last_line = visible_line(buffer_.last_line());
  result.bytes_examined = buffer_.bytes_examined();
  result.raw = buffer_.release();
  result.begin = std::min(*echo_end_, end);
  result.end = end;
  result.pager_cuts = cuts_;
  result.prompt = std::move(prompt);
  result.uses = uses_;
  return result;
}

}  // namespace

std::string ExchangeResult::output() const {
  std::vector<std::size_t> cuts;
  for (const std::size_t cut : pager_cuts) {
    if (cut >= begin) cuts.push_back(cut - begin);
  }
  return clean_output(std::string_view(raw).substr(begin, end - begin), cuts);
}

ExchangeResult run_exchange(Channel& channel, const PromptRules& rules, const ExchangeSpec& spec) {
  return Reader(channel, rules, spec).run();
}

std::string format_timeout(std::chrono::milliseconds timeout) {
  const auto ms = timeout.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

}  // namespace iosctl::dialog
