#include "iosctl/sim/archive.h"

#include "iosctl/sim/text_util.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <utility>
#include <vector>

namespace iosctl::sim {
namespace {

// `Mar-11-14-27-51.000`: IOS pads a one-digit day with `-` where strftime's
// %e has a space (`backup-May--4-13-16-19.360-0`, IOS_BEHAVIOR.md 6.1). The
// device clock is UTC, and names of UTC boxes carry no zone.
std::string stamp(std::chrono::system_clock::time_point t) {
  const std::tm tm = utc_time(t);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  char out[64];
  std::snprintf(out, sizeof out, "%s-%s%d-%02d-%02d-%02d.%03d", month_abbreviation(tm.tm_mon),
                tm.tm_mday < 10 ? "-" : "", tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms));
  return out;
}

// ` path flash:$h-cfg` names the copies after the hostname (napalm-ios #121:
// `flash:pynet-rtr1-cfg...`).
std::string expanded_path(const DeviceCore& device, const ArchiveSettings& settings) {
  std::string path = settings.path;
  for (std::size_t at = path.find("$h"); at != std::string::npos; at = path.find("$h", at)) {
    path.replace(at, 2, device.hostname());
  }
  return path;
}

std::string file_name(const DeviceCore& device, const ArchiveSettings& settings, int n) {
  return expanded_path(device, settings) + "-" + stamp(device.now()) + "-" + std::to_string(n);
}

void apply_setting(ArchiveSettings& settings, bool& has_path, std::string_view text) {
  const std::vector<std::string> words = line_words(text);
  if (words.size() == 2 && words[0] == "path") {
    settings.path = words[1];
    has_path = true;
  } else if (words.size() == 2 && words[0] == "maximum" && is_number(words[1])) {
    settings.maximum = std::stoi(words[1]);
  } else if (words.size() == 1 && words[0] == "write-memory") {
    settings.write_memory = true;
  }
}

}  // namespace

std::optional<ArchiveSettings> archive_settings(const DeviceCore& device) {
  const RunningConfig& running = *device.running;
  const ConfigLine* block = running.find(running.root(), "archive");
  if (!block) return std::nullopt;
  ArchiveSettings settings;
  bool has_path = false;
  for (const auto& child : block->children) apply_setting(settings, has_path, child->text);
  if (!has_path) return std::nullopt;
  return settings;
}

ArchiveWrite archive_running(DeviceCore& device, const ArchiveSettings& settings) {
  ArchiveWrite out;
  out.file = file_name(device, settings, device.archive.next);
  const std::optional<FsPath> where = split_path(out.file);
  if (!where || !device.flash.owns(where->fs)) {
    out.error = "%Error opening " + out.file + " (No such device)\n";
    return out;
  }
  if (!device.flash.put(where->name, device.config_file_text(), device.now())) {
    out.error = "%Error writing " + out.file + " (No space left on device)\n";
    return out;
  }
  device.archive.files.push_back(out.file);
  ++device.archive.next;
  device.dirty = true;
  const std::size_t keep = static_cast<std::size_t>(std::max(settings.maximum, 1));
  while (device.archive.files.size() > keep) {
    if (const std::optional<FsPath> old = split_path(device.archive.files.front())) {
      device.flash.erase(old->name);
    }
    device.archive.files.erase(device.archive.files.begin());
  }
  return out;
}

// The layout of ntc-templates' capture (ios-samples/show_archive.txt):
// numbers left-aligned in 9 columns after 3 spaces, a row for every slot.
std::string show_archive(const DeviceCore& device) {
  const std::optional<ArchiveSettings> settings = archive_settings(device);
  if (!settings) return " Archive feature not enabled\n";
  const std::vector<std::string>& files = device.archive.files;
  std::string out = "The maximum archive configurations allowed is " +
                    std::to_string(settings->maximum) + ".\nThere are currently " +
                    std::to_string(files.size()) +
                    " archive configurations saved.\nThe next archive file will be named " +
                    file_name(device, *settings, device.archive.next) + "\n Archive #  Name\n";
  const std::size_t rows = std::max(files.size(), static_cast<std::size_t>(settings->maximum));
  for (std::size_t i = 0; i < rows; ++i) {
    std::string row = "   " + std::to_string(i + 1);
    if (i < files.size()) {
      row.resize(12, ' ');
      row += files[i];
      if (i + 1 == files.size()) row += " <- Most Recent";
    }
    out += row + "\n";
  }
  return out;
}

void rebuild_archive_log(DeviceCore& device) {
  device.archive = ArchiveLog{};
  const std::optional<ArchiveSettings> settings = archive_settings(device);
  if (!settings) return;
  const std::string path = expanded_path(device, *settings);
  const std::optional<FsPath> split = split_path(path + "-");
  if (!split || !device.flash.owns(split->fs)) return;
  std::vector<std::pair<int, std::string>> found;
  for (const auto& [name, file] : device.flash.files()) {
    if (!name.starts_with(split->name)) continue;
    const std::string number = name.substr(name.rfind('-') + 1);
    if (!is_number(number) || number.size() > 9) continue;
    found.emplace_back(std::stoi(number), path + "-" + name.substr(split->name.size()));
  }
  std::sort(found.begin(), found.end());
  for (const auto& [n, full] : found) device.archive.files.push_back(full);
  if (!found.empty()) device.archive.next = found.back().first + 1;
}

}  // namespace iosctl::sim
