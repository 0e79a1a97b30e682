#include "iosctl/dialog/dialogue.h"

#include "iosctl/config/redact.h"
#include "iosctl/dialog/exchange.h"
#include "iosctl/error.h"

#include <regex>
#include <utility>

namespace iosctl::dialog {

// What command() needs to know about one thing sent.
struct Dialogue::Sent {
  std::string_view text;  // the command or config line, without "\n"
  const CommandOptions& options;
  std::string_view secret;                // reply to reply_with_secret answers
  std::vector<unsigned>* uses = nullptr;  // receives how often each answer was given
};

namespace {

// IOS prints `Password: ` (capital P, one space) for enable [SEEN scrapli
// mock]; netmiko matches "ssword" case-insensitively, so allow `password:`.
constexpr std::string_view kPasswordQuestion = "[Pp]assword:$";

std::vector<std::regex> compile_questions(const std::vector<Answer>& answers) {
  std::vector<std::regex> questions;
  for (const Answer& answer : answers) {
    questions.push_back(compile_pattern(answer.question, "an answer's question", Failure::usage));
  }
  return questions;
}

// Returns the last non-blank line of `output`, or "no answer".
std::string last_words(std::string_view output) {
  const std::size_t end = output.find_last_not_of(" \n");
  if (end == std::string_view::npos) return "no answer";
  const std::size_t newline = output.rfind('\n', end);
  const std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
  return std::string(output.substr(start, end + 1 - start));
}

// Returns the first line of `output` that `pattern` matches.
std::optional<std::string> find_matching_line(const std::regex& pattern, std::string_view output) {
  std::size_t start = 0;
  while (start < output.size()) {
    std::size_t end = output.find('\n', start);
    if (end == std::string_view::npos) end = output.size();
    const std::string line(output.substr(start, end - start));
    if (std::regex_search(line, pattern)) return line;
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

Dialogue::Dialogue(Stream& stream, PlatformProfile profile, Options options)
    : profile_(std::move(profile)),
      rules_(profile_),
      options_(std::move(options)),
      channel_(stream, options_.log) {
  if (!options_.now) options_.now = [] { return std::chrono::steady_clock::now(); };
  for (const std::string& secret : options_.secrets) channel_.mask().add(secret);
  if (options_.enable_secret) channel_.mask().add(*options_.enable_secret);
}

void Dialogue::open() {
  ExchangeSpec spec;
  spec.echo = false;
  spec.any_prompt = true;
  spec.platform_answers = false;
  spec.deadline = deadline(options_.timeout);
  spec.timeout = options_.timeout;
  spec.waiting_for = "a " + profile_.name + " prompt";
  spec.fix = "check that the device type is " + profile_.name +
             " and that the login ends at its command prompt";
  // netmiko and scrapli find the prompt the same way: press Enter, and the
  // last line of what comes back is the prompt (IOS reprints it, section 0).
  channel_.send("\n");
  const ExchangeResult reply = run_exchange(channel_, rules_, spec);
  examined_ += reply.bytes_examined;
  learn(*reply.prompt, true);
  if (mode_ == Mode::user_exec && options_.enable_secret) enter_enable(*options_.enable_secret);
  prepare();
}

void Dialogue::prepare() {
  for (const std::string& command_text : profile_.prepare) {
    const CommandResult result = command({command_text, CommandOptions{}, {}});
    if (!result.error) continue;
    throw Error(Failure::usage, "session preparation failed: '" + command_text +
                                    "' was rejected with \"" + result.error->message +
                                    "\"; check that the device type is " + profile_.name);
  }
}

void Dialogue::enter_enable(std::string_view secret) {
  if (mode_ != Mode::user_exec || profile_.enable.empty()) return;
  CommandOptions options;
  options.platform_answers = false;
  // The secret goes once; if the device asks again the secret was wrong, and
  // empty answers let IOS give up (`% Bad secrets` after three) and show `>`.
  options.answers = {Answer{std::string(kPasswordQuestion), "", true, 1},
                     Answer{std::string(kPasswordQuestion), "\n", false, 0}};
  std::vector<unsigned> uses;
  const CommandResult result = command({profile_.enable, options, secret, &uses});
  if (mode_ != Mode::user_exec) return;
  const std::string said = result.error ? result.error->message : last_words(result.output);
  if (!uses.empty() && uses[0] > 0) {
    throw Error(Failure::unreachable, "enable failed: the device rejected the enable secret (" +
                                          said +
                                          "); set the correct enable secret for this device");
  }
  throw Error(Failure::unreachable, "enable failed: the device answered \"" + said +
                                        "\"; configure an enable secret on the device or log in "
                                        "as a user with privilege 15");
}

void Dialogue::enter_config() {
  if (mode_ == Mode::config) return;
  if (mode_ == Mode::user_exec) {
    throw Error(Failure::invalid,
                "cannot enter config mode from user EXEC; set the enable secret for this device");
  }
  const CommandResult result = command({profile_.config_enter, CommandOptions{}, {}});
  if (mode_ == Mode::config) return;
  const std::string said = result.error ? result.error->message : last_words(result.output);
  throw Error(Failure::invalid, "could not enter config mode: '" + profile_.config_enter +
                                    "' was answered with \"" + said +
                                    "\"; check that the device type is " + profile_.name);
}

void Dialogue::exit_config() {
  if (mode_ != Mode::config) return;
  command({profile_.config_exit, CommandOptions{}, {}});
  if (mode_ != Mode::config) return;
  throw Error(Failure::uncertain, "could not leave config mode with '" + profile_.config_exit +
                                      "' (the prompt is still \"" + prompt_ +
                                      "\"); check the session log");
}

CommandResult Dialogue::send_command(std::string_view command_text, const CommandOptions& options) {
  const std::string_view secret = enable_secret();
  return command({command_text, options, secret});
}

ConfigResult Dialogue::send_config(const std::vector<std::string>& lines,
                                   const ConfigOptions& options) {
  std::optional<std::regex> extra;
  if (!options.error_pattern.empty()) {
    extra = compile_pattern(options.error_pattern, "the config error pattern", Failure::usage);
  }
  CommandOptions per_line;
  per_line.timeout = options.timeout;
  // A config line may change the hostname (`hostname r2` shows `r2(config)#`
  // at once, IOS_BEHAVIOR 1.1), so any prompt of the platform ends a line.
  per_line.any_prompt = true;
  const std::string_view secret = enable_secret();
  ConfigResult result;
  enter_config();
  const auto run = [&](std::string_view line) {
    result.output += prompt_ + config::redact_secrets(line) + "\n";
    CommandResult reply = command({line, per_line, secret});
    result.output += reply.output;
    if (!reply.error && extra) {
      if (std::optional<std::string> hit = find_matching_line(*extra, reply.output)) {
        reply.error = DeviceError{config::redact_secrets(line), *hit};
      }
    }
    if (reply.error) result.errors.push_back(*reply.error);
    return !reply.error;
  };
  for (const std::string& line : lines) {
    if (!run(line) && options.stop_on_error) break;
  }
  if (options.commit && !profile_.commit.empty() && mode_ == Mode::config) {
    if (result.errors.empty()) result.committed = run(profile_.commit);
    if (!result.committed && !profile_.discard.empty() && mode_ == Mode::config) {
      run(profile_.discard);
    }
  }
  if (options.exit_config) exit_config();
  return result;
}

CommandResult Dialogue::command(const Sent& sent) {
  const CommandOptions& options = sent.options;
  channel_.mask().add_from_line(sent.text);
  ExchangeSpec spec;
  spec.command = sent.text;
  spec.host = host_;
  spec.any_prompt = options.any_prompt;
  std::optional<std::regex> expect;
  if (!options.expect.empty()) {
    expect = compile_pattern(options.expect, "the expected pattern", Failure::usage);
    spec.expect = &*expect;
  }
  spec.answers = options.answers;
  spec.questions = compile_questions(options.answers);
  spec.platform_answers = options.platform_answers;
  spec.secret = sent.secret;
  spec.timeout = options.timeout.value_or(options_.timeout);
  spec.deadline = deadline(spec.timeout);
  const std::string shown = config::redact_secrets(sent.text);
  spec.waiting_for =
      (expect ? "'" + options.expect + "'" : std::string("the prompt")) + " after '" + shown + "'";
  spec.fix = "if the device asks a question, give an answer for it; otherwise raise the timeout";
  channel_.send(std::string(sent.text) + "\n");
  const ExchangeResult reply = run_exchange(channel_, rules_, spec);
  examined_ += reply.bytes_examined;
  if (sent.uses) *sent.uses = reply.uses;
  CommandResult result{reply.output(), reply.last_line, std::nullopt};
  if (reply.prompt) {
    learn(*reply.prompt, options.any_prompt);
    result.prompt = reply.prompt->text;
  }
  if (std::optional<std::string> message = find_device_error(profile_, result.output)) {
    result.error = DeviceError{shown, *message};
  }
  return result;
}

void Dialogue::learn(const Prompt& prompt, bool any_host) {
  // Exec prompts show the whole hostname, config prompts maybe only its
  // start (IOS_BEHAVIOR 1.1), so the host is re-learned from exec prompts
  // and from any prompt of a host that is not the same device any more.
  const bool other_host = host_.empty() || (any_host && !rules_.same_host(prompt.host, host_));
  if (other_host || prompt.mode != Mode::config) host_ = prompt.host;
  prompt_ = prompt.text;
  mode_ = prompt.mode;
  sub_mode_ = prompt.mode == Mode::config ? prompt.sub_mode : std::string();
}

std::string_view Dialogue::enable_secret() const {
  // Not a `?:` with "": that would copy the secret into a temporary string.
  return options_.enable_secret ? std::string_view(*options_.enable_secret) : std::string_view();
}

std::chrono::steady_clock::time_point Dialogue::deadline(std::chrono::milliseconds timeout) const {
  return options_.now() + timeout;
}

}  // namespace iosctl::dialog
