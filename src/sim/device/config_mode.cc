#include "iosctl/config/config_tree.h"
#include "iosctl/sim/cli_errors.h"
#include "iosctl/sim/command_context.h"
#include "iosctl/sim/config_edit.h"
#include "iosctl/sim/text_util.h"

namespace iosctl::sim {
namespace {

const HandlerEntry* find_config_handler(std::string_view action) {
  for (const HandlerEntry& entry : config_handlers()) {
    if (entry.action == action) return &entry;
  }
  return nullptr;
}

Reply execute(DeviceCore& device, SessionState& session, const Match& match, std::string_view line,
              std::size_t prompt_size) {
  CommandContext context{device, session, match, line, prompt_size};
  const std::string& action = match.command->action;
  if (action.empty()) return store_line(context, match.words);
  if (const HandlerEntry* entry = find_config_handler(action)) return entry->handler(context);
  return {"% iosim: no handler for '" + action + "'\n", nullptr, true};
}

}  // namespace

Reply run_config_line(DeviceCore& device, SessionState& session, std::string_view line,
                      std::size_t prompt_size) {
  // Fault `reject_lines`: the line fails as IOS fails a line it cannot take,
  // with the caret under its first character, so every client sees an error.
  if (device.rejects(line)) {
    const std::size_t first = line.find_first_not_of(" \t");
    return {invalid_input(prompt_size + (first == std::string_view::npos ? 0 : first)), nullptr,
            true};
  }
  // A command the current sub-mode does not know is tried in the modes
  // above it; where it is accepted, the session moves up to that mode (IOS
  // leaves `config-if` for `hostname X` or `interface Y`). Errors come from
  // the mode that read furthest.
  Match best;
  bool have_best = false;
  for (std::size_t level = session.frames.size(); level-- > 0;) {
    Match match = device.grammar.match(session.frames[level].mode, line, true);
    if (match.status == MatchStatus::ok) {
      session.frames.resize(level + 1);
      return execute(device, session, match, line, prompt_size);
    }
    if (!have_best || match.column > best.column) best = std::move(match);
    have_best = true;
  }
  return {match_error(best, line, prompt_size), nullptr, true};
}

std::string merge_config(DeviceCore& device, std::string_view user, std::string_view text) {
  SessionState session;
  session.user = std::string(user);
  session.privileged = true;
  session.frames.push_back({"config", {}});
  std::shared_ptr<Question> pending;
  std::string errors;
  for (std::string_view raw : split(text, '\n')) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Reply reply;
    if (pending) {
      reply = pending->answer(raw);  // the lines of a banner
    } else if (config::is_trivia(raw)) {
      continue;
    } else {
      reply = run_config_line(device, session, trim_view(raw), 0);
      if (reply.failed) errors += std::string(trim_view(raw)) + "\n" + reply.text;
    }
    pending = reply.question;
    // A `[confirm]` (`no username X`) takes Enter, not the next line.
    while (pending && pending->input == Question::Input::key)
      pending = pending->answer("").question;
    if (session.frames.empty()) break;  // `end`
  }
  return errors;
}

}  // namespace iosctl::sim
