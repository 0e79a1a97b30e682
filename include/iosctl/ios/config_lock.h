#pragma once

#include <optional>
#include <string>
#include <string_view>

// Pure reader of `show configuration lock` (the exclusive configuration lock
// of `configuration mode exclusive` / `configure terminal lock`).
namespace iosctl::ios {

// Who holds the lock, as the device names them.
struct ConfigLockHolder {
  std::string user;  // `User :` (IOS prints `unknown` for some lines)
  std::string tty;   // `TTY :`, the line number
};

// The `Parser Configure Lock` holder when its `State` is LOCKED; nullopt when
// it is FREE, when the output has no such section, or when the device does
// not know the command (`% Invalid input`): then nothing can hold the lock.
std::optional<ConfigLockHolder> parse_config_lock(std::string_view output);

// True when `output` (of `configure terminal` or `configure replace`) is the
// refusal a device prints while another session holds the lock.
bool refused_by_lock(std::string_view output);

}  // namespace iosctl::ios
