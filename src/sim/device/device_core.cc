#include "iosctl/sim/device_core.h"

#include "iosctl/sim/command_tables.h"
#include "iosctl/sim/secret_hash.h"
#include "iosctl/sim/text_util.h"

#include <cstdio>
#include <ctime>
#include <utility>

namespace iosctl::sim {
namespace {

constexpr std::uint64_t kMinFlash = 1;

// IOS-XE 16.12 prints `version 16.12`; a classic IOS 15.7 image `version 15.7`.
std::string platform_version(Platform platform) {
  return platform == Platform::iosxe ? "16.12" : "15.7";
}

// IOS-XE names flash `bootflash:` with `flash:` as its alias and prints 17
// wide sizes in `dir`; classic IOS has `flash:` alone and 12 wide sizes
// (IOS_BEHAVIOR.md 4.1).
Flash make_flash(const DeviceSetup& setup) {
  const bool xe = setup.platform == Platform::iosxe;
  const std::string name =
      setup.flash_name.empty() ? (xe ? "bootflash" : "flash") : setup.flash_name;
  Flash flash(name, xe, std::max(setup.flash_size, kMinFlash), xe ? 17 : 12);
  flash.set_full(setup.faults.flash_full);
  return flash;
}

// A lab's reject pattern is a regex; one that does not compile is taken as
// plain text, so `ip route 10.0.0.0 255.0.0.0 Null0 (x` still works.
std::vector<std::regex> compile_rejects(const std::vector<std::string>& patterns) {
  std::vector<std::regex> out;
  for (const std::string& p : patterns) {
    try {
      out.emplace_back(p);
    } catch (const std::regex_error&) {
      std::string literal;
      for (char c : p) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) literal += '\\';
        literal += c;
      }
      out.emplace_back(literal);
    }
  }
  return out;
}

void set_top_line(RunningConfig& running, std::string_view word, std::string_view text) {
  ConfigLine& root = running.root();
  std::vector<ConfigLine*> found = running.find_prefix(root, line_words(word));
  if (!found.empty()) {
    running.set_text(*found.front(), text);
    return;
  }
  // A new `hostname`/`enable secret` goes above the first block, where IOS
  // prints them, rather than at the end.
  ConfigLine* first_block = nullptr;
  for (const auto& line : root.children) {
    if (!line->children.empty()) {
      first_block = line.get();
      break;
    }
  }
  running.insert_before(root, first_block, text);
}

}  // namespace

DeviceCore::DeviceCore(DeviceSetup device_setup)
    // A copy of a compiled Grammar shares its (immutable) command trees, so
    // a lab's devices share one compilation: it was 64% of iosim's start-up.
    : setup(std::move(device_setup)),
      grammar(setup.grammar ? *setup.grammar : Grammar(command_grammar_text())),
      flash(make_flash(setup)) {
  booted = now();
  load_running(setup.running_config);
  bool amended = false;
  if (!setup.hostname.empty()) {
    set_top_line(*running, "hostname", "hostname " + setup.hostname);
    amended = true;
  }
  if (!setup.enable_secret.empty() &&
      running->find_prefix(running->root(), {"enable", "secret"}).empty()) {
    set_top_line(*running, "enable secret", "enable secret 9 " + type9_hash(setup.enable_secret));
    amended = true;
  }
  // A lab's hostname and enable secret are the device's own: when it boots
  // the config it runs (no separate startup-config), they are saved in it
  // too, so that a restart (iosim(1) RESTART) keeps them.
  const bool boots_what_it_runs = setup.startup_config == setup.running_config;
  startup = amended && boots_what_it_runs ? startup_text_now() : setup.startup_config;
  rejected = compile_rejects(setup.faults.reject_lines);
}

std::chrono::system_clock::time_point DeviceCore::now() const {
  return setup.clock ? setup.clock() : std::chrono::system_clock::now();
}

std::chrono::system_clock::duration DeviceCore::simulated(std::chrono::minutes minutes) const {
  const double scale = setup.time_scale > 0 ? setup.time_scale : 1.0;
  const std::chrono::duration<double> real =
      std::chrono::duration<double>(std::chrono::seconds(minutes)) / scale;
  return std::chrono::duration_cast<std::chrono::system_clock::duration>(real);
}

bool DeviceCore::rejects(std::string_view line) const {
  const std::string text(trim_view(line));
  for (const std::regex& r : rejected) {
    if (std::regex_search(text, r)) return true;
  }
  return false;
}

std::string DeviceCore::hostname() const {
  const std::string name = running->value("hostname");
  return name.empty() ? "Router" : name;
}

FilePrompt DeviceCore::file_prompt() const {
  const std::string mode = running->value("file");
  if (mode == "prompt quiet") return FilePrompt::quiet;
  if (mode == "prompt noisy") return FilePrompt::noisy;
  return FilePrompt::alert;
}

std::string DeviceCore::version() const { return platform_version(setup.platform); }

void DeviceCore::config_changed(std::string_view user) {
  changed = ChangeStamp{now(), std::string(user)};
  dirty = true;
}

void DeviceCore::load_running(std::string_view text) {
  running = std::make_unique<RunningConfig>(text, version());
}

std::string DeviceCore::config_file_text() const {
  std::string head = "!\n";
  if (changed) {
    head += "! Last configuration change at " + ios_time(changed->when);
    if (!changed->user.empty()) head += " by " + changed->user;
    head += "\n";
  } else {
    head += "! No configuration change since last restart\n";
  }
  if (saved) {
    head += "! NVRAM config last updated at " + ios_time(saved->when);
    if (!saved->user.empty()) head += " by " + saved->user;
    head += "\n";
  }
  return head + "!\n" + running->render();
}

std::string DeviceCore::running_text() const { return show_etx(running->render()); }

std::string DeviceCore::show_running() const {
  const std::string body = show_etx(config_file_text());
  // The 16.12 capture counts one byte more than the body from its first
  // `!` through `end` (IOS_BEHAVIOR.md 3.1), so we add one too.
  return "Building configuration...\n\nCurrent configuration : " + std::to_string(body.size() + 1) +
         " bytes\n" + body + "\n";
}

std::string DeviceCore::startup_text_now() const { return show_etx(config_file_text()); }

std::string ios_time(std::chrono::system_clock::time_point t) {
  const std::tm tm = utc_time(t);
  char date[64];
  std::strftime(date, sizeof date, "%a %b", &tm);
  char out[96];
  std::snprintf(out, sizeof out, "%02d:%02d:%02d UTC %s %d %d", tm.tm_hour, tm.tm_min, tm.tm_sec,
                date, tm.tm_mday, tm.tm_year + 1900);
  return out;
}

std::string show_etx(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\x03') {
      out += "^C";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace iosctl::sim
