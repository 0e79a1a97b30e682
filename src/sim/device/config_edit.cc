#include "iosctl/sim/config_edit.h"

#include "iosctl/sim/text_util.h"

#include <algorithm>

namespace iosctl::sim {
namespace {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool is_secondary(std::string_view text) { return text.ends_with(" secondary"); }

// `ip address A M` replaces the primary address, never a `... secondary` one.
ConfigLine* replaceable(RunningConfig& running, ConfigLine& parent,
                        const std::vector<std::string>& prefix, std::string_view text) {
  for (ConfigLine* line : running.find_prefix(parent, prefix)) {
    if (is_secondary(line->text) == is_secondary(text)) return line;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> key_words(const std::vector<std::string>& words, const CommandSpec& spec) {
  const std::size_t key =
      spec.key == 0 ? words.size() : std::min(words.size(), static_cast<std::size_t>(spec.key));
  return line_words(join(std::vector<std::string>(words.begin(), words.begin() + key)));
}

ConfigLine& context_line(DeviceCore& device, const SessionState& session) {
  RunningConfig& running = *device.running;
  ConfigLine* line = &running.root();
  if (session.frames.empty()) return *line;
  for (const std::string& text : session.frames.back().path) {
    ConfigLine* found = running.find(*line, text);
    line = found ? found : &running.insert(*line, text, true);
  }
  return *line;
}

ConfigLine* add_line(RunningConfig& running, ConfigLine& parent,
                     const std::vector<std::string>& words, const CommandSpec& spec) {
  const std::string text = join(words);
  const std::vector<std::string> key = key_words(words, spec);
  // `ip address A M` takes the place of ` no ip address`, as IOS shows it.
  ConfigLine* no_place = nullptr;
  bool no_removed = false;
  if (spec.keep_no) {
    std::vector<std::string> no_key{"no"};
    no_key.insert(no_key.end(), key.begin(), key.end());
    for (ConfigLine* line : running.find_prefix(parent, no_key)) {
      no_place = running.remove(*line);
      no_removed = true;
    }
  }
  if (spec.default_on) return nullptr;
  if (ConfigLine* same = running.find(parent, text)) return same;
  if (spec.key != 0 && spec.submode.empty()) {
    if (ConfigLine* old = replaceable(running, parent, key, text)) {
      running.set_text(*old, text);
      return old;
    }
  }
  if (no_removed) return &running.insert_before(parent, no_place, text);
  return &running.insert(parent, text, !spec.submode.empty());
}

void negate_line(RunningConfig& running, ConfigLine& parent, const std::vector<std::string>& words,
                 const CommandSpec& spec) {
  const std::vector<std::string> key = key_words(words, spec);
  ConfigLine* next = nullptr;
  bool removed = false;
  for (ConfigLine* line : running.find_prefix(parent, key)) {
    next = running.remove(*line);
    removed = true;
  }
  if (!spec.keep_no) return;
  const std::string no_text = "no " + join(key);
  if (running.find(parent, no_text)) return;
  if (removed) {
    running.insert_before(parent, next, no_text);
  } else {
    running.insert(parent, no_text, false);
  }
}

std::string submode_for(const CommandSpec& spec, const std::vector<std::string>& words) {
  if (spec.submode == "config-if" && words.size() > 1 && words[1].find('.') != std::string::npos) {
    return "config-subif";
  }
  return spec.submode;
}

Reply store_line(CommandContext& c, const std::vector<std::string>& words) {
  RunningConfig& running = *c.device.running;
  ConfigLine& parent = context_line(c.device, c.session);
  const CommandSpec& spec = *c.match.command;
  if (c.match.negated) {
    negate_line(running, parent, words, spec);
  } else {
    add_line(running, parent, words, spec);
    if (!spec.submode.empty()) {
      Frame frame{submode_for(spec, words), c.session.frames.back().path};
      frame.path.push_back(join(words));
      c.session.frames.push_back(std::move(frame));
    }
  }
  c.device.config_changed(c.session.user);
  return {};
}

}  // namespace iosctl::sim
