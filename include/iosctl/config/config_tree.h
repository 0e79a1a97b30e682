#pragma once

#include "iosctl/config/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace iosctl::config {

// What a node holds. Banners, certificates and macros span several source
// lines that IOS treats as one unit; their extra lines live in Node::body.
enum class NodeKind {
  command,      // one configuration line; may have children
  banner,       // `banner motd ^C...^C` (ETX, `^C` or any delimiter)
  certificate,  // ` certificate ...` in a `crypto pki certificate chain`, hex through `quit`
  macro,        // `macro name X` through its `@` line
};

// One configuration line (or multi-line unit) and its sub-mode lines.
struct Node {
  NodeKind kind = NodeKind::command;
  int line = 0;                   // 1-based source line number of the first line
  int indent = 0;                 // leading whitespace characters of the first line
  std::string text;               // the first line without indentation and trailing whitespace
  std::string raw;                // the first line as written (no CR or LF) when that is not
                                  // `indent` spaces then `text`; else empty (most lines, and
                                  // a large config's memory)
  std::vector<std::string> body;  // multi-line units: following lines verbatim, terminator included
  std::vector<std::string> leading;  // comment and blank lines just before this node, verbatim
  std::vector<Node> children;
};

// A parsed configuration file. Comment (`!`) and blank lines are kept as
// trivia for faithful rendering but are not configuration.
struct Config {
  std::vector<Node> children;
  std::vector<std::string> trailing;  // trivia after the last node
  std::vector<Diagnostic> problems;   // structural problems found while parsing
};

// Returns the text two nodes are compared by: `text`, plus for multi-line
// units their body with trailing whitespace dropped and an ETX banner
// delimiter written as `^C` (how `show running-config` displays it).
std::string comparison_key(const Node& node);

// Returns the first line of `node` exactly as it was written.
std::string source_line(const Node& node);

// True for a line that holds no configuration: blank, or a `!` comment.
bool is_trivia(std::string_view line);

// Calls `visit(node, depth)` for every node in document order.
template <typename Visit>
void walk(const std::vector<Node>& nodes, Visit&& visit, int depth = 0) {
  for (const Node& n : nodes) {
    visit(n, depth);
    walk(n.children, visit, depth + 1);
  }
}

}  // namespace iosctl::config
