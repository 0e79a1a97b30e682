#include "iosctl/cli/compare_command.h"

#include "iosctl/cli/config_file.h"
#include "iosctl/cli/connection_setup.h"
#include "iosctl/cli/device_session.h"
#include "iosctl/cli/interruption.h"
#include "iosctl/cli/json_output.h"
#include "iosctl/config/contextual_format.h"
#include "iosctl/config/json_format.h"
#include "iosctl/config/redact.h"
#include "iosctl/config/unified_format.h"
#include "iosctl/driver/ios_driver.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"
#include "iosctl/ios/archive_diff.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <vector>

namespace iosctl::cli {
namespace {

std::string redact_device_diff(const std::string& diff) {
  std::istringstream in(diff);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    out += config::redact_line(line) + "\n";
  }
  return out;
}

std::vector<std::string> sorted_lines(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// The two diffs agree when they hold the same signed lines: both list
// additions before removals, but may order parents differently.
bool diffs_agree(const driver::Comparison& c) {
  const std::string local =
      ios::normalize_archive_diff(config::format_contextual(c.local, {false, true}));
  return sorted_lines(local) == sorted_lines(c.device);
}

std::string local_text(const driver::Comparison& c, const driver::LoadedCandidate& loaded,
                       const CompareOptions& options) {
  const config::DisplayOptions display{false, false};
  if (options.format == "unified") {
    return config::format_unified(config::canonical_lines(c.running),
                                  config::canonical_lines(loaded.text),
                                  {"system:running-config", options.candidate}, display);
  }
  if (c.local.empty()) return "";
  return config::format_contextual(c.local, display);
}

void check_options(const CompareOptions& options) {
  const std::vector<std::string> sources = {"auto", "device", "local", "both"};
  if (std::find(sources.begin(), sources.end(), options.diff_source) == sources.end()) {
    throw Error(Failure::usage,
                "unknown --diff-source '" + options.diff_source + "' (use device, local or both)");
  }
  if (options.format != "contextual" && options.format != "unified" && options.format != "json") {
    throw Error(Failure::usage,
                "unknown --format '" + options.format + "' (use contextual, unified or json)");
  }
}

struct Shown {
  bool device = false;
  bool local = false;
};

int print(const driver::Comparison& c, const driver::LoadedCandidate& loaded,
          const CompareOptions& options, const Shown& shown, bool agree, Env& env) {
  const std::string device = redact_device_diff(c.device);
  const bool differences = (shown.device && !c.device.empty()) || (shown.local && !c.local.empty());
  if (env.record) {
    env.record->outcome = differences ? "changes" : "no_changes";
    env.record->diff = config::format_contextual(c.local, {false, false});
  }
  if (options.format == "json") {
    nlohmann::json doc = {{"differences", differences},
                          {"agree", agree},
                          {"candidate_path", loaded.path.str()},
                          {"transferred", loaded.transferred}};
    doc["device"] = shown.device ? nlohmann::json(device) : nlohmann::json(nullptr);
    doc["local"] =
        shown.local ? config::diff_json(c.local, {false, false}) : nlohmann::json(nullptr);
    print_json(env, doc);
  } else if (!differences) {
    env.out << "no changes\n";
  } else {
    const std::string local = local_text(c, loaded, options);
    if (shown.device && shown.local) env.out << "! device: show archive config differences\n";
    if (shown.device) env.out << (device.empty() ? "no changes\n" : device);
    if (shown.device && shown.local) env.out << "! local: iosctl's diff\n";
    if (shown.local) env.out << (c.local.empty() ? "no changes\n" : local);
  }
  return differences ? kExitDifferences : kExitOk;
}

}  // namespace

int run_compare(const DeviceFlags& flags, const CompareOptions& options, Env& env) {
  check_options(options);
  check_workflow_flags(options.workflow);
  const config::CandidateKind kind =
      options.merge ? config::CandidateKind::merge : config::CandidateKind::replace;
  const std::string text = read_config_file(options.candidate);
  // Offline checks first, so a bad candidate never reaches the device.
  driver::checked_candidate(text, options.candidate, kind);
  const driver::Connection connection = resolve_connection(flags, env);
  IosSession session(connection, flags, options.workflow, env);
  name_host(env, session.target());
  try {
    stop_if_interrupted(env, "");  // each call boundary (interruption.h)
    driver::IosDriver& ios = session.ios();
    const driver::LoadedCandidate& loaded =
        options.merge ? ios.load_merge_candidate(text, options.candidate)
                      : ios.load_replace_candidate(text, options.candidate);
    stop_if_interrupted(env, "");
    const driver::Comparison c = ios.compare_config();
    // A merge's device answer lists commands, not a signed diff: the two
    // cannot be matched line for line, so only the one asked for is shown.
    const bool agree = options.merge || diffs_agree(c);
    Shown shown{options.diff_source != "local", options.diff_source != "device"};
    // A JSON reader gets both diffs by default; a person only the device's
    // unless iosctl sees something else.
    if (options.diff_source == "auto" && options.format != "json") {
      shown = {true, !agree};
      if (!agree) {
        env.err << "iosctl: warning: " << session.target()
                << ": the device's diff and iosctl's differ; both are shown\n";
      }
    }
    if (c.device_shows_file) {
      env.err << "iosctl: warning: " << session.target()
              << ": the device cannot list a merge's new lines; its answer is the merge file "
                 "itself\n";
    }
    return print(c, loaded, options, shown, agree, env);
  } catch (const Error& e) {
    throw Error(e.failure(), session.target() + ": " + e.what());
  }
}

}  // namespace iosctl::cli
