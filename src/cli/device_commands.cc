#include "iosctl/cli/device_commands.h"

#include "iosctl/cli/connection_setup.h"
#include "iosctl/cli/device_session.h"
#include "iosctl/cli/interruption.h"
#include "iosctl/cli/json_output.h"
#include "iosctl/cli/private_file.h"
#include "iosctl/config/redact.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"
#include "iosctl/ios/device_args.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace iosctl::cli {
namespace {

using driver::CommandOutcome;

void print_json(const driver::Connection& c, const std::vector<CommandOutcome>& results, Env& env) {
  nlohmann::json doc = {{"host", c.host}, {"device_type", c.device_type}};
  nlohmann::json list = nlohmann::json::array();
  for (const CommandOutcome& r : results) {
    list.push_back({{"command", r.command},
                    {"output", r.output},
                    {"error", r.error ? nlohmann::json(*r.error) : nlohmann::json(nullptr)}});
  }
  doc["results"] = std::move(list);
  cli::print_json(env, doc);
}

// Runs `work` on an open session; errors after the login name the target.
template <typename Work>
int with_device(const driver::Connection& c, const DeviceFlags& flags, Env& env, Work work) {
  DeviceSession session(c, flags.verbose, env);
  name_host(env, session.target());
  try {
    stop_if_interrupted(env, "");  // a signal while connecting (interruption.h)
    return work(session);
  } catch (const Error& e) {
    throw Error(e.failure(), session.target() + ": " + e.what());
  }
}

// The non-blank lines of file `path`, one config line each, checked as
// ios::config_lines (a bad one is named "PATH:LINE").
std::vector<ios::ConfigLine> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Failure::usage, path + ": cannot read the config lines file");
  std::vector<std::string> lines;
  std::vector<std::size_t> numbers;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    lines.push_back(line);
    numbers.push_back(number);
  }
  return ios::config_lines(lines, [&](std::size_t i) {
    return path + ":" + std::to_string(numbers[i]) + ": config line";
  });
}

// The commands of `send-command CMD...`, each one line (ios::CliCommand).
std::vector<ios::CliCommand> typed_commands(const std::vector<std::string>& commands) {
  std::vector<ios::CliCommand> typed;
  for (const std::string& command : commands) typed.emplace_back(command, "send-command");
  return typed;
}

std::string lines_were(std::size_t first, std::size_t last, std::string_view what) {
  if (first == last) return "line " + std::to_string(first) + " was " + std::string(what);
  return "lines " + std::to_string(first) + "-" + std::to_string(last) + " were " +
         std::string(what);
}

// Returns the exit code and message for a rejected config line: nothing
// applied is a clean refusal (3); a partial change leaves the device
// somewhere the user did not ask for (5).
std::pair<int, std::string> config_failure(const driver::ConfigOutcome& o) {
  const dialog::DeviceError& e = *o.error;
  if (o.applied == o.total) {
    return {kExitUncertain, "all " + std::to_string(o.total) + " lines were applied but '" +
                                e.line + "' failed (" + e.message + ")"};
  }
  const std::size_t bad = o.applied + 1;
  std::string message =
      "line " + std::to_string(bad) + " '" + e.line + "' was rejected (" + e.message + "); " +
      (o.applied == 0 ? "nothing was applied" : lines_were(1, o.applied, "applied"));
  if (bad < o.total) message += ", " + lines_were(bad + 1, o.total, "not sent");
  return {o.applied == 0 ? kExitRejected : kExitUncertain, message};
}

}  // namespace

int run_send_command(const DeviceFlags& flags, const SendCommandOptions& options, Env& env) {
  const std::vector<ios::CliCommand> commands = typed_commands(options.commands);
  const driver::Connection c = resolve_connection(flags, env);
  dialog::CommandOptions per_command;
  per_command.expect = options.expect;
  if (options.read_timeout < 0) {
    throw Error(Failure::usage, "--read-timeout needs a number of seconds above 0");
  }
  if (options.read_timeout > 0) per_command.timeout = std::chrono::seconds(options.read_timeout);
  return with_device(c, flags, env, [&](DeviceSession& session) {
    std::vector<CommandOutcome> results;
    int code = kExitOk;
    for (const ios::CliCommand& typed : commands) {
      stop_if_interrupted(env, "");  // between commands: those sent are complete
      const std::string& command = typed.str();
      results.push_back(session.driver().send_command(command, per_command));
      // What the device prints (show running-config, show archive) leaves
      // through the same mask as iosctl's own output; get-config --show-secrets
      // is the way to see secrets.
      results.back().output = config::redact_text(results.back().output);
      const CommandOutcome& r = results.back();
      if (r.error) {
        env.err << "iosctl: error: " << session.target() << ": '" << r.command
                << "' was rejected: " << *r.error << '\n';
        code = kExitRejected;
      }
      if (flags.json) continue;
      if (options.commands.size() > 1) env.out << "# " << command << '\n';
      env.out << r.output;
      if (!r.output.empty() && r.output.back() != '\n') env.out << '\n';
      env.out.flush();  // each command's output as soon as it is complete
    }
    if (flags.json) print_json(c, results, env);
    return code;
  });
}

int run_send_config(const DeviceFlags& flags, const SendConfigOptions& options, Env& env) {
  if (!options.file.empty() && !options.lines.empty()) {
    throw Error(Failure::usage, "give config lines or -f FILE, not both");
  }
  const std::vector<std::string> lines = ios::strings_of(
      options.file.empty() ? ios::config_lines(options.lines,
                                               [](std::size_t i) {
                                                 return "send-config line " + std::to_string(i + 1);
                                               })
                           : read_lines(options.file));
  if (lines.empty()) {
    throw Error(Failure::usage, "no config lines given: pass LINES... or -f FILE");
  }
  const driver::Connection c = resolve_connection(flags, env);
  driver::ConfigRequest request{options.error_pattern, options.save};
  return with_device(c, flags, env, [&](DeviceSession& session) {
    driver::ConfigOutcome o = session.driver().send_config(lines, request);
    o.output = config::redact_text(o.output);
    std::optional<std::pair<int, std::string>> failure;
    if (o.error) failure = config_failure(o);
    if (flags.json) {
      std::string sent;
      for (const std::string& line : lines) sent += config::redact_secrets(line) + "\n";
      CommandOutcome r{sent, o.output, std::nullopt};
      if (o.error) r.error = o.error->message;
      print_json(c, {r}, env);
    } else {
      env.out << o.output;
    }
    if (!failure) return static_cast<int>(kExitOk);
    env.err << "iosctl: error: " << session.target() << ": " << failure->second << '\n';
    return failure->first;
  });
}

int run_get_config(const DeviceFlags& flags, const GetConfigOptions& options, Env& env) {
  // Before connecting: a link named as the backup file is refused at once.
  if (!options.output.empty()) refuse_unsafe_private_path(options.output);
  const driver::Connection c = resolve_connection(flags, env);
  const driver::ConfigSource source =
      options.source == "startup" ? driver::ConfigSource::startup : driver::ConfigSource::running;
  return with_device(c, flags, env, [&](DeviceSession& session) {
    std::string text = session.driver().get_config(source, options.raw);
    // The file is a backup that commit can restore, so it holds the real
    // secrets (a masked one would set them to '<redacted>'); what is shown
    // stays masked.
    if (!options.output.empty()) {
      write_private_file(options.output, text);
      env.err << "iosctl: wrote " << options.output << " (" << options.source
              << "-config with its secrets, mode 0600)\n";
    }
    if (!options.show_secrets) {
      std::istringstream in(text);
      std::string masked;
      for (std::string line; std::getline(in, line);) masked += config::redact_secrets(line) + "\n";
      text = masked;
    }
    if (flags.json) {
      const auto command = driver::show_config_command(c.device_type, source);
      print_json(c, {CommandOutcome{command.value_or(""), text, std::nullopt}}, env);
    } else {
      env.out << text;
    }
    return static_cast<int>(kExitOk);
  });
}

}  // namespace iosctl::cli
