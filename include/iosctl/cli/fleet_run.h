#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/device_commands.h"
#include "iosctl/fleet/inventory.h"

#include <functional>
#include <optional>
#include <string>

// `iosctl -i INVENTORY COMMAND`: one device command across the hosts an
// inventory and --limit / --shard select, in parallel, with progress on
// stderr, each host's result and a summary table on stdout (or one JSON
// document), an optional JUnit file and GitHub Actions annotations.
namespace iosctl::cli {

// The global options of a fleet run.
struct FleetFlags {
  std::string inventory;   // -i PATH
  std::string limit;       // --limit EXPR
  std::string shard;       // --shard K/N; "": all
  std::string junit;       // --junit FILE; "": none
  int parallel = 20;       // --parallel N
  bool fail_fast = false;  // --fail-fast
};

// One host's share of the run.
struct HostCall {
  const fleet::Host& host;
  DeviceFlags flags;                     // the host's connection flags
  std::optional<std::string> candidate;  // compare/commit: the host's candidate file
};

// The command as the command line asked for it.
struct FleetCommand {
  std::string name;                      // compare, commit, send-command, ...
  bool needs_candidate = false;          // compare and commit
  std::optional<std::string> candidate;  // CANDIDATE as typed; may hold {name}
  // Runs the command for one host, printing to `env` as on one device;
  // returns its exit code or throws Error as the single-device command does.
  std::function<int(const HostCall& call, Env& env)> run;
};

// Runs `command` on the selected hosts; returns the worst host's exit code.
// Throws Error{usage} for a bad inventory, limit, shard or option before
// any host is contacted.
int run_fleet(const FleetFlags& fleet_flags, const DeviceFlags& globals,
              const FleetCommand& command, Env& env);

}  // namespace iosctl::cli
