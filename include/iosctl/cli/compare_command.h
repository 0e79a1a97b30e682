#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/device_commands.h"
#include "iosctl/cli/ios_session.h"

#include <optional>
#include <string>

// `iosctl compare CANDIDATE`: the device's and iosctl's diff of the running
// config against a candidate stored on the device for a replace.
namespace iosctl::cli {

struct CompareOptions {
  std::string candidate;              // local candidate file
  bool merge = false;                 // the lines a merge of it would add
  std::string diff_source = "auto";   // device, local, both, or auto (both when they disagree)
  std::string format = "contextual";  // contextual, unified or json
  WorkflowFlags workflow;
};

// Returns 0 (no differences) or 2 (differences); throws Error: invalid (3)
// for a bad candidate (nothing sent) or a missing prerequisite, unreachable
// (6), usage (1).
int run_compare(const DeviceFlags& flags, const CompareOptions& options, Env& env);

}  // namespace iosctl::cli
