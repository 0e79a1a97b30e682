#include "iosctl/config/candidate_rules.h"

#include "iosctl/config/config_tree.h"
#include "iosctl/config/normalize.h"
#include "iosctl/config/redact.h"
#include "iosctl/config/scan.h"
#include "iosctl/config/text.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace iosctl::config {
namespace {

constexpr char kEtx = '\x03';
constexpr std::string_view kCaretC = "^C";
constexpr std::string_view kNotValid =
    "(configure replace answers '%The input file is not a valid config file.')";
constexpr std::string_view kMergeNeedsEnd =
    "(the device cannot diff a merge file without it: 'received error code 5')";
// IOS writes a certificate's last line as two spaces, a TAB and `quit`
// (IOS_BEHAVIOR.md section 9, seen in a 16.12 replay).
constexpr std::string_view kQuitLine = "  \tquit";

Finding finding(int line, Severity severity, std::string message, std::string fix) {
  return {Diagnostic{line, severity, std::move(message), std::move(fix), false}, {}};
}

Finding repairable(int line, Severity severity, std::string message, std::string fix,
                   std::vector<LineEdit> edits) {
  return {Diagnostic{line, severity, std::move(message), std::move(fix), true}, std::move(edits)};
}

// IOS prints a police block's actions deeper than one level under `police`
// (`  police cir 8000` / `   conform-action transmit`, deeper still on some
// images; see tests/config/parse_test.cc), so those jumps are its own.
bool is_police_action(std::string_view parent, std::string_view text) {
  if (!parent.starts_with("police")) return false;
  return text.starts_with("conform-action") || text.starts_with("exceed-action") ||
         text.starts_with("violate-action");
}

std::string with_etx(std::string_view line, std::size_t at) {
  std::string out(line);
  out.replace(at, kCaretC.size(), 1, kEtx);
  return out;
}

// Whether `text` (a configuration line) holds redact_secrets' placeholder
// where a secret goes: with the placeholder replaced by a word, the line
// would be redacted there again. `description <redacted>` holds none.
bool holds_placeholder(std::string_view text) {
  if (text.find(kRedacted) == std::string_view::npos) return false;
  std::string probe(text);
  for (std::size_t at = probe.find(kRedacted); at != std::string::npos; at = probe.find(kRedacted))
    probe.replace(at, kRedacted.size(), "x");
  return redact_secrets(probe).find(kRedacted) != std::string::npos;
}

// Where the first control byte other than TAB and CR is in `bytes`, or npos.
std::size_t control_byte_at(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) return i;
  }
  return std::string_view::npos;
}

// The number of the first line that ends in CR, or 0.
int first_cr_line(std::string_view text) {
  int number = 1;
  for (std::size_t start = 0; start < text.size(); ++number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start && text[end - 1] == '\r') return number;
    start = end + 1;
  }
  return 0;
}

// `text` without the CRs that end its lines: what a repair writes, and so
// what the rules read. A CR CR LF line (a Windows file sent through a text
// mode transfer) would otherwise read differently before and after repair.
std::string without_line_end_crs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += without_line_end(text.substr(start, end - start));
    if (end < text.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

// A command line that later lines may nest under.
struct OpenLine {
  int line = 0;
  int indent = 0;
  std::string_view text;
};

// A banner opened by `^C` whose closing line has not come yet.
struct CaretBanner {
  int line = 0;
  std::size_t open = 0;  // where its `^C` starts in `first`
  std::string_view first;
  bool etx_in_text = false;
};

// Feeds the lines ConfigScanner classifies through every rule, keeping only
// views into the text and the open blocks, so a 64 MiB file is one pass (two
// and a copy when it has CRs).
class CandidateChecker {
 public:
  CandidateChecker(std::string_view text, CandidateKind kind) : text_(text), kind_(kind) {}

  std::vector<Finding> run() {
    line_endings();
    const bool has_cr = text_.find('\r') != std::string_view::npos;
    const std::string copy = has_cr ? without_line_end_crs(text_) : std::string();
    ConfigScanner scanner(has_cr ? std::string_view(copy) : text_);
    ScannedLine line;
    while (scanner.next(line)) take(line);
    for (const Diagnostic& d : scanner.problems()) out_.push_back({d, {}});
    finish();
    return std::move(out_);
  }

 private:
  void take(const ScannedLine& line) {
    last_line_ = line.number;
    switch (line.role) {
      case LineRole::body:
        return body_line(line);
      case LineRole::trivia:
        control_byte(line.number, line.raw);
        return trivia_line(line);
      case LineRole::node:
        unit_ = line.kind;
        indentation(line);
        header(line);
        version_and_end(line);
        placeholder(line);
        if (line.kind == NodeKind::banner) {
          control_byte(line.number, line.raw.substr(0, line.delimiter_at));
          banner(line);
        } else {
          control_byte(line.number, line.raw);
        }
    }
  }

  // A backup taken with get-config's default masking: committing it would
  // set the secret to the placeholder itself and lock the operator out.
  void placeholder(const ScannedLine& line) {
    if (!holds_placeholder(line.text)) return;
    out_.push_back(finding(
        line.number, Severity::error,
        "'" + redact_secrets(line.text) + "' holds the redaction placeholder, not the secret",
        "take the backup with 'iosctl get-config --show-secrets' or "
        "'get-config -o FILE'"));
  }

  // Outside a banner's text (and a certificate's or macro's body lines) a
  // control byte is typed into the device's CLI: a stray ETX, say, makes
  // configure replace fail on the line, quoting it as ''.
  void control_byte(int number, std::string_view bytes) {
    const std::size_t at = control_byte_at(bytes);
    if (at == std::string_view::npos) return;
    char byte[8];
    std::snprintf(byte, sizeof byte, "\\x%02x", static_cast<unsigned char>(bytes[at]));
    out_.push_back(finding(number, Severity::error,
                           "line holds the control byte '" + std::string(byte) + "' in column " +
                               std::to_string(at + 1) +
                               ", outside a banner (configure replace fails on it)",
                           "delete the byte; only a banner's text may hold control bytes, and "
                           "ETX only as its delimiter"));
  }

  void line_endings() {
    if (const int line = first_cr_line(text_)) {
      out_.push_back(repairable(line, Severity::warning,
                                "line ends in CR LF, not LF (Windows line endings)",
                                "convert the file's line endings to LF", {}));
    }
    if (!text_.empty() && text_.back() != '\n') {
      out_.push_back(repairable(static_cast<int>(std::count(text_.begin(), text_.end(), '\n')) + 1,
                                Severity::warning, "file does not end with a line break",
                                "end the last line with a line break", {}));
    }
  }

  // The blank line right after a header line goes with it.
  void trivia_line(const ScannedLine& line) {
    if (line.number == header_ + 1 && line.text.empty()) {
      out_[header_finding_].edits.push_back({line.number, std::nullopt});
    }
  }

  void body_line(const ScannedLine& line) {
    if (unit_ == NodeKind::certificate && line.text == "quit" && line.raw != kQuitLine) {
      // A copy and paste turns the TAB of `  <TAB>quit` into spaces, and
      // the replace then fails (IOS_BEHAVIOR.md section 9).
      out_.push_back(repairable(line.number, Severity::warning,
                                "certificate 'quit' line is not two spaces, a TAB and 'quit' "
                                "(configure replace fails on it)",
                                "write it as two spaces, a TAB and 'quit'",
                                {{line.number, std::string(kQuitLine)}}));
    }
    if (unit_ == NodeKind::banner && caret_) caret_body_line(line.number, line.raw);
  }

  // ConfigScanner closes the banner on the first line holding its delimiter.
  void caret_body_line(int number, std::string_view raw) {
    const std::size_t close = raw.find(kCaretC);
    if (raw.substr(0, close).find(kEtx) != std::string_view::npos) caret_->etx_in_text = true;
    if (close == std::string_view::npos) return;
    caret_banner(*caret_, {{caret_->line, with_etx(caret_->first, caret_->open)},
                           {number, with_etx(raw, close)}});
    caret_.reset();
  }

  void indentation(const ScannedLine& line) {
    open_.resize(static_cast<std::size_t>(line.depth));
    const OpenLine* parent = open_.empty() ? nullptr : &open_.back();
    if (line.raw.substr(0, line.indent).find('\t') != std::string_view::npos) {
      out_.push_back(finding(line.number, Severity::error,
                             "indentation holds a TAB (IOS nests sub-mode lines by spaces)",
                             "indent with spaces, one per sub-mode level"));
    } else if (!parent && line.indent > 0) {
      out_.push_back(finding(line.number, Severity::error,
                             "line is indented but has no line above it to nest under",
                             "remove the leading spaces"));
    } else if (parent && line.indent > parent->indent + 1 &&
               !is_police_action(parent->text, line.text)) {
      out_.push_back(
          finding(line.number, Severity::warning,
                  "line is indented " + std::to_string(line.indent - parent->indent) +
                      " spaces deeper than line " + std::to_string(parent->line) +
                      ", which it nests under (IOS indents one space per level)",
                  "indent sub-mode lines one space deeper than the line they belong to"));
    }
    if (line.kind == NodeKind::command) open_.push_back({line.number, line.indent, line.text});
  }

  void header(const ScannedLine& line) {
    if (!in_header_ || line.indent != 0 || line.kind != NodeKind::command ||
        !is_show_header_line(line.text)) {
      in_header_ = false;
      return;
    }
    header_ = line.number;
    header_finding_ = out_.size();
    out_.push_back(repairable(line.number, Severity::error,
                              "'" + std::string(line.text) + "' is output of a show command, " +
                                  "not configuration (IOS fails on it as a command)",
                              "delete the line", {{line.number, std::nullopt}}));
  }

  void version_and_end(const ScannedLine& line) {
    if (end_ != 0) {
      if (!after_end_reported_) {
        out_.push_back(finding(line.number, Severity::warning,
                               "lines after 'end' are ignored by IOS",
                               "move them above 'end' or delete them"));
      }
      after_end_reported_ = true;
      return;
    }
    if (line.depth != 0 || line.kind != NodeKind::command) return;
    if (line.text == "end") end_ = line.number;
    if (line.text.starts_with("version ")) seen_version_ = true;
  }

  // configure replace rejects a banner delimited by the two characters `^C`
  // (what show running-config displays) instead of ETX (section 9).
  void banner(const ScannedLine& line) {
    if (line.delimiter != kCaretC) return;
    const std::string_view raw = line.raw;
    const std::size_t open = line.delimiter_at;
    const std::size_t from = open + kCaretC.size();
    const std::size_t close = raw.find(kCaretC, from);
    const CaretBanner caret{line.number, open, raw,
                            raw.substr(from, close - from).find(kEtx) != std::string_view::npos};
    if (close == std::string_view::npos) {
      caret_ = caret;
      return;
    }
    caret_banner(caret, {{line.number, with_etx(with_etx(raw, close), open)}});
  }

  // Swapping the delimiters cannot repair a banner that never closes (no
  // `edits`), nor one whose text holds ETX: that would end it early.
  void caret_banner(const CaretBanner& caret, std::vector<LineEdit> edits) {
    Finding f = finding(caret.line, Severity::error,
                        "banner is delimited by the two characters '^C', not the ETX byte "
                        "(configure replace rejects it)",
                        caret.etx_in_text
                            ? "remove the ETX bytes from this banner's text, then replace its "
                              "two '^C' delimiters with ETX"
                            : "replace this banner's two '^C' delimiters with the ETX byte 0x03");
    f.diagnostic.repairable = !caret.etx_in_text && !edits.empty();
    if (f.diagnostic.repairable) f.edits = std::move(edits);
    out_.push_back(std::move(f));
  }

  void finish() {
    if (caret_) caret_banner(*caret_, {});
    // A merge file is lines to add, so it needs no `version`; without `end`
    // the device cannot diff it (`received error code 5`, IOS_BEHAVIOR 6.4).
    const bool merge = kind_ == CandidateKind::merge;
    if (!seen_version_ && !merge) {
      out_.push_back(finding(1, Severity::error, "missing 'version' line " + std::string(kNotValid),
                             "add the device's 'version' line, e.g. 'version 17.3', above the "
                             "first command"));
    }
    if (end_ == 0) {
      out_.push_back(
          finding(last_line_, Severity::error,
                  "missing final 'end' " + std::string(merge ? kMergeNeedsEnd : kNotValid),
                  "add a line 'end' at the end of the file"));
    }
  }

  std::string_view text_;
  CandidateKind kind_;
  std::vector<Finding> out_;
  int last_line_ = 1;
  NodeKind unit_ = NodeKind::command;  // the last node's kind: what body lines belong to
  std::vector<OpenLine> open_;         // the lines the current one may nest under, by depth
  bool in_header_ = true;              // every node so far was a header line
  int header_ = -1;                    // the last header line
  std::size_t header_finding_ = 0;     // its finding in `out_`
  bool seen_version_ = false;
  int end_ = 0;  // the first top-level `end`
  bool after_end_reported_ = false;
  std::optional<CaretBanner> caret_;
};

}  // namespace

std::vector<Finding> find_candidate_problems(std::string_view text, CandidateKind kind) {
  return CandidateChecker(text, kind).run();
}

std::string_view without_line_end(std::string_view line) {
  while (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

}  // namespace iosctl::config
