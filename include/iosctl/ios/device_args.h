#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The typed arguments device commands are built from. Each is validated once,
// where the value enters iosctl (the command line, an inventory, connection
// options), and cannot hold a control character: a newline in a value would
// type a second command into the device's CLI, `?` would make IOS show help
// instead of running the line, TAB would complete a keyword.
namespace iosctl::ios {

// The rules, word for word as messages and man/iosctl.1 state them.
inline constexpr std::string_view kFileSystemRule =
    "a file system is up to 32 letters, digits and '-' ending in ':' (e.g. bootflash:)";
inline constexpr std::string_view kFileNameRule =
    "a file name is up to 128 letters, digits, '.', '_' and '-', with no path, not starting "
    "with '.' or '-' (e.g. candidate_config.txt)";
inline constexpr std::string_view kCliCommandRule =
    "a command is one line of up to 4096 printable characters, without '?' (IOS answers '?' "
    "with help; give one command per argument)";
inline constexpr std::string_view kConfigLineRule =
    "a config line is up to 4096 printable characters or TABs, with '?' only in a banner's "
    "text (write a banner's ETX delimiter as ^C, or send the file with commit --merge)";
inline constexpr std::string_view kSecretRule =
    "an enable secret is one line of up to 4096 printable characters (the value is not shown)";

inline constexpr std::size_t kMaxFileSystem = 32;
inline constexpr std::size_t kMaxFileName = 128;
inline constexpr std::size_t kMaxLine = 4096;

// Returns `value` fit for a one-line message: `\n`, `\r`, `\t`, `\0`, `\\`
// and `\xNN` for every other byte outside printable ASCII; longer than 60
// bytes, cut there with "...".
std::string shown_value(std::string_view value);

// Returns "WHAT 'SHOWN': RULE", the message of a refused value.
std::string refused(std::string_view what, std::string_view value, std::string_view rule);

// A device file system: `flash:`, `bootflash:`, `usb0:`.
class FileSystem {
 public:
  // Throws Error{usage} "WHAT 'VALUE': <kFileSystemRule>" for an invalid
  // value; `what` names where it came from ("--dest-file-system",
  // "inv/hosts.yaml:7: dest_file_system").
  FileSystem(std::string_view value, std::string_view what);
  // The file system `value` names; nullopt when it breaks the rule (a name
  // read from device output).
  static std::optional<FileSystem> from(std::string_view value);

  const std::string& str() const { return value_; }
  friend bool operator==(const FileSystem&, const FileSystem&) = default;

 private:
  FileSystem() = default;
  std::string value_;
};

// A plain file name on a device file system: `candidate_config.txt`.
class FileName {
 public:
  // Throws Error{usage} "WHAT 'VALUE': <kFileNameRule>".
  FileName(std::string_view value, std::string_view what);

  const std::string& str() const { return value_; }
  friend bool operator==(const FileName&, const FileName&) = default;

 private:
  std::string value_;
};

// A file on the device: `bootflash:/candidate_config.txt`, built only from
// its two validated parts.
class DevicePath {
 public:
  DevicePath(const FileSystem& fs, const FileName& name) : value_(fs.str() + "/" + name.str()) {}

  const std::string& str() const { return value_; }
  friend bool operator==(const DevicePath&, const DevicePath&) = default;

 private:
  std::string value_;
};

// Text around a device path, for commands and messages.
std::string operator+(std::string_view left, const DevicePath& right);
std::string operator+(const DevicePath& left, std::string_view right);

// One EXEC command typed at the device's prompt: `show ip interface brief`.
class CliCommand {
 public:
  // Throws Error{usage} "WHAT 'VALUE': <kCliCommandRule>".
  CliCommand(std::string_view value, std::string_view what);

  const std::string& str() const { return value_; }

 private:
  std::string value_;
};

// One line typed in configuration mode. Built by config_lines, which knows
// which lines are a banner's text.
class ConfigLine {
 public:
  const std::string& str() const { return value_; }

 private:
  friend std::vector<ConfigLine> config_lines(const std::vector<std::string>&,
                                              const std::function<std::string(std::size_t)>&);
  explicit ConfigLine(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

// Returns `lines` as config lines. A line may hold printable characters and
// TABs; a banner's text (after `banner motd ^C` up to the closing
// delimiter) may also hold `?`. ETX is refused: typed at the CLI it is
// Ctrl-C, which IOS takes as "leave configuration mode". Throws Error{usage} "<where(i)> 'LINE':
// <kConfigLineRule>" for the first line `i` (from 0) that breaks the rule.
std::vector<ConfigLine> config_lines(const std::vector<std::string>& lines,
                                     const std::function<std::string(std::size_t)>& where);

// The strings of `lines`, as GenericDriver::send_config takes them.
std::vector<std::string> strings_of(const std::vector<ConfigLine>& lines);

// Throws Error{usage} "WHAT: <kSecretRule>" (never the value) when `secret`,
// typed at the device's `Password:` prompt by `enable`, holds a control
// character or is too long.
void check_secret(std::string_view secret, std::string_view what);

}  // namespace iosctl::ios
