#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// The one YAML reader: inventory, lab and connection-options files all go
// through it. It builds a read-only tree with a line on every node and
// refuses, before building, input that would take unbounded time or memory:
// nesting past a depth, more nodes than a limit (an alias counts as the size
// of the node it names, each time it is used), a recursive alias, and a
// mapping that repeats a key (yaml-cpp 0.7 silently keeps both).
namespace iosctl::util {

struct YamlEntry;

// One node of a document. Copies are cheap and share the node; an alias
// shares the node it names, so a tree is never larger than its limits.
class YamlNode {
 public:
  enum class Kind { null, scalar, sequence, map };

  YamlNode();  // a null node on line 1

  Kind kind() const;
  bool is_null() const { return kind() == Kind::null; }
  bool is_scalar() const { return kind() == Kind::scalar; }
  bool is_sequence() const { return kind() == Kind::sequence; }
  bool is_map() const { return kind() == Kind::map; }
  int line() const { return line_; }  // 1-based: where the node (or the alias to it) is written
  // The text of a scalar; "" for any other kind.
  const std::string& scalar() const;
  // True for a scalar written without quotes or an explicit tag, so that
  // `yes` or `22` may be read as a boolean or a number; quoted text stays text.
  bool plain() const;
  const std::vector<YamlNode>& items() const;     // a sequence's items; empty otherwise
  const std::vector<YamlEntry>& entries() const;  // a map's entries in file order; else empty
  // Returns the value of `key` in a map, or nullptr (no such key, not a map).
  const YamlNode* find(std::string_view key) const;
  // Items of a sequence, entries of a map, 0 otherwise.
  std::size_t size() const;

 private:
  friend class YamlBuilder;
  struct Data;
  YamlNode(std::shared_ptr<const Data> data, int line);

  std::shared_ptr<const Data> data_;
  int line_ = 1;
};

// A map entry: the key is always a scalar (the reader refuses other keys).
struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

struct YamlLimits {
  // Mappings and sequences inside each other, an alias's content included.
  int max_depth = 64;
  // Every node, keys included; an alias counts as the size of what it names.
  std::size_t max_nodes = 1'000'000;
};

// Returns the text of a duplicate-key refusal (without "FILE:LINE: ") for
// `key` repeated in the map reached through `parents` (the keys from the
// root, "-" for a sequence item), first written on `first_line`.
using DuplicateKeyMessage = std::function<std::string(std::span<const std::string> parents,
                                                      std::string_view key, int first_line)>;

struct YamlOptions {
  YamlLimits limits;
  // Empty: "duplicate key 'k' (first on line N; keep one)".
  DuplicateKeyMessage duplicate_key_message;
};

// Every refusal of the reader. what() is the one line "FILE:LINE: message"
// ("FILE: message" when no line applies); callers add their program prefix.
class YamlError : public std::runtime_error {
 public:
  enum class Kind {
    unreadable,       // the file cannot be opened or read
    syntax,           // not YAML: yaml-cpp's own message
    too_deep,         // nesting past YamlLimits::max_depth
    too_many_nodes,   // past YamlLimits::max_nodes, aliases expanded
    recursive_alias,  // an alias inside the node it names
    bad_key,          // a key that is a list, a mapping or empty
    duplicate_key,
  };
  YamlError(Kind kind, const std::string& path, int line, const std::string& message);
  Kind kind() const { return kind_; }
  int line() const { return line_; }                       // 0 when no line applies
  const std::string& message() const { return message_; }  // what() without "FILE:LINE: "

 private:
  Kind kind_;
  int line_;
  std::string message_;
};

// Parses the first document of `text` (an empty text is a null document),
// naming `display_path` in messages. Throws YamlError.
YamlNode parse_yaml(std::string_view text, const std::string& display_path,
                    const YamlOptions& options = {});

// Reads the file at `path` and parses it as parse_yaml() does. Throws
// YamlError (Kind::unreadable when the file cannot be read).
YamlNode load_yaml_file(const std::filesystem::path& path, const YamlOptions& options = {});

}  // namespace iosctl::util
