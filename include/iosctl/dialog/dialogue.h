#pragma once

#include "iosctl/dialog/channel.h"
#include "iosctl/dialog/device_error.h"
#include "iosctl/dialog/profile.h"
#include "iosctl/dialog/prompt_rules.h"
#include "iosctl/dialog/stream.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::dialog {

// How a Dialogue behaves for the whole session.
struct Options {
  std::chrono::milliseconds timeout{std::chrono::seconds(30)};  // default for each exchange
  std::optional<std::string> enable_secret;  // open() enables with it; answers `Password:`
  std::vector<std::string> secrets;          // more strings kept out of the log (login password)
  SessionLog log;                            // gets every byte sent and received; may be empty
  std::function<std::chrono::steady_clock::time_point()> now;  // the clock; empty: steady_clock
};

// How one send_command behaves.
struct CommandOptions {
  // Regex: the read also ends when the last 512 bytes match it (a question
  // the caller answers itself); otherwise it ends at the prompt.
  std::string expect;
  std::vector<Answer> answers;                       // tried before the platform's answers
  bool platform_answers = true;                      // false: answer only `answers`
  std::optional<std::chrono::milliseconds> timeout;  // overrides Options::timeout
  // Accept a prompt with any host, and learn it: for commands that may change
  // the hostname (`configure replace`).
  bool any_prompt = false;
};

// What one command produced.
struct CommandResult {
  std::string output;                // LF lines, echo and prompt removed, pager answered and erased
  std::string prompt;                // the prompt that ended it (the last line, if `expect` did)
  std::optional<DeviceError> error;  // the first line the platform calls an error
};

// How one send_config behaves.
struct ConfigOptions {
  std::string error_pattern;  // regex: an output line matching it also fails the config line
  bool stop_on_error = true;  // send no more lines after a failing one
  bool commit = true;         // run the platform's commit (XR, Junos, SR OS) if no line failed
  bool exit_config = true;    // return to EXEC at the end
  std::optional<std::chrono::milliseconds> timeout;  // per line; overrides Options::timeout
};

// What a config session produced.
struct ConfigResult {
  std::string output;  // as a terminal shows it: prompt, line, reply (secrets redacted)
  std::vector<DeviceError> errors;  // each failing line (or "commit") with the device's message
  bool committed = false;           // the platform's commit ran and succeeded
};

// A prompt-driven command dialogue with one device over a Stream: finds the
// prompt, prepares the session, tracks the mode from each prompt, and sends
// commands and config lines, reading each reply until its prompt. Never
// sleeps: every read has a deadline from Options/CommandOptions timeouts.
class Dialogue {
 public:
  // Talks over `stream` (which must outlive this) with `profile`'s rules;
  // throws Error{Failure::internal} if a profile pattern does not compile.
  Dialogue(Stream& stream, PlatformProfile profile, Options options);

  // Finds the prompt (sends "\n"), enables with Options::enable_secret if at
  // user EXEC and one is set, then runs the profile's preparation commands.
  // Throws Error{Failure::unreachable} on timeout or a failed enable,
  // Error{Failure::usage} if a preparation command is rejected.
  void open();
  // Reaches privileged EXEC with `secret` if the session is at user EXEC;
  // throws Error{Failure::unreachable} with a one-line reason if it fails.
  void enter_enable(std::string_view secret);
  // Enters config mode unless already there; throws Error{Failure::invalid} if refused.
  void enter_config();
  // Leaves config mode for EXEC; throws Error{Failure::uncertain} if it cannot.
  void exit_config();

  // Sends `command` and reads until its prompt (or options.expect); throws
  // Error{Failure::unreachable} on timeout. Device errors are in the result.
  CommandResult send_command(std::string_view command, const CommandOptions& options = {});
  // Enters config mode, sends `lines` one by one (any prompt of the platform
  // ends a line: a line may rename the host), commits where the platform
  // needs it (discarding on failure) and leaves config mode. Rejected lines
  // are in the result; throws as enter_config, send_command and exit_config do.
  ConfigResult send_config(const std::vector<std::string>& lines,
                           const ConfigOptions& options = {});

  // The mode the last prompt showed.
  Mode mode() const { return mode_; }
  // The config level the last prompt showed ("config-if"); empty outside config.
  const std::string& sub_mode() const { return sub_mode_; }
  // The last prompt, as shown: "r1(config)#".
  const std::string& prompt() const { return prompt_; }
  // The host part prompts must show ("r1"); learned by open() and after hostname changes.
  const std::string& host() const { return host_; }
  // The platform this dialogue speaks to.
  const PlatformProfile& profile() const { return profile_; }
  // Bytes the prompt matcher has examined so far; proportional to bytes read.
  std::uint64_t bytes_examined() const { return examined_; }
  // Masks `secret` in the session log from now on (sent and received).
  void hide_in_log(std::string_view secret) { channel_.mask().add(secret); }
  // Round trips to the device so far (Channel::round_trips).
  std::uint64_t round_trips() const { return channel_.round_trips(); }

 private:
  struct Sent;  // what command() needs to know about one thing sent
  CommandResult command(const Sent& sent);
  void learn(const Prompt& prompt, bool any_host);
  void prepare();
  std::string_view enable_secret() const;
  std::chrono::steady_clock::time_point deadline(std::chrono::milliseconds timeout) const;

  PlatformProfile profile_;
  PromptRules rules_;
  Options options_;
  Channel channel_;
  Mode mode_ = Mode::unknown;
  std::string sub_mode_;
  std::string prompt_;
  std::string host_;
  std::uint64_t examined_ = 0;
};

}  // namespace iosctl::dialog
