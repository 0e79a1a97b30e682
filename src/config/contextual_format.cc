#include "iosctl/config/contextual_format.h"

#include "iosctl/config/text.h"

namespace iosctl::config {
namespace {

class ContextualWriter {
 public:
  explicit ContextualWriter(const DisplayOptions& options) : options_(options) {}

  // Prints one section (all additions, or all removals). Parents are printed
  // again at the start of each section, as IOS does.
  void section(const std::vector<Change>& changes) {
    context_.clear();
    for (const Change& c : changes) change(c);
  }

  void reordered(const std::vector<Reordering>& blocks) {
    if (blocks.empty()) return;
    comment("!The following order-dependent line(s) were re-ordered");
    for (const Reordering& r : blocks) {
      for (std::size_t depth = 0; depth < r.path.size(); ++depth) line(depth, "", r.path[depth]);
      for (const std::string& text : r.lines) line(r.path.size(), "", text);
    }
    comment("!End of reordered section");
  }

  void comment(std::string_view text) {
    out_ += color_header(options_);
    out_ += text;
    out_ += color_reset(options_);
    out_ += '\n';
  }

  std::string take() { return std::move(out_); }

 private:
  void change(const Change& c) {
    std::size_t shared = 0;
    while (shared < context_.size() && shared < c.path.size() &&
           context_[shared] == c.path[shared]) {
      ++shared;
    }
    for (std::size_t depth = shared; depth < c.path.size(); ++depth) line(depth, "", c.path[depth]);
    const std::string_view sign = c.sign == Sign::added ? "+" : "-";
    const std::size_t depth = c.path.size();
    line(depth, sign, c.text);
    for (const std::string& body_line : c.body) {
      // IOS prints certificate hex one level deeper, without the trailing
      // space, and keeps the TAB of `<TAB>quit`; banner text is free text.
      if (c.kind == NodeKind::certificate) {
        line(depth + 1, sign, trim_right(trim_left(body_line)));
      } else {
        line(depth, sign, trim_right(body_line));
      }
    }
    context_ = c.path;
    context_.push_back(c.text);
  }

  void line(std::size_t depth, std::string_view sign, std::string_view text) {
    if (!sign.empty()) out_ += sign == "+" ? color_added(options_) : color_removed(options_);
    out_.append(depth, ' ');
    out_ += sign;
    out_ += displayed_line(text, options_);
    if (!sign.empty()) out_ += color_reset(options_);
    out_ += '\n';
  }

  const DisplayOptions& options_;
  std::vector<std::string> context_;  // the lines above the next one, outermost first
  std::string out_;
};

}  // namespace

std::string format_contextual(const ConfigDiff& diff, const DisplayOptions& options) {
  ContextualWriter writer(options);
  writer.comment("!Contextual Config Diffs:");
  if (diff.empty()) {
    writer.comment("!No changes were found");
    return writer.take();
  }
  writer.section(diff.added);
  writer.section(diff.removed);
  writer.reordered(diff.reordered);
  return writer.take();
}

}  // namespace iosctl::config
