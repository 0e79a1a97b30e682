#include "iosctl/sim/command_context.h"
#include "iosctl/sim/show_version.h"

#include <array>

namespace iosctl::sim {
namespace {

Reply show_running_config(CommandContext& c) { return {c.device.show_running(), nullptr}; }

// IOS-XE prints the saved text without the `Building configuration...`
// header (IOS_BEHAVIOR.md 3.2).
Reply show_startup_config(CommandContext& c) {
  if (c.device.startup.empty()) return {"startup-config is not present\n", nullptr};
  std::string text = c.device.startup;
  if (!text.ends_with("\n")) text += "\n";
  return {text + "\n", nullptr};
}

Reply show_version(CommandContext& c) { return {show_version_text(c.device), nullptr}; }

constexpr std::array kHandlers = {
    HandlerEntry{"show-running-config", show_running_config},
    HandlerEntry{"show-startup-config", show_startup_config},
    HandlerEntry{"show-version", show_version},
};

}  // namespace

std::span<const HandlerEntry> show_handlers() { return kHandlers; }

}  // namespace iosctl::sim
