#include "iosctl/sim/command_context.h"
#include "iosctl/sim/copy_commands.h"
#include "iosctl/sim/file_endpoint.h"

#include <array>
#include <cstdio>
#include <memory>

namespace iosctl::sim {
namespace {

// 32768K of NVRAM, as `show version` says.
constexpr std::uint64_t kNvramSize = 32768ull * 1024;

Reply dir(CommandContext& c) {
  const DeviceCore& d = c.device;
  if (c.match.words.size() == 1) return {d.flash.dir(d.flash.primary(), ""), nullptr};
  const std::string& typed = c.match.words[1];
  const std::optional<FsPath> path = split_path(typed);
  if (!path || !d.flash.owns(path->fs)) {
    return {"%Error opening " + typed + " (No such device)\n", nullptr, true};
  }
  Reply reply{d.flash.dir(path->fs, path->name), nullptr};
  reply.failed = reply.text.starts_with("%Error");
  return reply;
}

// `more` prints the file's bytes as they are (IOS_BEHAVIOR.md 4.4).
Reply more(CommandContext& c) {
  const FileEndpoint file = resolve_endpoint(c.device, c.match.words[1]);
  std::optional<std::string> bytes = endpoint_bytes(c.device, file);
  if (!bytes || file.kind == FileEndpoint::Kind::null) {
    return {no_such_file(file.typed), nullptr, true};
  }
  if (file.kind == FileEndpoint::Kind::running) *bytes = show_etx(*bytes);
  if (!bytes->empty() && !bytes->ends_with("\n")) *bytes += "\n";
  return {*bytes, nullptr};
}

// `.......Done!` then `verify /md5 (<path as typed>) = <md5>` (IOS_BEHAVIOR.md 4.5).
Reply verify_md5(CommandContext& c) {
  const std::string& typed = c.match.words[2];
  const FileEndpoint file = resolve_endpoint(c.device, typed);
  const FlashFile* found =
      file.kind == FileEndpoint::Kind::flash ? c.device.flash.get(file.name) : nullptr;
  if (!found) return {no_such_file(typed), nullptr, true};
  // One dot per 64 KiB read, as IOS shows progress, at most a line's worth.
  const std::size_t dots = std::min<std::size_t>(1 + found->bytes.size() / 65536, 70);
  return {std::string(dots, '.') + "Done!\nverify /md5 (" + typed + ") = " + md5_hex(found->bytes) +
              "\n",
          nullptr};
}

Reply erase_file(DeviceCore& device, const std::string& name, bool quiet_blank) {
  if (!device.flash.erase(name)) {
    return {"%Error deleting " + device.flash.primary() + ":/" + name +
                " (No such file or directory)\n",
            nullptr, true};
  }
  device.dirty = true;
  return {quiet_blank ? "" : "\n", nullptr};
}

// `Delete bootflash:/X? [confirm]` names the primary file system even when
// `flash:` was typed (IOS_BEHAVIOR.md 4.3, ios-samples/delete_flash.txt).
Reply confirm_delete(DeviceCore& device, std::string name) {
  auto q = std::make_shared<Question>();
  q->prompt = "Delete " + device.flash.primary() + ":/" + name + "? [confirm]";
  q->input = Question::Input::key;
  q->answer = [&device, name](std::string_view key) -> Reply {
    if (!key.empty() && key != "y" && key != "Y") return {};
    return erase_file(device, name, false);
  };
  return {"", q};
}

Reply delete_file(CommandContext& c) {
  const bool force = c.match.words[1] == "/force";
  const FileEndpoint file = resolve_endpoint(c.device, c.match.words.back());
  if (file.kind != FileEndpoint::Kind::flash || file.name.empty()) {
    return {"%Error deleting " + file.typed + " (Permission denied)\n", nullptr, true};
  }
  if (force) return erase_file(c.device, file.name, true);
  if (c.device.file_prompt() == FilePrompt::quiet) return confirm_delete(c.device, file.name);
  DeviceCore& device = c.device;
  auto q = std::make_shared<Question>();
  q->prompt = "Delete filename [" + file.name + "]? ";
  q->answer = [&device, name = file.name](std::string_view answer) -> Reply {
    if (answer.empty()) return confirm_delete(device, name);
    const std::optional<FsPath> typed = split_path(answer);
    return confirm_delete(device, typed ? typed->name : std::string(answer));
  };
  return {"", q};
}

std::string fs_row(char mark, const std::string& size, const std::string& free,
                   std::string_view type, std::string_view flags, const std::string& prefixes) {
  char line[160];
  std::snprintf(line, sizeof line, "%c%13s%14s%10s%7s   %s\n", mark, size.c_str(), free.c_str(),
                std::string(type).c_str(), std::string(flags).c_str(), prefixes.c_str());
  return line;
}

// Layout of genieparser's C9300 golden output (IOS_BEHAVIOR.md 4.2); `*`
// marks the default file system.
Reply show_file_systems(CommandContext& c) {
  const DeviceCore& d = c.device;
  std::string prefixes;
  for (const std::string& n : d.flash.names()) prefixes += (prefixes.empty() ? "" : " ") + n + ":";
  const std::string dash = "-";
  std::string out = "File Systems:\n\n       Size(b)       Free(b)      Type  Flags  Prefixes\n";
  out += fs_row(' ', dash, dash, "opaque", "rw", "system:");
  out += fs_row(' ', dash, dash, "opaque", "rw", "tmpsys:");
  out += fs_row('*', std::to_string(d.flash.capacity()), std::to_string(d.flash.free_bytes()),
                "disk", "rw", prefixes);
  out += fs_row(' ', dash, dash, "opaque", "rw", "null:");
  out += fs_row(' ', dash, dash, "opaque", "ro", "tar:");
  out += fs_row(' ', dash, dash, "network", "rw", "tftp:");
  const std::uint64_t nvram_used = std::min<std::uint64_t>(d.startup.size(), kNvramSize);
  out += fs_row(' ', std::to_string(kNvramSize), std::to_string(kNvramSize - nvram_used), "nvram",
                "rw", "nvram:");
  out += fs_row(' ', dash, dash, "opaque", "wo", "syslog:");
  for (const char* net : {"rcp:", "http:", "ftp:", "scp:", "sftp:", "https:"}) {
    out += fs_row(' ', dash, dash, "network", "rw", net);
  }
  out += fs_row(' ', dash, dash, "opaque", "ro", "cns:");
  return {out + "\n", nullptr};
}

constexpr std::array kHandlers = {
    HandlerEntry{"dir", dir},
    HandlerEntry{"more", more},
    HandlerEntry{"verify-md5", verify_md5},
    HandlerEntry{"delete", delete_file},
    HandlerEntry{"show-file-systems", show_file_systems},
    HandlerEntry{"copy", copy_command},
    HandlerEntry{"write-memory", write_memory},
};

}  // namespace

std::span<const HandlerEntry> file_handlers() { return kHandlers; }

}  // namespace iosctl::sim
