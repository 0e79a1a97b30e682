// Tcl's file channels on the simulated flash: `open`, `puts`, `close`, with
// Tcl 8.3's argument checks and error texts.

#include "iosctl/sim/device_core.h"
#include "iosctl/sim/flash.h"
#include "iosctl/sim/tcl_shell.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace iosctl::sim {
namespace {

constexpr std::array<std::string_view, 6> kModes = {"r", "r+", "w", "w+", "a", "a+"};

TclValue error(std::string message) { return {std::move(message), true}; }

bool is_std_channel(const std::string& name) { return name == "stdout" || name == "stderr"; }

// The flash file `url` names, or nullopt for a path the device has no file system for.
std::optional<FsPath> flash_path(const DeviceCore& device, const std::string& url) {
  std::optional<FsPath> path = split_path(url);
  if (!path || !device.flash.owns(path->fs) || path->name.empty()) return std::nullopt;
  return path;
}

// What the file holds once `channel` is closed: a channel opened with `w`
// replaces it, `a` adds to its end, `r+` overwrites its start.
std::string closed_bytes(const TclChannel& channel, const FlashFile* old) {
  const std::string before = old ? old->bytes : std::string();
  if (channel.mode.front() == 'a') return before + channel.buffer;
  if (channel.mode.front() == 'r') {
    return channel.buffer + before.substr(std::min(channel.buffer.size(), before.size()));
  }
  return channel.buffer;
}

// Writes `channel`'s bytes to flash. The file appears when it is closed,
// not when it is opened: nothing reads it in between in this model.
TclValue write_out(DeviceCore& device, const std::string& handle, const TclChannel& channel) {
  if (channel.mode == "r") return {};
  const std::optional<FsPath> path = flash_path(device, channel.url);
  if (!path) return error("couldn't open \"" + channel.url + "\": no such file or directory");
  const std::string bytes = closed_bytes(channel, device.flash.get(path->name));
  if (!device.flash.put(path->name, bytes, device.now())) {
    return error("error writing \"" + handle + "\": no space left on device");
  }
  device.dirty = true;
  return {};
}

}  // namespace

TclValue tcl_open(const DeviceCore& device, TclState& state, const std::vector<std::string>& args) {
  if (args.size() < 2 || args.size() > 4) {
    return error("wrong # args: should be \"open fileName ?access? ?permissions?\"");
  }
  const std::string& url = args[1];
  const std::string mode = args.size() > 2 ? args[2] : "r";
  if (std::find(kModes.begin(), kModes.end(), mode) == kModes.end()) {
    return error("illegal access mode \"" + mode + "\"");
  }
  const std::optional<FsPath> path = flash_path(device, url);
  if (!path || (mode.front() == 'r' && !device.flash.get(path->name))) {
    return error("couldn't open \"" + url + "\": no such file or directory");
  }
  std::string handle = "file" + std::to_string(state.next_channel++);
  state.channels[handle] = TclChannel{url, mode, {}};
  return {std::move(handle)};
}

TclValue tcl_puts(TclState& state, const std::vector<std::string>& args, std::string& printed) {
  std::vector<std::string> rest(args.begin() + 1, args.end());
  bool newline = true;
  if (rest.size() >= 2 && rest.front() == "-nonewline") {
    newline = false;
    rest.erase(rest.begin());
  } else if (rest.size() == 3) {
    // Tcl 8.3 still takes the old form `puts channelId string nonewline`.
    if (rest[2] != "nonewline") {
      return error("bad argument \"" + rest[2] + "\": should be \"nonewline\"");
    }
    newline = false;
    rest.pop_back();
  }
  if (rest.empty() || rest.size() > 2) {
    return error("wrong # args: should be \"puts ?-nonewline? ?channelId? string\"");
  }
  const std::string channel = rest.size() == 2 ? rest.front() : "stdout";
  const std::string text = newline ? rest.back() + "\n" : rest.back();
  if (is_std_channel(channel)) {
    printed += text;
    return {};
  }
  const auto found = state.channels.find(channel);
  if (found == state.channels.end()) return error("can not find channel named \"" + channel + "\"");
  if (found->second.mode == "r") {
    return error("channel \"" + channel + "\" wasn't opened for writing");
  }
  found->second.buffer += text;
  return {};
}

TclValue tcl_close(DeviceCore& device, TclState& state, const std::vector<std::string>& args) {
  if (args.size() != 2) return error("wrong # args: should be \"close channelId\"");
  const std::string& handle = args[1];
  if (is_std_channel(handle)) return {};
  const auto found = state.channels.find(handle);
  if (found == state.channels.end()) return error("can not find channel named \"" + handle + "\"");
  // Tcl forgets the channel even when writing it out fails.
  const TclChannel channel = std::move(found->second);
  state.channels.erase(found);
  return write_out(device, handle, channel);
}

void tcl_reset(DeviceCore& device, TclState& state) {
  for (const auto& [handle, channel] : state.channels) write_out(device, handle, channel);
  state = TclState{};
}

}  // namespace iosctl::sim
