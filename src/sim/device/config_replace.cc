#include "iosctl/sim/config_replace.h"

#include "iosctl/sim/indexed_config.h"
#include "iosctl/sim/replace_apply.h"
#include "iosctl/sim/replace_plan.h"
#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <vector>

namespace iosctl::sim {
namespace {

// IOS retries a replace up to five passes before it gives up (IOS_BEHAVIOR.md
// 7.3: `Rollback aborted after 5 passes`).
constexpr int kMaxPasses = 5;

using Commands = std::vector<ReplaceCommand>;

std::string indent(std::size_t depth) { return std::string(depth, ' '); }

// The commands as IOS lists a rollback configlet: each under its parent
// lines, printed again whenever the context changes.
std::string configlet(const Commands& commands) {
  std::string out;
  std::vector<std::string> context;
  for (const ReplaceCommand& c : commands) {
    std::size_t shared = 0;
    while (shared < context.size() && shared < c.path.size() && context[shared] == c.path[shared]) {
      ++shared;
    }
    for (std::size_t d = shared; d < c.path.size(); ++d) out += indent(d) + c.path[d] + "\n";
    out += indent(c.path.size()) + c.line + "\n";
    if (!c.removal) {
      for (const std::string& line : c.body) out += line + "\n";
    }
    context = c.path;
    if (!c.removal) context.push_back(c.text);
  }
  return show_etx(out);  // a banner's delimiter shows as `^C`, as everywhere on screen
}

// `list` prints every pass like this (IOS_BEHAVIOR.md 7.2, napalm PR #1701).
std::string pass_listing(int pass, const Commands& commands) {
  return "!Pass " + std::to_string(pass) + "\n!List of Rollback Commands:\n" + configlet(commands) +
         "end\n\n\n";
}

std::string done_text(int passes) {
  return "Total number of passes: " + std::to_string(passes) + "\nRollback Done\n\n";
}

// The 16.12.3 replay (ios-samples/configure_replace_force_rollback_aborted.txt).
std::string aborted_text(const Commands& last, const Commands& failed) {
  std::string out =
      "The rollback configlet from the last pass is listed below:\n********\n"
      "!List of Rollback Commands:\n" +
      configlet(last) + "end\n********\n\n\nRollback aborted after " + std::to_string(kMaxPasses) +
      " passes\n";
  // napalm-ios #210 shows an image that prints no failed list; we print one
  // whenever a command failed.
  if (!failed.empty()) {
    out += "The following commands are failed to apply to the IOS image.\n********\n" +
           configlet(failed) + "********\n";
  }
  return out + "\n\n";
}

// napalm #1009: the failing line keeps its own indentation after
// `Failed to apply command ` (two spaces before an interface sub-command).
std::string failed_text(const ReplaceCommand& c) {
  return "Failed to apply command " + indent(c.path.size()) + c.line + "\nAborting Rollback.\n";
}

// Types one pass's `plan`; returns the commands that failed. Sets
// `out.status` when the replace stops in the middle of the pass.
Commands apply_pass(DeviceCore& device, std::string_view user, const Commands& plan,
                    const ReplaceOptions& options, ReplaceOutcome& out) {
  Commands failed;
  // Fault drop_during_replace: half of the pass gets in, then the session
  // goes away, leaving the device in between.
  const std::size_t drop_after =
      device.setup.faults.drop_during_replace ? std::max<std::size_t>(1, plan.size() / 2) : 0;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    if (apply_command(device, user, plan[i]) == Applied::failed) {
      if (options.revert_on_error) {
        out.status = ReplaceOutcome::Status::failed;
        out.text += failed_text(plan[i]);
        return failed;
      }
      failed.push_back(plan[i]);
    }
    if (i + 1 == drop_after) {
      out.status = ReplaceOutcome::Status::dropped;
      return failed;
    }
  }
  return failed;
}

}  // namespace

bool ends_with_end(std::string_view text) {
  std::string_view last;
  for (std::string_view line : config::split_lines(text)) {
    if (!trim_view(line).empty()) last = trim_view(line);
  }
  return last == "end";
}

// 16.12 took a file whose first lines were `show running-config`'s header,
// so only the `version` line and the final `end` are required (7.5).
bool is_config_file(std::string_view text) {
  bool version = false;
  for (std::string_view line : config::split_lines(text)) {
    version = version || trim_view(line).starts_with("version ");
  }
  return version && ends_with_end(text);
}

ReplaceOutcome replace_running(DeviceCore& device, std::string_view user,
                               std::string_view candidate, const ReplaceOptions& options) {
  const IndexedConfig target(candidate);
  ReplaceOutcome out;
  Commands last;
  Commands failed;
  for (int pass = 1;; ++pass) {
    const IndexedConfig running(device.running->render());
    Commands plan = plan_replace(running, target, options.ignorecase, device.grammar);
    if (plan.empty()) {
      out.passes = pass - 1;
      out.text += done_text(out.passes);
      return out;
    }
    if (pass > kMaxPasses) {
      out.status = ReplaceOutcome::Status::aborted;
      out.passes = kMaxPasses;
      out.text += aborted_text(last, failed);
      return out;
    }
    if (options.list) out.text += pass_listing(pass, plan);
    failed = apply_pass(device, user, plan, options, out);
    if (out.status != ReplaceOutcome::Status::done) return out;
    last = std::move(plan);
  }
}

}  // namespace iosctl::sim
