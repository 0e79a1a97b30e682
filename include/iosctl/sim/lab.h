#pragma once

#include "iosctl/sim/device.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::sim {

// One login account of a simulated device (lab `users` entry).
struct LabUser {
  std::string username;
  std::string password;    // empty: no password or keyboard-interactive login
  std::string public_key;  // OpenSSH public key line `type base64 [comment]`; empty: none
  int privilege = 1;       // 0-15, as `username X privilege N`
};

// Faults a lab can inject into one device (iosim(1), FAULTS).
struct LabFaults {
  std::uint64_t slow_output_bps = 0;  // 0: shell output at full speed
  std::optional<std::uint64_t> drop_scp_after_bytes;
  bool drop_during_replace = false;
  std::vector<std::string> reject_lines;
  bool flash_full = false;
  bool refuse_auth = false;
  bool legacy_algorithms_only = false;
  std::string login_banner;  // empty: none; else sent as the SSH pre-login banner
};

// A loopback listen address, e.g. 127.0.0.1:2222.
struct ListenAddress {
  std::string address;
  std::uint16_t port = 0;
};

// One device of a lab: what the model starts from plus how it is served.
struct LabDevice {
  DeviceSetup setup;
  ListenAddress listen;
  std::vector<LabUser> users;
  int latency_ms = 0;  // delay before each command is answered
  LabFaults faults;
};

// Everything `iosim --lab` serves.
struct Lab {
  std::vector<LabDevice> devices;
};

// Reads the lab file at `path`; config and key paths in it are relative to
// its folder. Throws Error{Failure::usage} with one line `path:line: message`.
Lab load_lab(const std::filesystem::path& path);

// Returns `text` ("127.0.0.1:2222") as an address in 127.0.0.0/8 and a port,
// or nullopt when it is anything else.
std::optional<ListenAddress> parse_listen(std::string_view text);

// What a time scale must be, for error messages: `'time_scale' ` + this.
inline constexpr std::string_view kTimeScaleHint =
    "must be a number above 0 and at most 3600 (60 makes a revert minute last a second)";

// Returns `text` ("60", "0.5") as simulated seconds per real second for
// revert timers (lab `time_scale`, iosim --time-scale), or nullopt when it
// is no number in (0, 3600].
std::optional<double> parse_time_scale(std::string_view text);

// Returns the OpenSSH public key line `value` names: the line itself, or the
// first line of the file at `value` (relative to `base`). Nullopt when neither
// is a public key libssh can read.
std::optional<std::string> read_public_key(std::string_view value,
                                           const std::filesystem::path& base);

}  // namespace iosctl::sim
