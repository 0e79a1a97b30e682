#include "iosctl/config/parse.h"

#include "iosctl/config/scan.h"

#include <algorithm>
#include <string>
#include <vector>

namespace iosctl::config {
namespace {

// Builds the tree from scanned lines: a node line of depth d becomes a child
// of the last node line of depth d-1; trivia waits to lead the next node.
class TreeBuilder {
 public:
  void add(const ScannedLine& line) {
    switch (line.role) {
      case LineRole::trivia:
        trivia_.emplace_back(line.raw);
        return;
      case LineRole::body:
        if (last_) last_->body.emplace_back(line.raw);
        return;
      case LineRole::node:
        add_node(line);
    }
  }

  Config finish(std::vector<Diagnostic> problems) {
    config_.trailing = std::move(trivia_);
    config_.problems = std::move(problems);
    return std::move(config_);
  }

 private:
  void add_node(const ScannedLine& line) {
    open_.resize(std::min(open_.size(), static_cast<std::size_t>(line.depth)));
    std::vector<Node>& siblings = open_.empty() ? config_.children : open_.back()->children;
    Node& node = siblings.emplace_back();
    node.kind = line.kind;
    node.line = line.number;
    node.indent = line.indent;
    node.text = std::string(line.text);
    if (line.raw.size() != static_cast<std::size_t>(line.indent) + line.text.size() ||
        line.raw.find('\t') < static_cast<std::size_t>(line.indent)) {
      node.raw = std::string(line.raw);
    }
    if (!trivia_.empty()) node.leading = std::move(trivia_);
    trivia_.clear();
    last_ = &node;
    // Only a command line opens a block; its children are appended before
    // any sibling of it, so the pointer stays valid while it is open.
    if (line.kind == NodeKind::command) open_.push_back(&node);
  }

  Config config_;
  std::vector<Node*> open_;  // the open block at each depth
  Node* last_ = nullptr;     // the node body lines belong to
  std::vector<std::string> trivia_;
};

}  // namespace

Config parse_config(std::string_view text) {
  ConfigScanner scanner(text);
  TreeBuilder builder;
  ScannedLine line;
  while (scanner.next(line)) builder.add(line);
  return builder.finish(scanner.problems());
}

}  // namespace iosctl::config
