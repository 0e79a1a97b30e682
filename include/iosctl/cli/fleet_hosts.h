#pragma once

#include "iosctl/cli/device_commands.h"
#include "iosctl/cli/workflow_args.h"
#include "iosctl/fleet/inventory.h"

#include <string>
#include <vector>

// From an inventory host to the flags one device's command runs with.
namespace iosctl::cli {

// The connection flags for `host`: its inventory settings (hostname, port,
// username, platform, Netmiko options, password by reference) under the
// command line's global flags, which win. Throws Error{usage} for a
// platform iosctl does not drive or a --session-log without {name}.
DeviceFlags host_flags(const fleet::Host& host, const DeviceFlags& globals);

// One line per Netmiko option of `host` that iosctl does without (fast_cli,
// disabled_algorithms, ...): "ORIGIN: netmiko option NAME has no effect ...".
std::vector<std::string> ignored_option_warnings(const fleet::Host& host);

// Sets the host's NAPALM optional_args (auto_rollback_on_error,
// auto_file_prompt, dest_file_system, inline_transfer, candidate_cfg,
// rollback_cfg, merge_cfg) on `args` wherever the command line left the
// default. Throws Error{usage} naming the origin for a bad value.
void apply_napalm_options(WorkflowArgs& args, const std::vector<fleet::Setting>& options);

// The Netmiko device_type for a Nornir `platform`: NAPALM's names (ios, eos,
// junos, nxos, iosxr) are mapped, Netmiko's kept.
std::string device_type_for_platform(const std::string& platform);

}  // namespace iosctl::cli
