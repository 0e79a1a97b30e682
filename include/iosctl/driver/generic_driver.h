#pragma once

#include "iosctl/dialog/dialogue.h"
#include "iosctl/dialog/stream.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::driver {

// What one command sent to the device produced.
struct CommandOutcome {
  std::string command;               // as sent (config lines: secrets redacted)
  std::string output;                // echo and prompt removed
  std::optional<std::string> error;  // the device's error line; nullopt: accepted
};

// What a send_config produced.
struct ConfigOutcome {
  std::string output;       // as a terminal shows it (prompt, line, reply), secrets redacted
  std::size_t applied = 0;  // lines the device accepted, from the first
  std::size_t total = 0;    // lines asked for
  std::optional<dialog::DeviceError> error;  // the rejected line; nullopt: all applied
  bool saved = false;                        // the save command ran and succeeded
};

// Which configuration get_config reads.
enum class ConfigSource { running, startup };

// How a send_config behaves.
struct ConfigRequest {
  std::string error_pattern;  // regex: an output line matching it also rejects the line
  bool save = false;          // save the configuration (`write memory`) if every line applied
};

// Netmiko-style operations on any supported device type, over a Stream:
// plain steps on a Dialogue, each naming the device command it sends.
class GenericDriver {
 public:
  // Talks over `stream` (which must outlive this) with `profile`'s rules.
  GenericDriver(Stream& stream, dialog::PlatformProfile profile, dialog::Options options);

  // Finds the prompt, enables if needed and prepares the session; throws as Dialogue::open.
  void open();
  // True when the session is at user EXEC (`r1>`) of a platform with an enable command.
  bool needs_enable() const;
  // Reaches privileged EXEC with `secret`; throws Error{unreachable} if refused.
  void enable(std::string_view secret) { dialogue_.enter_enable(secret); }
  // Sends `command`; a device-rejected command is returned with its error.
  // Throws Error{unreachable} if the device does not answer in time.
  CommandOutcome send_command(std::string_view command, const dialog::CommandOptions& options = {});
  // Sends `lines` in config mode, stopping at the first rejected line, then
  // saves if asked and nothing was rejected. Throws Error{usage} for a save
  // on a platform without a save command.
  ConfigOutcome send_config(const std::vector<std::string>& lines, const ConfigRequest& request);
  // Returns the configuration `source` as the device printed it (`raw`), or
  // without the show header and volatile lines. Throws Error{invalid} if the
  // device rejects the command, Error{usage} if the platform has no such source.
  std::string get_config(ConfigSource source, bool raw);

  // The dialogue, for its prompt and mode.
  const dialog::Dialogue& dialogue() const { return dialogue_; }
  // Masks `secret` in the session log from now on (text typed in an encoded
  // form, such as a tclsh transfer, escapes the dialogue's own masking).
  void hide_in_log(std::string_view secret) { dialogue_.hide_in_log(secret); }

 private:
  dialog::Dialogue dialogue_;
};

// Returns the command that prints `source` on device type `device_type`;
// nullopt if the platform has none.
std::optional<std::string> show_config_command(std::string_view device_type, ConfigSource source);

// Returns the command that saves the running configuration on `device_type`
// (`write memory`); nullopt where changes are saved by their commit.
std::optional<std::string> save_command(std::string_view device_type);

}  // namespace iosctl::driver
