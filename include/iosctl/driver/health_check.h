#pragma once

#include "iosctl/driver/generic_driver.h"
#include "iosctl/ios/device_args.h"

#include <string>
#include <string_view>
#include <vector>

// Health checks after a confirmed commit: `--health-check "CMD=~REGEX"`.
namespace iosctl::driver {

// A show command whose output must match a regex.
struct HealthCheck {
  ios::CliCommand command;  // `show ip interface brief`
  std::string pattern;  // ECMAScript regex searched in the output
  std::string spec;     // as the user wrote it, for messages
};

// One check's result.
struct HealthCheckResult {
  HealthCheck check;
  bool passed = false;
  std::string reason;  // why it failed: the device's error, or "no match"
};

// Parses `CMD=~REGEX`. Throws Error{usage} naming the expected form when
// `=~` is missing, either side is empty, CMD is no ios::CliCommand, the
// regex holds a control character or does not compile.
HealthCheck parse_health_check(std::string_view spec);

// Runs every check on `driver` (a fresh session after the change) and
// returns each result, in order. Throws Error{unreachable} when the device
// stops answering.
std::vector<HealthCheckResult> run_health_checks(GenericDriver& driver,
                                                 const std::vector<HealthCheck>& checks);

}  // namespace iosctl::driver
