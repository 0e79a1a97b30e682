#include "iosctl/sim/config_edit.h"
#include "iosctl/sim/secret_hash.h"
#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <array>
#include <memory>

namespace iosctl::sim {
namespace {

Reply end_config(CommandContext& c) {
  c.session.frames.clear();
  return {};
}

Reply exit_mode(CommandContext& c) {
  c.session.frames.pop_back();
  return {};
}

// `do show run` runs an EXEC command; carets count from the screen's left.
Reply do_exec(CommandContext& c) {
  const std::size_t offset = c.match.starts[1];
  return run_exec_line(c.device, c.session, c.line.substr(offset), c.prompt_size + offset);
}

Reply store_as(CommandContext& c, std::vector<std::string> words) { return store_line(c, words); }

Reply hostname(CommandContext& c) { return store_line(c, c.match.words); }

// `alert` is the default and is not shown (IOS_BEHAVIOR.md 4.3).
Reply file_prompt(CommandContext& c) {
  const bool to_default = c.match.words.size() == 2 || c.match.words[2] == "alert";
  if (!c.match.negated && to_default) {
    negate_line(*c.device.running, c.device.running->root(), {"file", "prompt"}, CommandSpec{});
    c.device.config_changed(c.session.user);
    return {};
  }
  return store_line(c, c.match.words);
}

// `route-map X` is `route-map X permit 10` (IOS shows the full form).
Reply route_map(CommandContext& c) {
  std::vector<std::string> words = c.match.words;
  if (!c.match.negated) {
    if (words.size() == 2) words.push_back("permit");
    if (words.size() == 3) words.push_back("10");
  }
  return store_as(c, words);
}

// IOS prints ` exit-address-family` after each address-family block.
Reply address_family(CommandContext& c) {
  RunningConfig& running = *c.device.running;
  ConfigLine& parent = context_line(c.device, c.session);
  std::string text;
  for (const std::string& w : c.match.words) text += (text.empty() ? "" : " ") + w;
  ConfigLine* existing = running.find(parent, text);
  if (c.match.negated) {
    ConfigLine* next = existing ? running.remove(*existing) : nullptr;
    if (next && next->text == "exit-address-family") running.remove(*next);
    c.device.config_changed(c.session.user);
    return {};
  }
  const bool is_new = existing == nullptr;
  Reply reply = store_line(c, c.match.words);
  if (is_new) {
    ConfigLine* af = running.find(parent, text);
    auto it = std::find_if(parent.children.begin(), parent.children.end(),
                           [af](const auto& line) { return line.get() == af; });
    ConfigLine* after = (it == parent.children.end() || std::next(it) == parent.children.end())
                            ? nullptr
                            : std::next(it)->get();
    running.insert_before(parent, after, "exit-address-family");
  }
  return reply;
}

// IOS-XE keeps `enable secret` as a type 9 hash whatever type was typed.
Reply enable_secret(CommandContext& c) {
  std::vector<std::string> words = c.match.words;
  if (!c.match.negated) {
    std::vector<std::string> rest = line_words(words.back());
    const bool typed_hash = rest.size() == 2 && rest[0] != "0" && is_number(rest[0]);
    const std::string secret = rest.size() == 2 ? rest[1] : words.back();
    words.back() = typed_hash ? words.back() : "9 " + type9_hash(secret);
    c.device.enable_secret_set_here = true;
  }
  return store_as(c, words);
}

// `username X ... secret S` is shown as `secret 9 <hash>`, `password P` as
// `password 0 P` (IOS_BEHAVIOR.md 9; the 15.5 capture's `password 0 cisco`).
std::string username_options(std::string_view typed) {
  std::vector<std::string> w = line_words(typed);
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    const bool plain = !is_number(w[i + 1]) || (w[i + 1] == "0" && i + 2 < w.size());
    if (w[i] == "secret" && plain) {
      const std::string secret = w[i + 1] == "0" ? w[i + 2] : w[i + 1];
      w.resize(i + 1);
      w.push_back("9");
      w.push_back(type9_hash(secret));
      break;
    }
    if (w[i] == "password" && !is_number(w[i + 1])) w.insert(w.begin() + i + 1, "0");
  }
  std::string out;
  for (const std::string& s : w) out += (out.empty() ? "" : " ") + s;
  return out;
}

Reply username(CommandContext& c) {
  if (!c.match.negated) {
    std::string options;
    for (std::size_t i = 2; i < c.match.words.size(); ++i) {
      options += (options.empty() ? "" : " ") + c.match.words[i];
    }
    return store_as(c, {"username", c.match.words[1], username_options(options)});
  }
  // IOS_BEHAVIOR.md 8: no space after `name.`; napalm answers with Enter.
  auto q = std::make_shared<Question>();
  q->prompt =
      "This operation will remove all username related configurations with same name.Do you "
      "want to continue? [confirm]";
  q->input = Question::Input::key;
  DeviceCore& device = c.device;
  const std::string user = c.session.user;
  const std::vector<std::string> key{"username", c.match.words[1]};
  q->answer = [&device, user, key](std::string_view answer) -> Reply {
    if (!answer.empty() && answer != "y" && answer != "Y") return {};
    negate_line(*device.running, device.running->root(), key, CommandSpec{});
    device.config_changed(user);
    return {};
  };
  return {"", q};
}

// IOS pads `deny` to the width of `permit` in ACL entries (`deny   any log`,
// fixtures/configs/README.md "ACL rendering"), so a typed `deny any` is kept
// that way and a replace of a file saved from the device finds its lines.
Reply acl_entry(CommandContext& c) {
  std::vector<std::string> words = c.match.words;
  if (!c.match.negated) {
    const auto action = std::find(words.begin(), words.end(), "deny");
    if (action != words.end()) *action = "deny  ";
  }
  return store_as(c, words);
}

// The UDI names the hardware, so IOS keeps it whatever a file says: a
// replace with another box's `license udi` line fails on it and `no license
// udi` changes nothing (IOS_BEHAVIOR.md 7.3, 7.5; 16.12.3 replay).
Reply license_udi(CommandContext& c) {
  if (c.match.negated) return {};
  RunningConfig& running = *c.device.running;
  const std::vector<ConfigLine*> current = running.find_prefix(running.root(), {"license", "udi"});
  if (current.empty()) return store_line(c, c.match.words);
  std::string typed;
  for (const std::string& w : c.match.words) typed += (typed.empty() ? "" : " ") + w;
  if (current.front()->text == typed) return {};
  return {
      "% License UDI cannot be changed: this device is " + current.front()->text.substr(12) + "\n",
      nullptr, true};
}

constexpr std::array kHandlers = {
    HandlerEntry{"end", end_config},
    HandlerEntry{"exit", exit_mode},
    HandlerEntry{"do", do_exec},
    HandlerEntry{"hostname", hostname},
    HandlerEntry{"file-prompt", file_prompt},
    HandlerEntry{"route-map", route_map},
    HandlerEntry{"address-family", address_family},
    HandlerEntry{"enable-secret", enable_secret},
    HandlerEntry{"username", username},
    HandlerEntry{"banner", banner_command},
    HandlerEntry{"acl-entry", acl_entry},
    HandlerEntry{"license-udi", license_udi},
};

}  // namespace

std::span<const HandlerEntry> config_handlers() { return kHandlers; }

}  // namespace iosctl::sim
