#include "iosctl/sim/archive.h"
#include "iosctl/sim/command_context.h"
#include "iosctl/sim/config_lock.h"
#include "iosctl/sim/revert_timer.h"

#include <array>
#include <optional>
#include <string>
#include <utility>

namespace iosctl::sim {
namespace {

// The console text of `configure confirm` and `configure revert` was never
// captured (IOS_BEHAVIOR.md 7.6, 11): they print nothing when they work.
Reply configure_confirm(CommandContext& c) {
  if (!c.device.revert_timer) return {std::string(kNoRevertPending), nullptr, true};
  c.device.revert_timer.reset();
  return {};
}

Reply configure_revert_now(CommandContext& c) {
  if (!c.device.revert_timer) return {std::string(kNoRevertPending), nullptr, true};
  std::string trouble = revert_now(c.device);
  const bool failed = !trouble.empty();
  return {std::move(trouble), nullptr, failed};
}

// `configure revert timer N` starts the N minutes again, for the same backup
// and owner.
Reply configure_revert_timer(CommandContext& c) {
  if (!c.device.revert_timer) return {std::string(kNoRevertPending), nullptr, true};
  const RevertTimer pending = *c.device.revert_timer;
  arm_revert_timer(c.device, pending.user, std::stoi(c.match.words.back()), pending.backup_file,
                   pending.backup_text);
  return {};
}

// napalm merges with `revert_in` this way; the blog capture in
// IOS_BEHAVIOR.md 7.6 shows the backup line, an empty line, then config mode.
Reply configure_terminal_revert(CommandContext& c) {
  const std::optional<ArchiveSettings> archive = archive_settings(c.device);
  if (!archive) return {std::string(kArchiveOff), nullptr, true};
  if (c.device.revert_timer) return {std::string(kRevertPending), nullptr, true};
  if (std::optional<std::string> refused = refused_by_config_lock(c.device, c.session)) {
    return {*refused, nullptr, true};
  }
  const std::string original = c.device.config_file_text();
  const ArchiveWrite backup = archive_running(c.device, *archive);
  if (!backup.error.empty()) return {backup.error, nullptr, true};
  arm_revert_timer(c.device, c.session.user, std::stoi(c.match.words.back()), backup.file,
                   original);
  c.session.frames.push_back({"config", {}});
  return {"Rollback Confirmed Change: Backing up current running config to " + backup.file +
              "\n\nEnter configuration commands, one per line.  End with CNTL/Z.\n",
          nullptr};
}

constexpr std::array kHandlers = {
    HandlerEntry{"configure-confirm", configure_confirm},
    HandlerEntry{"configure-revert-now", configure_revert_now},
    HandlerEntry{"configure-revert-timer", configure_revert_timer},
    HandlerEntry{"configure-terminal-revert", configure_terminal_revert},
};

}  // namespace

std::span<const HandlerEntry> revert_handlers() { return kHandlers; }

}  // namespace iosctl::sim
