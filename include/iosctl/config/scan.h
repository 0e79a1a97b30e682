#pragma once

#include "iosctl/config/config_tree.h"
#include "iosctl/config/diagnostic.h"

#include <string_view>
#include <vector>

namespace iosctl::config {

// What a source line is to the configuration.
enum class LineRole {
  node,    // a configuration line: a Node of the tree
  body,    // a following line of a banner, certificate or macro
  trivia,  // a blank or `!` comment line
};

// One source line, classified. Views point into the scanned text.
struct ScannedLine {
  int number = 0;  // 1-based
  LineRole role = LineRole::trivia;
  NodeKind kind = NodeKind::command;  // for node lines
  int depth = 0;                      // nesting level of a node line (0 = top level)
  int indent = 0;                     // leading whitespace characters
  std::string_view raw;               // as written, without CR/LF
  std::string_view text;              // without indentation and trailing whitespace
  std::size_t delimiter_at = 0;       // banner node lines: where the delimiter starts in `raw`
  std::string_view delimiter;         // banner node lines: ETX, `^C` or the character used
};

// Reads configuration text line by line, working out nesting by indentation
// (a line indented deeper than the one above is its child, whatever the
// jump) and multi-line units. Allocates nothing per line, so a 200,000-line
// file costs one pass. parse_config builds its tree from it.
class ConfigScanner {
 public:
  explicit ConfigScanner(std::string_view text);

  // Fills `line` with the next line; returns false at the end.
  bool next(ScannedLine& line);

  // Structural problems seen so far (unterminated banners, certificates).
  const std::vector<Diagnostic>& problems() const { return problems_; }

 private:
  struct Open {
    int indent;
    std::string_view text;
  };
  ScannedLine read_line();
  void classify_node(ScannedLine& line);
  void start_unit(const ScannedLine& first);
  void unterminated_unit();
  bool continue_unit(ScannedLine& line);
  void problem(int line, std::string_view message, std::string_view fix);

  std::string_view text_;
  std::size_t offset_ = 0;
  int number_ = 0;
  std::vector<Open> open_;  // enclosing command lines, outermost first
  // The multi-line unit being read, if any.
  NodeKind unit_ = NodeKind::command;
  int unit_line_ = 0;
  std::string_view unit_end_;  // banner delimiter or macro terminator
  std::vector<Diagnostic> problems_;
};

}  // namespace iosctl::config
