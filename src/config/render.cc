#include "iosctl/config/render.h"

#include "iosctl/config/text.h"

namespace iosctl::config {
namespace {

void add_line(std::string& out, std::string_view line) {
  out += line;
  out += '\n';
}

void render_nodes(std::string& out, const std::vector<Node>& nodes) {
  for (const Node& node : nodes) {
    for (const std::string& line : node.leading) add_line(out, line);
    if (node.raw.empty()) {
      out.append(static_cast<std::size_t>(node.indent), ' ');
      add_line(out, node.text);
    } else {
      add_line(out, node.raw);
    }
    for (const std::string& line : node.body) add_line(out, line);
    render_nodes(out, node.children);
  }
}

void render_canonical_nodes(std::string& out, const std::vector<Node>& nodes, int depth) {
  for (const Node& node : nodes) {
    out.append(static_cast<std::size_t>(depth), ' ');
    add_line(out, node.text);
    // Body lines keep their own indentation: a certificate's `  <TAB>quit`
    // must stay exactly so for `configure replace` to accept it.
    for (const std::string& line : node.body) add_line(out, trim_right(line));
    render_canonical_nodes(out, node.children, depth + 1);
  }
}

}  // namespace

std::string render(const Config& config) {
  std::string out;
  render_nodes(out, config.children);
  for (const std::string& line : config.trailing) add_line(out, line);
  return out;
}

std::string render_canonical(const Config& config) {
  std::string out;
  render_canonical_nodes(out, config.children, 0);
  return out;
}

}  // namespace iosctl::config
