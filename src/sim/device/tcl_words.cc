#include "iosctl/sim/tcl_words.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace iosctl::sim {
namespace {

// Tcl 8.3's parser (tclParse.c) counts these as white space between words;
// newline and `;` end a command instead.
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

// How one call of Parser::parse ended.
enum class Stop { command, end, bracket, error };

// Splits one command off a script, following tclParse.c: words in braces are
// kept verbatim, words in quotes and bare words get backslash, `$` and `[]`
// substitution. With `build` false it only finds where things end (the
// completeness check runs on every line typed, so it builds nothing).
class Parser {
 public:
  Parser(std::string_view script, bool nested, bool build, int depth = 0)
      : s_(script), nested_(nested), build_(build), depth_(depth) {}

  Stop parse(std::size_t pos, TclCommand* out) {
    pos_ = pos;
    if (!skip_to_command()) {
      if (!error_.empty()) return Stop::error;
      return pos_ >= s_.size() ? Stop::end : Stop::bracket;
    }
    const std::size_t start = pos_;
    std::size_t end = pos_;
    for (;;) {
      TclWord word;
      const std::size_t word_start = pos_;
      if (!parse_word(word)) return Stop::error;
      end = pos_;
      if (build_) {
        word.source = std::string(s_.substr(word_start, pos_ - word_start));
        out->words.push_back(std::move(word));
      }
      if (!skip_blanks()) return Stop::error;
      if (pos_ >= s_.size() || (nested_ && s_[pos_] == ']')) break;
      if (s_[pos_] == '\n' || s_[pos_] == ';') {
        ++pos_;
        break;
      }
    }
    if (build_) out->source = std::string(s_.substr(start, end - start));
    return Stop::command;
  }

  std::size_t pos() const { return pos_; }
  const std::string& error() const { return error_; }
  bool incomplete() const { return incomplete_; }

 private:
  bool fail(std::string message, bool incomplete) {
    error_ = std::move(message);
    incomplete_ = incomplete;
    return false;
  }

  // tclParse.c: a backslash-newline that is the last thing typed means the
  // line continues, so interactive tclsh asks for more.
  bool continues_at(std::size_t p) const {
    return p + 2 == s_.size() && s_[p] == '\\' && s_[p + 1] == '\n';
  }

  // Skips blanks and backslash-newlines between words.
  bool skip_blanks() {
    for (;;) {
      if (pos_ < s_.size() && is_blank(s_[pos_])) {
        ++pos_;
      } else if (pos_ + 1 < s_.size() && s_[pos_] == '\\' && s_[pos_ + 1] == '\n') {
        if (continues_at(pos_)) return fail("incomplete command", true);
        tcl_backslash(s_, pos_);
      } else {
        return true;
      }
    }
  }

  // Skips what comes before a command: blanks, empty commands, comments.
  // False at the end of the script or, nested, at its `]`.
  bool skip_to_command() {
    for (;;) {
      if (!skip_blanks()) return false;
      if (pos_ >= s_.size() || (nested_ && s_[pos_] == ']')) return false;
      if (s_[pos_] == '\n' || s_[pos_] == ';') {
        ++pos_;
      } else if (s_[pos_] == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') pos_ += s_[pos_] == '\\' ? 2 : 1;
        pos_ = std::min(pos_, s_.size());
      } else {
        return true;
      }
    }
  }

  bool at_word_end() const {
    if (pos_ >= s_.size()) return true;
    const char c = s_[pos_];
    return is_blank(c) || c == '\n' || c == ';' || (nested_ && c == ']') ||
           (c == '\\' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n');
  }

  void add_text(TclWord& word, std::string_view text) const {
    if (!build_) return;
    if (word.parts.empty() || word.parts.back().kind != TclPart::Kind::text) {
      word.parts.push_back({TclPart::Kind::text, {}});
    }
    word.parts.back().value += text;
  }

  void add_part(TclWord& word, TclPart::Kind kind, std::string_view value) const {
    if (build_) word.parts.push_back({kind, std::string(value)});
  }

  bool parse_word(TclWord& word) {
    if (s_[pos_] == '{') return braced(word);
    if (s_[pos_] == '"') return quoted(word);
    return bare(word);
  }

  bool braced(TclWord& word);
  bool quoted(TclWord& word);
  bool bare(TclWord& word);
  bool substitute(TclWord& word);
  bool variable(TclWord& word);
  bool bracket(TclWord& word);

  std::string_view s_;
  bool nested_;
  bool build_;
  int depth_;  // brackets this parser is inside
  std::size_t pos_ = 0;
  std::string error_;
  bool incomplete_ = false;
};

// In braces only backslash-newline is replaced (by one space); the other
// backslashes stay, but a backslash still keeps the next brace from counting.
bool Parser::braced(TclWord& word) {
  int depth = 1;
  std::size_t run = ++pos_;
  while (pos_ < s_.size()) {
    const char c = s_[pos_];
    if (c == '\\' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
      if (continues_at(pos_)) return fail("incomplete command", true);
      add_text(word, s_.substr(run, pos_ - run));
      add_text(word, tcl_backslash(s_, pos_));
      run = pos_;
      continue;
    }
    if (c == '\\') {
      pos_ = std::min(pos_ + 2, s_.size());
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}' && --depth == 0) {
      add_text(word, s_.substr(run, pos_ - run));
      ++pos_;
      if (!at_word_end()) return fail("extra characters after close-brace", false);
      return true;
    }
    ++pos_;
  }
  return fail("missing close-brace", true);
}

bool Parser::quoted(TclWord& word) {
  ++pos_;
  add_text(word, "");
  while (pos_ < s_.size()) {
    if (s_[pos_] == '"') {
      ++pos_;
      if (!at_word_end()) return fail("extra characters after close-quote", false);
      return true;
    }
    if (!substitute(word)) return false;
  }
  return fail("missing \"", true);
}

bool Parser::bare(TclWord& word) {
  while (!at_word_end()) {
    if (!substitute(word)) return false;
  }
  return true;
}

// Takes one character, or one substitution, of a quoted or bare word.
bool Parser::substitute(TclWord& word) {
  const char c = s_[pos_];
  if (c == '$') return variable(word);
  if (c == '[') return bracket(word);
  if (c == '\\') {
    if (continues_at(pos_)) return fail("incomplete command", true);
    add_text(word, tcl_backslash(s_, pos_));
    return true;
  }
  add_text(word, s_.substr(pos_++, 1));
  return true;
}

// `$name` (letters, digits, `_`, `::`) or `${any}`; a `$` before anything
// else is a plain `$`. Array elements (`$a(x)`) are not modelled.
bool Parser::variable(TclWord& word) {
  const std::size_t start = ++pos_;
  if (pos_ < s_.size() && s_[pos_] == '{') {
    const std::size_t close = s_.find('}', pos_);
    if (close == std::string_view::npos) return fail("missing close-brace for variable name", true);
    add_part(word, TclPart::Kind::variable, s_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    return true;
  }
  for (;;) {
    if (pos_ < s_.size() && is_name_char(s_[pos_])) {
      ++pos_;
    } else if (s_.substr(pos_, 2) == "::") {
      pos_ += 2;
    } else {
      break;
    }
  }
  if (pos_ == start) {
    add_text(word, "$");
  } else {
    add_part(word, TclPart::Kind::variable, s_.substr(start, pos_ - start));
  }
  return true;
}

// `[script]`: the nested commands are parsed to find the `]` that closes
// them; the script is kept as typed and evaluated when the word is.
bool Parser::bracket(TclWord& word) {
  // Tcl's own limit (interp recursionlimit, 1000) and its words: brackets
  // nested without end must not run the parser off its stack.
  constexpr int kMaxNesting = 1000;
  if (depth_ >= kMaxNesting) return fail("too many nested evaluations (infinite loop?)", false);
  const std::size_t open = pos_;
  std::size_t next = open + 1;
  for (;;) {
    Parser inner(s_, true, false, depth_ + 1);
    const Stop stop = inner.parse(next, nullptr);
    if (stop == Stop::error) return fail(inner.error(), inner.incomplete());
    if (stop == Stop::end) return fail("missing close-bracket", true);
    next = inner.pos();
    if (stop == Stop::bracket) break;
  }
  add_part(word, TclPart::Kind::script, s_.substr(open + 1, next - open - 1));
  pos_ = next + 1;
  return true;
}

std::string octal_escape(std::string_view text, std::size_t& pos) {
  // Tcl 8.3 reads at most three octal digits and keeps the low 8 bits
  // (`\777` is 0xff).
  unsigned value = 0;
  const std::size_t first = pos + 1;
  while (pos + 1 < text.size() && pos + 1 < first + 3 && text[pos + 1] >= '0' &&
         text[pos + 1] <= '7') {
    value = value * 8 + static_cast<unsigned>(text[pos + 1] - '0');
    ++pos;
  }
  ++pos;
  return std::string(1, static_cast<char>(value & 0xffu));
}

// `\xH...` (every hex digit, low 8 bits kept) or `\uHHHH` (at most four
// digits); with no digit after it, the letter itself.
std::string hex_escape(std::string_view text, std::size_t& pos, bool unicode) {
  unsigned value = 0;
  std::size_t p = pos + 2;
  while (p < text.size() && is_hex(text[p]) && (!unicode || p < pos + 6)) {
    value = (value << 4 | static_cast<unsigned>(hex_value(text[p]))) & (unicode ? 0xffffu : 0xffu);
    ++p;
  }
  if (p == pos + 2) {
    pos += 2;
    return std::string(1, text[p - 1]);
  }
  pos = p;
  // Files are written as iso8859-1 in this model: one byte per character,
  // `?` for a character that has none (as Tcl's encoding converter does).
  if (value > 0xffu) return "?";
  return std::string(1, static_cast<char>(value));
}

}  // namespace

TclParse parse_tcl_command(std::string_view script, std::size_t pos, bool nested) {
  Parser parser(script, nested, true);
  TclParse result;
  TclCommand command;
  const Stop stop = parser.parse(pos, &command);
  result.next = parser.pos();
  if (stop == Stop::error) {
    result.error = parser.error();
    result.incomplete = parser.incomplete();
  } else if (stop == Stop::command) {
    result.command = std::move(command);
  }
  return result;
}

bool tcl_command_complete(std::string_view script) {
  // Interactive tclsh adds the newline of the Enter key before it asks
  // Tcl_CommandComplete, so a line ending in `\` continues.
  const std::string text = std::string(script) + "\n";
  std::size_t pos = 0;
  for (;;) {
    Parser parser(text, false, false);
    const Stop stop = parser.parse(pos, nullptr);
    if (stop == Stop::error) return !parser.incomplete();
    if (stop != Stop::command) return true;
    pos = parser.pos();
  }
}

std::string tcl_backslash(std::string_view text, std::size_t& pos) {
  if (pos + 1 >= text.size()) {
    ++pos;
    return "\\";
  }
  const char c = text[pos + 1];
  constexpr std::string_view kLetters = "abfnrtv";
  constexpr std::string_view kControls = "\a\b\f\n\r\t\v";
  if (const std::size_t i = kLetters.find(c); i != std::string_view::npos) {
    pos += 2;
    return std::string(1, kControls[i]);
  }
  // Tcl 8.3 reads every hex digit after `\x` with strtoul and casts the
  // value to unsigned char, so only the last two count: `\x41B` is ESC
  // (0x1b), not `A` then `B`. A client that escapes bytes must use octal.
  if (c == 'x' || c == 'u') return hex_escape(text, pos, c == 'u');
  if (c >= '0' && c <= '7') return octal_escape(text, pos);
  pos += 2;
  if (c != '\n') return std::string(1, c);
  // Backslash-newline and the blanks after it are one space.
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return " ";
}

}  // namespace iosctl::sim
