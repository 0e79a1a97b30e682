#include "iosctl/sim/command_context.h"
#include "iosctl/sim/config_lock.h"
#include "iosctl/sim/enable_secret.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <memory>

namespace iosctl::sim {
namespace {

// IOS gives three tries (IOS_BEHAVIOR.md 1.3).
constexpr int kEnableTries = 3;

constexpr std::string_view kUnsimulated = "% iosim: this command is not simulated\n";

Reply ask_password(DeviceCore& device, SessionState& session, int tries_left) {
  auto question = std::make_shared<Question>();
  question->prompt = "Password: ";
  question->input = Question::Input::secret;
  question->answer = [&device, &session, tries_left](std::string_view typed) -> Reply {
    if (enable_secret_matches(device, typed)) {
      session.privileged = true;
      return {};
    }
    if (tries_left > 1) return ask_password(device, session, tries_left - 1);
    return {"% Bad secrets\n\n", nullptr};
  };
  return {"", question};
}

Reply enable(CommandContext& c) {
  if (c.session.privileged) return {};
  // IOS asks for nothing when there is nothing to ask for: unicon knows the
  // answer as `% No password set` (IOS_BEHAVIOR.md 1.3).
  if (!has_enable_secret(c.device)) return {"% No password set\n", nullptr};
  return ask_password(c.device, c.session, kEnableTries);
}

Reply disable(CommandContext& c) {
  c.session.privileged = false;
  return {};
}

Reply exit_session(CommandContext& c) {
  c.session.closed = true;
  return {};
}

Reply terminal_length(CommandContext& c) {
  c.session.length = static_cast<unsigned>(std::stoul(c.match.words.back()));
  return {};
}

Reply terminal_width(CommandContext& c) {
  c.session.width = static_cast<unsigned>(std::stoul(c.match.words.back()));
  return {};
}

Reply nothing(CommandContext&) { return {}; }

Reply unsimulated(CommandContext&) { return {std::string(kUnsimulated), nullptr}; }

Reply configure(CommandContext& c) { return enter_configuration_mode(c, false); }

Reply show_privilege(CommandContext& c) {
  return {"Current privilege level is " + std::string(c.session.privileged ? "15" : "1") + "\n",
          nullptr};
}

Reply show_history(CommandContext& c) {
  std::string out;
  for (const std::string& line : c.session.history) out += "  " + line + "\n";
  return {out, nullptr};
}

// `*` marks a clock no NTP server has set, as on a lab box.
Reply show_clock(CommandContext& c) {
  const auto now = c.device.now();
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::string stamp = ios_time(now);  // HH:MM:SS UTC Www Mmm D YYYY
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03d", static_cast<int>(ms));
  return {"*" + stamp.substr(0, 8) + millis + stamp.substr(8) + "\n", nullptr};
}

constexpr std::array kHandlers = {
    HandlerEntry{"enable", enable},
    HandlerEntry{"disable", disable},
    HandlerEntry{"exit", exit_session},
    HandlerEntry{"terminal-length", terminal_length},
    HandlerEntry{"terminal-width", terminal_width},
    HandlerEntry{"nothing", nothing},
    HandlerEntry{"telnet", unsimulated},
    HandlerEntry{"unsimulated", unsimulated},
    HandlerEntry{"configure", configure},
    HandlerEntry{"show-privilege", show_privilege},
    HandlerEntry{"show-history", show_history},
    HandlerEntry{"show-clock", show_clock},
};

}  // namespace

std::span<const HandlerEntry> session_handlers() { return kHandlers; }

}  // namespace iosctl::sim
