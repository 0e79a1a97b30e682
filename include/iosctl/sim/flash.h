#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::sim {

// One file on the simulated flash.
struct FlashFile {
  std::string bytes;
  std::chrono::system_clock::time_point modified;
  int inode = 0;
};

// A typed file-system path split at its colon: `bootflash:/x` -> {"bootflash", "x"}.
struct FsPath {
  std::string fs;    // the prefix without its colon, as typed
  std::string name;  // the file name, leading slashes dropped; may be empty
};

// Returns `typed` split at its first colon, or nullopt when it has none.
std::optional<FsPath> split_path(std::string_view typed);

// The device's flash (`bootflash:` on IOS-XE, where `flash:` names the same
// disk; `flash:` on classic IOS): a flat set of files within a capacity.
class Flash {
 public:
  // `primary` is `flash` or `bootflash`; `alias_both` makes the other name an
  // alias of it (IOS-XE).
  Flash(std::string primary, bool alias_both, std::uint64_t capacity, int size_width);

  // The file-system names this flash answers to, primary first.
  const std::vector<std::string>& names() const { return names_; }
  const std::string& primary() const { return names_.front(); }
  // True when `fs` (no colon) is one of names().
  bool owns(std::string_view fs) const;

  const FlashFile* get(std::string_view name) const;
  // Stores `bytes` as `name`. Returns false (and changes nothing) when the
  // flash lacks the space.
  bool put(std::string_view name, std::string bytes, std::chrono::system_clock::time_point now);
  // Removes `name`; false when there is no such file.
  bool erase(std::string_view name);
  // Drops every file and stores `files` (restore).
  void reset(const std::map<std::string, std::string>& files,
             std::chrono::system_clock::time_point now);

  // Fault `flash_full`: no free bytes, and every put() fails.
  void set_full(bool full) { full_ = full; }

  std::uint64_t capacity() const { return capacity_; }
  std::uint64_t free_bytes() const;
  const std::map<std::string, FlashFile, std::less<>>& files() const { return files_; }

  // Returns `dir` output for `fs` as typed and file `name` (empty: all), the
  // `%Error opening` line when that file is missing.
  std::string dir(std::string_view fs, std::string_view name) const;

 private:
  std::vector<std::string> names_;
  std::uint64_t capacity_;
  int size_width_;
  int next_inode_ = 12;
  bool full_ = false;
  std::map<std::string, FlashFile, std::less<>> files_;
};

}  // namespace iosctl::sim
