#include "iosctl/sim/flash.h"

#include "iosctl/sim/text_util.h"

#include <cstdio>
#include <ctime>

namespace iosctl::sim {
namespace {

// IOS-XE `dir` (IOS_BEHAVIOR.md 4.1, ios-samples/dir_bootflash.txt): inode
// right-aligned in 5, permissions, size right-aligned in 17 (12 on classic
// IOS), `Mmm D` right-aligned in 6, year, time, UTC offset, name.
std::string entry_line(const std::string& name, const FlashFile& file, int size_width) {
  const std::tm tm = utc_time(file.modified);
  char day[16];
  std::snprintf(day, sizeof day, "%s %d", month_abbreviation(tm.tm_mon), tm.tm_mday);
  char line[160];
  std::snprintf(line, sizeof line, "%5d  -rw-%*zu  %6s %04d %02d:%02d:%02d +00:00  ", file.inode,
                size_width, file.bytes.size(), day, tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return line + name + "\n";
}

}  // namespace

std::optional<FsPath> split_path(std::string_view typed) {
  const std::size_t colon = typed.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view name = typed.substr(colon + 1);
  while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  return FsPath{std::string(typed.substr(0, colon)), std::string(name)};
}

Flash::Flash(std::string primary, bool alias_both, std::uint64_t capacity, int size_width)
    : capacity_(capacity), size_width_(size_width) {
  names_.push_back(primary);
  if (alias_both) names_.push_back(primary == "flash" ? "bootflash" : "flash");
}

bool Flash::owns(std::string_view fs) const {
  for (const std::string& n : names_) {
    if (n == fs) return true;
  }
  return false;
}

const FlashFile* Flash::get(std::string_view name) const {
  const auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

bool Flash::put(std::string_view name, std::string bytes,
                std::chrono::system_clock::time_point now) {
  if (full_) return false;
  const FlashFile* old = get(name);
  const std::uint64_t reclaimed = old ? old->bytes.size() : 0;
  if (bytes.size() > free_bytes() + reclaimed) return false;
  FlashFile& file = files_[std::string(name)];
  if (!old) file.inode = next_inode_++;
  file.bytes = std::move(bytes);
  file.modified = now;
  return true;
}

bool Flash::erase(std::string_view name) {
  const auto it = files_.find(name);
  if (it == files_.end()) return false;
  files_.erase(it);
  return true;
}

void Flash::reset(const std::map<std::string, std::string>& files,
                  std::chrono::system_clock::time_point now) {
  files_.clear();
  for (const auto& [name, bytes] : files) {
    FlashFile& file = files_[name];
    file.inode = next_inode_++;
    file.bytes = bytes;
    file.modified = now;
  }
}

std::uint64_t Flash::free_bytes() const {
  if (full_) return 0;
  std::uint64_t used = 0;
  for (const auto& [name, file] : files_) used += file.bytes.size();
  return used >= capacity_ ? 0 : capacity_ - used;
}

std::string Flash::dir(std::string_view fs, std::string_view name) const {
  const std::string where = std::string(fs) + ":/" + std::string(name);
  std::string out = "Directory of " + where + "\n\n";
  if (!name.empty()) {
    const FlashFile* file = get(name);
    if (!file) return "%Error opening " + where + " (No such file or directory)\n";
    out += entry_line(std::string(name), *file, size_width_);
  } else if (files_.empty()) {
    out += "No files in directory\n";
  } else {
    for (const auto& [n, file] : files_) out += entry_line(n, file, size_width_);
  }
  return out + "\n" + std::to_string(capacity_) + " bytes total (" + std::to_string(free_bytes()) +
         " bytes free)\n";
}

}  // namespace iosctl::sim
