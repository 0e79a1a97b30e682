#pragma once

#include "iosctl/ssh/session.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace iosctl::ssh {

// Called as file bytes go out or come in: `done` of `total`.
using ScpProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

// SCP (the rcp protocol IOS speaks, `scp -t` / `scp -f`) on exec channels of
// one Session. Like netmiko, callers give it a second Session to the device
// so that the CLI session stays open beside it.
// Each call throws Error{invalid} when the device refuses the transfer (its
// words verbatim, e.g. `Privilege denied.`), Error{unreachable} when the
// connection drops or `deadline` passes, Error{usage} for a bad local file.

// Copies `bytes` to `remote_path` on the device (`flash:/candidate_config.txt`).
void scp_push(Session& session, std::string_view bytes, std::string_view remote_path,
              Deadline deadline, const ScpProgress& progress = {});

// Copies the local file `local` to `remote_path`; a bare file system
// (`flash:`) keeps the local file's name.
void scp_push_file(Session& session, const std::filesystem::path& local,
                   std::string_view remote_path, Deadline deadline,
                   const ScpProgress& progress = {});

// Returns the bytes of `remote_path` on the device.
std::string scp_pull(Session& session, std::string_view remote_path, Deadline deadline,
                     const ScpProgress& progress = {});

// Copies `remote_path` to the local file `local`, written whole or not at all.
void scp_pull_file(Session& session, std::string_view remote_path,
                   const std::filesystem::path& local, Deadline deadline,
                   const ScpProgress& progress = {});

}  // namespace iosctl::ssh
