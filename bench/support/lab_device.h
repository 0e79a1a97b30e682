#pragma once

// One iosim lab as the benchmarks run it: its devices, the lab file, the
// iosctl command line that reaches a device, and the pair of candidates the
// commit benchmarks alternate between.

#include "child_process.h"

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace iosctl::bench {

// The lab's one user. The password reaches iosctl only through the
// environment variable (password_only_environment); it is never printed.
struct LabLogin {
  std::string user;
  std::string password_variable;
  std::string password;
};

struct LabDevice {
  std::string name;
  int latency_ms = 0;
  std::uint16_t port = 0;
};

// Writes the lab file: every device on 127.0.0.1 with `config` as its running config.
void write_lab(const std::filesystem::path& lab, const std::vector<LabDevice>& devices,
               const std::filesystem::path& config, const LabLogin& login);

// iosctl's command line for `device` (known hosts in `dir`, accept-new), `command` appended.
std::vector<std::string> iosctl_args(const std::string& iosctl, const LabDevice& device,
                                     const LabLogin& login, const std::filesystem::path& dir,
                                     std::initializer_list<std::string> command);

// The last line of `text`, for error messages.
std::string last_line(std::string text);

// Writes two candidates for `device`: its running config as get-config prints it, and the
// same with `changed_line` before the final `end`. Returns {without, with} the line. Throws
// std::runtime_error when get-config fails or the config already holds the line.
std::pair<std::filesystem::path, std::filesystem::path> write_candidates(
    const std::string& iosctl, const LabDevice& device, const LabLogin& login,
    const std::filesystem::path& dir, const std::string& changed_line);

}  // namespace iosctl::bench
