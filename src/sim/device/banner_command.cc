#include "iosctl/sim/config_edit.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace iosctl::sim {
namespace {

constexpr char kEtx = '\x03';

// What a banner being typed has so far.
struct BannerDraft {
  std::string kind;       // motd, login, exec, incoming
  std::string delimiter;  // one character, or `^C` in a file saved from the screen
  std::string first;      // text after the opening delimiter on the command line
  std::vector<std::string> lines;
};

// IOS keeps the delimiter as ETX whatever was typed, and shows it as `^C`
// (IOS_BEHAVIOR.md 9).
// `last` is the text before the closing delimiter on the last line;
// nullopt for a banner given whole on the command line.
Reply store_banner(DeviceCore& device, std::string_view user, const BannerDraft& draft,
                   std::optional<std::string_view> last) {
  RunningConfig& running = *device.running;
  ConfigLine& root = running.root();
  negate_line(running, root, {"banner", draft.kind}, CommandSpec{});
  const std::string head = "banner " + draft.kind + " " + kEtx + draft.first;
  const bool one_line = !last.has_value();
  ConfigLine& line = running.insert(root, one_line ? head + kEtx : head, false);
  line.kind = config::NodeKind::banner;
  if (!one_line) {
    line.body = draft.lines;
    line.body.push_back(std::string(*last) + kEtx);
  }
  device.config_changed(user);
  return {};
}

Reply ask_line(DeviceCore& device, std::string user, std::shared_ptr<BannerDraft> draft) {
  auto q = std::make_shared<Question>();
  q->answer = [&device, user, draft](std::string_view line) -> Reply {
    const std::size_t end = line.find(draft->delimiter);
    if (end == std::string_view::npos) {
      draft->lines.emplace_back(line);
      return ask_line(device, user, draft);
    }
    return store_banner(device, user, *draft, line.substr(0, end));
  };
  return {"", q};
}

}  // namespace

Reply banner_command(CommandContext& c) {
  auto draft = std::make_shared<BannerDraft>();
  draft->kind = c.match.words[1];
  const std::string& rest = c.match.words[2];
  draft->delimiter = rest.starts_with("^C") ? "^C" : rest.substr(0, 1);
  const std::string after = rest.substr(draft->delimiter.size());
  const std::size_t end = after.find(draft->delimiter);
  if (end != std::string::npos) {
    draft->first = after.substr(0, end);
    return store_banner(c.device, c.session.user, *draft, std::nullopt);
  }
  draft->first = after;
  Reply reply = ask_line(c.device, c.session.user, draft);
  reply.text = "Enter TEXT message.  End with the character '" + draft->delimiter + "'.\n";
  return reply;
}

}  // namespace iosctl::sim
