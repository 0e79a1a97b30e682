#include "iosctl/driver/health_check.h"

#include "iosctl/error.h"

#include <regex>

namespace iosctl::driver {
namespace {

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return "";
  const std::size_t last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

HealthCheck parse_health_check(std::string_view spec) {
  const std::string shown(spec);
  const std::size_t at = spec.find("=~");
  const std::string form = "--health-check '" + ios::shown_value(shown) +
                           "': write it as \"COMMAND=~REGEX\", e.g. \"show ip interface brief=~"
                           "GigabitEthernet1 +\\S+ +YES\"";
  if (at == std::string_view::npos) throw Error(Failure::usage, form);
  const std::string command = trimmed(spec.substr(0, at));
  const std::string pattern(spec.substr(at + 2));
  if (command.empty() || pattern.empty()) throw Error(Failure::usage, form);
  HealthCheck check{ios::CliCommand(command, "--health-check"), pattern, shown};
  for (const char c : pattern) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      throw Error(Failure::usage, "--health-check '" + ios::shown_value(shown) +
                                      "': the regex holds a control character: write it as an "
                                      "escape such as \\n or \\x1b");
    }
  }
  try {
    std::regex compiled(check.pattern);
  } catch (const std::regex_error& e) {
    throw Error(Failure::usage, "--health-check '" + ios::shown_value(shown) +
                                    "': the regex does not compile (" + e.what() +
                                    "): fix the part after =~");
  }
  return check;
}

std::vector<HealthCheckResult> run_health_checks(GenericDriver& driver,
                                                 const std::vector<HealthCheck>& checks) {
  std::vector<HealthCheckResult> results;
  for (const HealthCheck& check : checks) {
    HealthCheckResult r{check, false, ""};
    const CommandOutcome outcome = driver.send_command(check.command.str());
    if (outcome.error) {
      r.reason = "the device rejected it: " + *outcome.error;
    } else if (std::regex_search(outcome.output, std::regex(check.pattern))) {
      r.passed = true;
    } else {
      r.reason = "the output does not match " + check.pattern;
    }
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace iosctl::driver
