#include "iosctl/ios/device_args.h"

#include "iosctl/error.h"

namespace iosctl::ios {
namespace {

// Longer values are cut in messages: a 100 kB value is one line still.
constexpr std::size_t kShownBytes = 60;

bool is_letter_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool printable(unsigned char c) { return c >= 0x20 && c != 0x7f; }

bool valid_file_system(std::string_view v) {
  if (v.size() < 2 || v.size() > kMaxFileSystem || v.back() != ':') return false;
  for (const char c : v.substr(0, v.size() - 1)) {
    if (!is_letter_or_digit(c) && c != '-') return false;
  }
  return true;
}

bool valid_file_name(std::string_view v) {
  if (v.empty() || v.size() > kMaxFileName || v.front() == '.' || v.front() == '-') return false;
  for (const char c : v) {
    if (!is_letter_or_digit(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

// The printable bytes IOS's line editor takes as text; bytes from 0x80 are
// kept (UTF-8 in a description or a pattern).
bool valid_line(std::string_view v, bool tabs) {
  if (v.size() > kMaxLine) return false;
  for (const char c : v) {
    const auto u = static_cast<unsigned char>(c);
    if (!printable(u) && !(tabs && c == '\t')) return false;
  }
  return true;
}

// The delimiter a `banner KIND D...` line opens, or "" when `line` is no
// banner head. IOS takes the first character after KIND, or `^C` as two
// characters.
std::string banner_delimiter(std::string_view line, std::size_t& text_at) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos || line.substr(start, 7) != "banner ") return "";
  const std::size_t kind = line.find_first_not_of(' ', start + 7);
  if (kind == std::string_view::npos) return "";
  const std::size_t space = line.find(' ', kind);
  if (space == std::string_view::npos) return "";
  const std::size_t delim = line.find_first_not_of(' ', space);
  if (delim == std::string_view::npos) return "";
  const std::size_t size = line.substr(delim, 2) == "^C" ? 2 : 1;
  text_at = delim + size;
  return std::string(line.substr(delim, size));
}

// True when `text` (a banner's, after its opening delimiter) is fine: no
// control character but TAB; `?` is text there.
bool valid_banner_text(std::string_view text) { return valid_line(text, true); }

// A line outside any banner: printable or TAB, and no `?`.
bool valid_plain_config_line(std::string_view line) {
  return valid_line(line, true) && line.find('?') == std::string_view::npos;
}

}  // namespace

std::string shown_value(std::string_view value) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  const std::string_view head = value.substr(0, kShownBytes);
  for (const char c : head) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\0':
        out += "\\0";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (u >= 0x20 && u < 0x7f) {
          out += c;
        } else {
          out += "\\x";
          out += kHex[u >> 4];
          out += kHex[u & 0x0f];
        }
    }
  }
  if (value.size() > head.size()) out += "...";
  return out;
}

std::string refused(std::string_view what, std::string_view value, std::string_view rule) {
  return std::string(what) + " '" + shown_value(value) + "': " + std::string(rule);
}

FileSystem::FileSystem(std::string_view value, std::string_view what) {
  if (!valid_file_system(value)) throw Error(Failure::usage, refused(what, value, kFileSystemRule));
  value_ = std::string(value);
}

std::optional<FileSystem> FileSystem::from(std::string_view value) {
  if (!valid_file_system(value)) return std::nullopt;
  FileSystem fs;
  fs.value_ = std::string(value);
  return fs;
}

FileName::FileName(std::string_view value, std::string_view what) {
  if (!valid_file_name(value)) throw Error(Failure::usage, refused(what, value, kFileNameRule));
  value_ = std::string(value);
}

std::string operator+(std::string_view left, const DevicePath& right) {
  return std::string(left) + right.str();
}

std::string operator+(const DevicePath& left, std::string_view right) {
  return left.str() + std::string(right);
}

CliCommand::CliCommand(std::string_view value, std::string_view what) {
  if (!valid_line(value, false) || value.find('?') != std::string_view::npos) {
    throw Error(Failure::usage, refused(what, value, kCliCommandRule));
  }
  value_ = std::string(value);
}

std::vector<ConfigLine> config_lines(const std::vector<std::string>& lines,
                                     const std::function<std::string(std::size_t)>& where) {
  std::vector<ConfigLine> out;
  std::string open;  // the delimiter of the banner being typed; "": none
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    bool ok = line.size() <= kMaxLine;
    if (ok && !open.empty()) {
      // A banner's text, up to and including its closing delimiter.
      ok = valid_banner_text(line);
      if (line.find(open) != std::string::npos) open.clear();
    } else if (ok) {
      std::size_t text_at = 0;
      const std::string delimiter = banner_delimiter(line, text_at);
      if (delimiter.empty()) {
        ok = valid_plain_config_line(line);
      } else {
        const std::string_view head = std::string_view(line).substr(0, text_at);
        const std::string_view text = std::string_view(line).substr(text_at);
        ok = valid_plain_config_line(head) && valid_banner_text(text);
        if (text.find(delimiter) == std::string_view::npos) open = delimiter;
      }
    }
    if (!ok) throw Error(Failure::usage, refused(where(i), line, kConfigLineRule));
    out.push_back(ConfigLine(line));
  }
  return out;
}

std::vector<std::string> strings_of(const std::vector<ConfigLine>& lines) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const ConfigLine& line : lines) out.push_back(line.str());
  return out;
}

void check_secret(std::string_view secret, std::string_view what) {
  if (!valid_line(secret, false)) {
    throw Error(Failure::usage, std::string(what) + ": " + std::string(kSecretRule));
  }
}

}  // namespace iosctl::ios
