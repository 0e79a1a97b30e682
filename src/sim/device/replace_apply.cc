#include "iosctl/sim/replace_apply.h"

#include "iosctl/sim/command_context.h"

#include <memory>

namespace iosctl::sim {
namespace {

// True when the line `command` removes is still there.
bool still_there(const RunningConfig& running, const ReplaceCommand& command) {
  const ConfigLine* at = &running.root();
  for (const std::string& parent : command.path) {
    at = running.find(*at, parent);
    if (!at) return false;
  }
  for (const auto& child : at->children) {
    if (child->text == command.text && child->body == command.body) return true;
  }
  return false;
}

// Answers what the line asked: Enter for a `[confirm]`, the body lines for
// a banner. False when the body ran out first or a line was refused.
bool answer(Reply reply, const std::vector<std::string>& body) {
  std::size_t next = 0;
  std::shared_ptr<Question> asked = std::move(reply.question);
  while (asked) {
    if (asked->input == Question::Input::key) {
      asked = asked->answer("").question;
      continue;
    }
    if (next == body.size()) return false;
    Reply more = asked->answer(body[next++]);
    if (more.failed) return false;
    asked = std::move(more.question);
  }
  return true;
}

}  // namespace

Applied apply_command(DeviceCore& device, std::string_view user, const ReplaceCommand& command) {
  if (command.removal && !still_there(*device.running, command)) return Applied::skipped;
  SessionState session;
  session.user = std::string(user);
  session.privileged = true;
  session.frames.push_back({"config", {}});
  for (const std::string& parent : command.path) {
    Reply entered = run_config_line(device, session, parent, 0);
    if (entered.failed || !answer(std::move(entered), {})) return Applied::failed;
  }
  Reply reply = run_config_line(device, session, command.line, 0);
  if (reply.failed) return Applied::failed;
  const bool done =
      answer(std::move(reply), command.removal ? std::vector<std::string>{} : command.body);
  return done ? Applied::ok : Applied::failed;
}

}  // namespace iosctl::sim
