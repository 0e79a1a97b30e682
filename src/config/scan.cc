#include "iosctl/config/scan.h"

#include "iosctl/config/text.h"

#include <optional>

namespace iosctl::config {
namespace {

// The text after `banner` and its optional kind word, or nullopt when `text`
// is not a banner line.
std::optional<std::string_view> banner_rest(std::string_view text) {
  static constexpr std::string_view kKinds[] = {
      "motd", "login", "exec", "incoming", "slip-ppp", "prompt-timeout", "config-save"};
  if (!text.starts_with("banner ")) return std::nullopt;
  std::string_view rest = trim_left(text.substr(7));
  for (std::string_view kind : kKinds) {
    if (rest.starts_with(kind) && (rest.size() == kind.size() || rest[kind.size()] == ' ')) {
      return trim_left(rest.substr(kind.size()));
    }
  }
  return rest;  // `banner ^C...^C` is the motd banner
}

// The banner's delimiter as written after `banner <kind> `: IOS writes ETX
// (0x03) in files and shows it as the two characters `^C`; interactive entry
// takes any single character.
std::string_view banner_delimiter(std::string_view rest) {
  return rest.starts_with("^C") ? rest.substr(0, 2) : rest.substr(0, 1);
}

bool is_hex_line(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex && c != ' ') return false;
  }
  return true;
}

bool is_certificate_chain(std::string_view text) {
  return text.starts_with("crypto pki certificate chain ") ||
         text.starts_with("crypto ca certificate chain ");
}

}  // namespace

ConfigScanner::ConfigScanner(std::string_view text) : text_(text) {}

bool ConfigScanner::next(ScannedLine& line) {
  if (offset_ >= text_.size()) {
    if (unit_ != NodeKind::command) unterminated_unit();
    return false;
  }
  line = read_line();
  if (unit_ != NodeKind::command && continue_unit(line)) return true;
  if (line.text.empty() || line.text.front() == '!') return true;  // trivia
  classify_node(line);
  if (line.kind == NodeKind::command) {
    open_.push_back({line.indent, line.text});
  } else {
    start_unit(line);
  }
  return true;
}

ScannedLine ConfigScanner::read_line() {
  std::size_t end = text_.find('\n', offset_);
  if (end == std::string_view::npos) end = text_.size();
  std::string_view raw = text_.substr(offset_, end - offset_);
  if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
  offset_ = end + 1;
  // One pass over each end of the line: this runs for every line of a
  // 200,000-line config.
  std::size_t first = 0;
  while (first < raw.size() && (raw[first] == ' ' || raw[first] == '\t')) ++first;
  std::size_t last = raw.size();
  while (last > first && (raw[last - 1] == ' ' || raw[last - 1] == '\t' || raw[last - 1] == '\r')) {
    --last;
  }
  ScannedLine line;
  line.number = ++number_;
  line.indent = static_cast<int>(first);
  line.raw = raw;
  line.text = raw.substr(first, last - first);
  return line;
}

// Works out the nesting depth of a configuration line and whether it opens
// a multi-line unit.
void ConfigScanner::classify_node(ScannedLine& line) {
  while (!open_.empty() && open_.back().indent >= line.indent) open_.pop_back();
  line.role = LineRole::node;
  line.depth = static_cast<int>(open_.size());
  if (auto rest = banner_rest(line.text)) {
    line.kind = NodeKind::banner;
    line.delimiter = banner_delimiter(*rest);
    line.delimiter_at = static_cast<std::size_t>(rest->data() - line.raw.data());
  } else if (line.text.starts_with("macro name ")) {
    line.kind = NodeKind::macro;
  } else if (!open_.empty() && line.text.starts_with("certificate ") &&
             is_certificate_chain(open_.back().text)) {
    line.kind = NodeKind::certificate;
  }
}

// Reports the open unit as never terminated and closes it.
void ConfigScanner::unterminated_unit() {
  switch (unit_) {
    case NodeKind::banner:
      problem(unit_line_, "banner is not terminated by its delimiter",
              "end the banner text with the delimiter it starts with");
      break;
    case NodeKind::certificate:
      problem(unit_line_, "certificate is not terminated by a 'quit' line",
              "end the certificate's hex lines with a line of two spaces, a TAB and 'quit'");
      break;
    case NodeKind::macro:
      problem(unit_line_, "macro is not terminated by a line holding only '@'",
              "end the macro with a line holding only '@'");
      break;
    case NodeKind::command:
      break;
  }
  unit_ = NodeKind::command;
}

void ConfigScanner::start_unit(const ScannedLine& first) {
  unit_line_ = first.number;
  if (first.kind == NodeKind::macro) {
    unit_ = NodeKind::macro;
    unit_end_ = "@";
    return;
  }
  if (first.kind == NodeKind::certificate) {
    unit_ = NodeKind::certificate;
    return;
  }
  const std::string_view rest = *banner_rest(first.text);
  unit_end_ = first.delimiter;
  if (unit_end_.empty()) {
    problem(first.number, "banner has no delimiter", "write the banner text between two ETX bytes");
    return;
  }
  // `banner motd ^CWelcome^C` opens and closes on its first line.
  if (rest.find(unit_end_, unit_end_.size()) == std::string_view::npos) unit_ = NodeKind::banner;
}

// Returns true when `line` belongs to the open unit (and marks it a body
// line); false when the unit ended before it.
bool ConfigScanner::continue_unit(ScannedLine& line) {
  bool last = false;
  switch (unit_) {
    case NodeKind::banner:
      last = line.raw.find(unit_end_) != std::string_view::npos;
      break;
    case NodeKind::macro:
      last = line.text == unit_end_;
      break;
    case NodeKind::certificate:
      // Certificates are hex lines (IOS prints them with a trailing space)
      // closed by `  <TAB>quit`; anything else means the `quit` was lost.
      last = line.text == "quit";
      if (!last && !is_hex_line(line.text)) {
        unterminated_unit();
        return false;
      }
      break;
    case NodeKind::command:
      return false;
  }
  line.role = LineRole::body;
  if (last) unit_ = NodeKind::command;
  return true;
}

void ConfigScanner::problem(int line, std::string_view message, std::string_view fix) {
  problems_.push_back({line, Severity::error, std::string(message), std::string(fix), false});
}

}  // namespace iosctl::config
