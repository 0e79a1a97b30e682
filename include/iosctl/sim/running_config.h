#pragma once

#include "iosctl/config/config_tree.h"

#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iosctl::sim {

struct ConfigLine;
using ConfigLines = std::list<std::unique_ptr<ConfigLine>>;

// One line of the running configuration (or a multi-line banner or
// certificate) and the lines of its sub-mode. Children are indexed by their
// first word, so a 2 MB configuration stays cheap to change line by line.
struct ConfigLine {
  config::NodeKind kind = config::NodeKind::command;
  int indent = -1;                   // -1 for the root
  std::string raw;                   // the line as shown, indentation included
  std::string text;                  // without indentation
  std::vector<std::string> body;     // following lines of a banner/certificate
  std::vector<std::string> leading;  // `!` and blank lines shown before it
  ConfigLine* parent = nullptr;
  ConfigLines children;
  std::unordered_multimap<std::string, ConfigLines::iterator> by_word;
  std::unordered_map<std::string, ConfigLines::iterator> by_text;  // first child with that text
  std::unordered_map<std::string, ConfigLines::iterator> last_of_word;
};

// The running configuration as a tree that config-mode commands edit.
class RunningConfig {
 public:
  // Parses `text` (config/parse.h), dropping a `show running-config` header,
  // the comments before the first line and the final `end`. Adds
  // `version <version>` at the top when the text has no version line.
  RunningConfig(std::string_view text, std::string_view version);

  ConfigLine& root() { return root_; }
  const ConfigLine& root() const { return root_; }

  // Returns the child of `parent` whose text is `text`, or nullptr.
  ConfigLine* find(ConfigLine& parent, std::string_view text);
  const ConfigLine* find(const ConfigLine& parent, std::string_view text) const;
  // Returns the children of `parent` whose first words are `prefix`.
  std::vector<ConfigLine*> find_prefix(ConfigLine& parent, const std::vector<std::string>& prefix);
  // Adds line `text` under `parent` (after the last sibling sharing its first
  // word, else at the end of its plain lines); `block` lines get a `!` above
  // them at the top level. Returns the new line.
  ConfigLine& insert(ConfigLine& parent, std::string_view text, bool block);
  // Adds `text` under `parent` just before `before` (nullptr: at the end).
  ConfigLine& insert_before(ConfigLine& parent, ConfigLine* before, std::string_view text);
  // Changes the text of `line` in place (position, sub-mode lines and the
  // comments above it stay).
  void set_text(ConfigLine& line, std::string_view text);
  // Removes `line` and its sub-mode lines. Returns the sibling that followed it.
  ConfigLine* remove(ConfigLine& line);

  // Returns the configuration from `version` through `end`, banners with
  // their ETX delimiters (as copied to a file).
  std::string render() const;
  // Returns what follows `first_word` on a top-level line starting with that
  // word (`value("hostname")` -> "r1"), or an empty string when none does.
  std::string value(std::string_view first_word) const;

 private:
  void adopt(ConfigLine& parent, ConfigLines::iterator where, std::unique_ptr<ConfigLine> line);
  void unindex(ConfigLine& parent, ConfigLines::iterator it);

  ConfigLine root_;
  std::vector<std::string> trailing_;
};

// Returns the words of a config line (`<line>` values split too).
std::vector<std::string> line_words(std::string_view text);

}  // namespace iosctl::sim
