#include "iosctl/util/yaml_reader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace iosctl::util {

struct YamlNode::Data {
  Kind kind = Kind::null;
  std::string text;
  bool plain = false;
  std::vector<YamlNode> items;
  std::vector<YamlEntry> entries;
  std::size_t size = 1;  // nodes in this subtree, keys included and aliases expanded
  int height = 0;        // mappings and sequences nested in it, itself included
};

YamlNode::YamlNode() : data_(std::make_shared<const Data>()) {}

YamlNode::YamlNode(std::shared_ptr<const Data> data, int line)
    : data_(std::move(data)), line_(line) {}

YamlNode::Kind YamlNode::kind() const { return data_->kind; }
const std::string& YamlNode::scalar() const { return data_->text; }
bool YamlNode::plain() const { return data_->plain; }
const std::vector<YamlNode>& YamlNode::items() const { return data_->items; }
const std::vector<YamlEntry>& YamlNode::entries() const { return data_->entries; }

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const YamlEntry& entry : data_->entries) {
    if (entry.key.scalar() == key) return &entry.value;
  }
  return nullptr;
}

std::size_t YamlNode::size() const {
  return data_->kind == Kind::map ? data_->entries.size() : data_->items.size();
}

YamlError::YamlError(Kind kind, const std::string& path, int line, const std::string& message)
    : std::runtime_error(path + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message),
      kind_(kind),
      line_(line),
      message_(message) {}

// Builds the tree from yaml-cpp's parser events rather than with YAML::Load:
// YAML::Load gives an alias the node it names by reference, so a tree walk
// meets a "billion laughs" file 10^9 times and a recursive alias forever.
// Here each event is counted before anything is stored, with an explicit
// stack of open collections, so no limit is ever passed, even briefly.
class YamlBuilder : public YAML::EventHandler {
 public:
  YamlBuilder(const std::string& path, const YamlOptions& options)
      : path_(path), options_(options) {}

  YamlNode root() const { return root_.value_or(YamlNode()); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    count(1, line_of(mark));
    add(leaf(YamlNode::Kind::null, "", false), line_of(mark), anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    count(1, line_of(mark));
    // yaml-cpp tags a plain scalar "?" and a quoted one "!" (singledocparser.cpp).
    add(leaf(YamlNode::Kind::scalar, value, tag == "?"), line_of(mark), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const int line = line_of(mark);
    const auto named = anchors_.find(anchor);
    if (named == anchors_.end()) {
      // yaml-cpp refuses an undefined anchor itself, so this one is still open.
      fail(YamlError::Kind::recursive_alias, line,
           "alias *" + name_of(anchor) +
               " is used inside the node it names (a recursive alias never ends; write the "
               "value out)");
    }
    const YamlNode::Data& data = *named->second.data_;
    check_depth(static_cast<int>(stack_.size()) + data.height, line);
    count(data.size, line);
    add(named->second.data_, line, YAML::NullAnchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::sequence, line_of(mark), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::map, line_of(mark), anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    std::shared_ptr<YamlNode::Data> data;
    int line;
    YAML::anchor_t anchor;
    std::size_t nodes_before;                        // nodes_ when it opened
    std::optional<YamlNode> key;                     // a map's key waiting for its value
    std::unordered_map<std::string, int> key_lines;  // a map's keys so far
  };

  static int line_of(const YAML::Mark& mark) { return mark.is_null() ? 1 : mark.line + 1; }

  static std::shared_ptr<YamlNode::Data> leaf(YamlNode::Kind kind, const std::string& text,
                                              bool plain) {
    auto data = std::make_shared<YamlNode::Data>();
    data->kind = kind;
    data->text = text;
    data->plain = plain;
    return data;
  }

  [[noreturn]] void fail(YamlError::Kind kind, int line, const std::string& message) const {
    throw YamlError(kind, path_, line, message);
  }

  std::string name_of(YAML::anchor_t anchor) const {
    const auto found = names_.find(anchor);
    return found == names_.end() ? "?" : found->second;
  }

  void remember_name(YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) names_[anchor] = anchor_name_;
    anchor_name_.clear();
  }

  void count(std::size_t nodes, int line) {
    if (nodes > options_.limits.max_nodes - nodes_) {
      fail(YamlError::Kind::too_many_nodes, line,
           "more than " + std::to_string(options_.limits.max_nodes) +
               " nodes, aliases expanded (split the file, or alias smaller nodes)");
    }
    nodes_ += nodes;
  }

  void check_depth(int depth, int line) const {
    if (depth > options_.limits.max_depth) {
      fail(YamlError::Kind::too_deep, line,
           "lists and mappings nested more than " + std::to_string(options_.limits.max_depth) +
               " levels deep (flatten the data)");
    }
  }

  void open(YamlNode::Kind kind, int line, YAML::anchor_t anchor) {
    if (!stack_.empty() && stack_.back().data->kind == YamlNode::Kind::map && !stack_.back().key) {
      fail(YamlError::Kind::bad_key, line, "a key must be a single value, not a list or mapping");
    }
    check_depth(static_cast<int>(stack_.size()) + 1, line);
    remember_name(anchor);
    const std::size_t before = nodes_;
    count(1, line);
    auto data = std::make_shared<YamlNode::Data>();
    data->kind = kind;
    data->height = 1;
    stack_.push_back(Frame{std::move(data), line, anchor, before, std::nullopt, {}});
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    frame.data->size = nodes_ - frame.nodes_before;
    add(std::move(frame.data), frame.line, frame.anchor);
  }

  // Puts a finished node into the collection that holds it (or makes it
  // the document), and under its anchor for later aliases.
  void add(std::shared_ptr<const YamlNode::Data> data, int line, YAML::anchor_t anchor) {
    YamlNode node(std::move(data), line);
    if (anchor != YAML::NullAnchor) {
      if (!names_.contains(anchor)) remember_name(anchor);
      anchors_[anchor] = node;
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    auto& data_of_parent = *parent.data;
    data_of_parent.height = std::max(data_of_parent.height, node.data_->height + 1);
    if (data_of_parent.kind == YamlNode::Kind::sequence) {
      data_of_parent.items.push_back(std::move(node));
    } else if (parent.key) {
      data_of_parent.entries.push_back(YamlEntry{std::move(*parent.key), std::move(node)});
      parent.key.reset();
    } else {
      take_key(parent, std::move(node));
    }
  }

  void take_key(Frame& map, YamlNode key) {
    if (key.is_null()) {
      fail(YamlError::Kind::bad_key, key.line(), "empty key (write a name before the ':')");
    }
    if (!key.is_scalar()) {
      fail(YamlError::Kind::bad_key, key.line(),
           "a key must be a single value, not a list or mapping");
    }
    const auto [at, fresh] = map.key_lines.emplace(key.scalar(), key.line());
    if (!fresh) fail(YamlError::Kind::duplicate_key, key.line(), duplicate(key, at->second));
    map.key = std::move(key);
  }

  std::string duplicate(const YamlNode& key, int first_line) const {
    if (!options_.duplicate_key_message) {
      return "duplicate key '" + key.scalar() + "' (first on line " + std::to_string(first_line) +
             "; keep one)";
    }
    std::vector<std::string> parents;
    for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
      const Frame& frame = stack_[i];
      parents.push_back(frame.key ? frame.key->scalar() : "-");
    }
    return options_.duplicate_key_message(parents, key.scalar(), first_line);
  }

  const std::string& path_;
  const YamlOptions& options_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, YamlNode> anchors_;
  std::unordered_map<YAML::anchor_t, std::string> names_;
  std::string anchor_name_;  // from OnAnchor, for the node event that follows
  std::size_t nodes_ = 0;
  std::optional<YamlNode> root_;
};

YamlNode parse_yaml(std::string_view text, const std::string& display_path,
                    const YamlOptions& options) {
  std::istringstream in{std::string(text)};
  YamlBuilder builder(display_path, options);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
  } catch (const YAML::Exception& e) {
    throw YamlError(YamlError::Kind::syntax, display_path, e.mark.is_null() ? 1 : e.mark.line + 1,
                    "not valid YAML: " + e.msg);
  }
  return builder.root();
}

YamlNode load_yaml_file(const std::filesystem::path& path, const YamlOptions& options) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    throw YamlError(YamlError::Kind::unreadable, path.string(), 0,
                    "cannot read it (check that the file exists and is readable)");
  }
  return parse_yaml(text.str(), path.string(), options);
}

}  // namespace iosctl::util
