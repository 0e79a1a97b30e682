#include "iosctl/driver/generic_driver.h"

#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"
#include "iosctl/config/redact.h"
#include "iosctl/config/render.h"
#include "iosctl/error.h"

#include <utility>

namespace iosctl::driver {
namespace {

bool is_cisco_like(std::string_view type) {
  return type == "cisco_ios" || type == "cisco_xe" || type == "cisco_nxos" || type == "arista_eos";
}

// Returns how many of `lines` were applied before `error`: dialog's
// send_config stops at the first rejected line, whose text (secrets
// redacted) the error carries. A failed commit leaves nothing applied,
// since the platform discards the candidate.
std::size_t applied_before(const std::vector<std::string>& lines,
                           const dialog::DeviceError& error) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (config::redact_secrets(lines[i]) == error.line) return i;
  }
  return 0;
}

}  // namespace

GenericDriver::GenericDriver(Stream& stream, dialog::PlatformProfile profile,
                             dialog::Options options)
    : dialogue_(stream, std::move(profile), std::move(options)) {}

void GenericDriver::open() { dialogue_.open(); }

bool GenericDriver::needs_enable() const {
  return dialogue_.mode() == dialog::Mode::user_exec && !dialogue_.profile().enable.empty();
}

CommandOutcome GenericDriver::send_command(std::string_view command,
                                           const dialog::CommandOptions& options) {
  dialog::CommandResult result = dialogue_.send_command(command, options);
  CommandOutcome outcome{std::string(command), std::move(result.output), std::nullopt};
  if (result.error) outcome.error = result.error->message;
  return outcome;
}

ConfigOutcome GenericDriver::send_config(const std::vector<std::string>& lines,
                                         const ConfigRequest& request) {
  const std::string& type = dialogue_.profile().name;
  const std::optional<std::string> save = save_command(type);
  if (request.save && !save) {
    throw Error(Failure::usage,
                "--save is not needed on " + type + ": its commit saves the change (drop --save)");
  }
  dialog::ConfigOptions options;
  options.error_pattern = request.error_pattern;
  dialog::ConfigResult result = dialogue_.send_config(lines, options);
  ConfigOutcome outcome;
  outcome.output = std::move(result.output);
  outcome.total = lines.size();
  outcome.applied = lines.size();
  if (!result.errors.empty()) {
    outcome.error = result.errors.front();
    outcome.applied =
        dialogue_.profile().commit.empty() ? applied_before(lines, *outcome.error) : 0;
    return outcome;
  }
  if (request.save) {
    const CommandOutcome saved = send_command(*save);
    outcome.output += dialogue_.prompt() + *save + "\n" + saved.output;
    if (saved.error) {
      outcome.error = dialog::DeviceError{*save, *saved.error};
      return outcome;
    }
    outcome.saved = true;
  }
  return outcome;
}

std::string GenericDriver::get_config(ConfigSource source, bool raw) {
  const std::string& type = dialogue_.profile().name;
  const std::optional<std::string> command = show_config_command(type, source);
  if (!command) {
    throw Error(Failure::usage,
                type + " has no startup configuration to read (use --source running)");
  }
  const CommandOutcome outcome = send_command(*command);
  if (outcome.error) {
    throw Error(Failure::invalid, "'" + *command + "' was rejected: " + *outcome.error);
  }
  if (raw) return outcome.output;
  return config::render(config::normalize(config::parse_config(outcome.output)));
}

std::optional<std::string> show_config_command(std::string_view device_type, ConfigSource source) {
  const bool running = source == ConfigSource::running;
  if (is_cisco_like(device_type)) {
    return running ? "show running-config" : "show startup-config";
  }
  if (!running) return std::nullopt;
  if (device_type == "juniper_junos") return "show configuration";
  if (device_type == "nokia_sros") return "admin show configuration";
  return "show running-config";  // cisco_xr
}

std::optional<std::string> save_command(std::string_view device_type) {
  if (device_type == "cisco_nxos") return "copy running-config startup-config";
  if (is_cisco_like(device_type)) return "write memory";
  return std::nullopt;
}

}  // namespace iosctl::driver
