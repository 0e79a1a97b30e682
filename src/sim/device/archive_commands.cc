#include "iosctl/config/contextual_format.h"
#include "iosctl/config/diff.h"
#include "iosctl/sim/archive.h"
#include "iosctl/sim/command_context.h"
#include "iosctl/sim/config_replace.h"
#include "iosctl/sim/file_endpoint.h"
#include "iosctl/sim/indexed_config.h"
#include "iosctl/sim/revert_timer.h"

#include <array>
#include <optional>
#include <string>
#include <utility>

namespace iosctl::sim {
namespace {

// The bytes a typed file names, or nullopt.
std::optional<std::string> file_bytes(const DeviceCore& device, std::string_view typed) {
  const FileEndpoint file = resolve_endpoint(device, typed);
  if (file.kind == FileEndpoint::Kind::null) return std::nullopt;
  return endpoint_bytes(device, file);
}

Reply show_archive_list(CommandContext& c) { return {show_archive(c.device), nullptr}; }

// `archive config` saves a copy by hand. Without the archive a real box
// prints both lines below (a lab transcript of `archive config`).
Reply archive_config(CommandContext& c) {
  const std::optional<ArchiveSettings> settings = archive_settings(c.device);
  if (!settings) {
    return {" Archive feature not enabled\n% Error caught by command handler\n", nullptr, true};
  }
  ArchiveWrite written = archive_running(c.device, *settings);
  const bool failed = !written.error.empty();
  return {std::move(written.error), nullptr, failed};
}

Reply show_rollback(CommandContext& c) { return {show_rollback_timer(c.device), nullptr}; }

// IOS_BEHAVIOR.md 6.3: no file compares the running config with the startup
// config, one compares the running config with it, two compare A with B.
// It needs no archive (napalm compares before it checks for one).
Reply archive_differences(CommandContext& c) {
  const std::vector<std::string>& w = c.match.words;  // show archive config differences [A [B]]
  const std::string a = w.size() > 5 ? w[4] : "system:running-config";
  const std::string b = w.size() > 5 ? w[5] : w.size() > 4 ? w[4] : "nvram:startup-config";
  const std::optional<std::string> from = file_bytes(c.device, a);
  if (!from) return {no_such_file(a), nullptr, true};
  const std::optional<std::string> to = file_bytes(c.device, b);
  if (!to) return {no_such_file(b), nullptr, true};
  const IndexedConfig before(*from);
  const IndexedConfig after(*to);
  config::DisplayOptions shown;
  shown.show_secrets = true;  // the device prints its config as it is
  return {config::format_contextual(diff_indexed(before, after, false), shown) + "\n", nullptr};
}

// The lines `file` adds to the running config, as a merge would type them:
// unindented, each under its parents (ios-samples/show_archive_config_incremental-diffs.txt).
std::string merge_lines(const IndexedConfig& file, const config::ConfigDiff& diff) {
  std::string out;
  std::vector<std::string> context;
  for (const config::Change& change : diff.added) {
    const IndexedConfig::Entry* entry = file.at(change.line);
    if (!entry) continue;
    std::size_t shared = 0;
    while (shared < context.size() && shared < entry->path.size() &&
           context[shared] == entry->path[shared]) {
      ++shared;
    }
    for (std::size_t d = shared; d < entry->path.size(); ++d) out += entry->path[d] + "\n";
    out += entry->node->text + "\n";
    for (const std::string& line : entry->node->body) out += line + "\n";
    context = entry->path;
    context.push_back(entry->node->text);
  }
  return out;
}

// IOS_BEHAVIOR.md 6.4; a file without `end` gets error code 5 (napalm-ios #195).
Reply incremental_diffs(CommandContext& c) {
  const std::string& typed = c.match.words[4];
  const std::optional<std::string> bytes = file_bytes(c.device, typed);
  if (!bytes) return {no_such_file(typed), nullptr, true};
  if (!ends_with_end(*bytes)) {
    return {
        "!List of Commands:\nError: received error code 5 when looking for missing lines\n"
        "!Error: cfgdiff returned error 5\n",
        nullptr, true};
  }
  const IndexedConfig running(c.device.running->render());
  const IndexedConfig file(*bytes);
  const config::ConfigDiff diff = diff_indexed(running, file, c.match.words.size() > 5);
  const std::string lines = merge_lines(file, diff);
  if (lines.empty()) return {"!List of Commands:\nend\n!No changes were found\n\n", nullptr};
  return {"!List of Commands:\n" + lines + "end\n\n", nullptr};
}

constexpr std::array kHandlers = {
    HandlerEntry{"archive-config", archive_config},
    HandlerEntry{"show-archive", show_archive_list},
    HandlerEntry{"show-rollback-timer", show_rollback},
    HandlerEntry{"archive-differences", archive_differences},
    HandlerEntry{"incremental-diffs", incremental_diffs},
};

}  // namespace

std::span<const HandlerEntry> archive_handlers() { return kHandlers; }

}  // namespace iosctl::sim
