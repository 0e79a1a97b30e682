#include "iosctl/config/json_format.h"

#include "iosctl/config/json_text.h"

namespace iosctl::config {
namespace {

using nlohmann::json;

json shown(const std::vector<std::string>& lines, const DisplayOptions& options) {
  json out = json::array();
  for (const std::string& line : lines) out.push_back(displayed_line(line, options));
  return out;
}

json change_json(const Change& c, const DisplayOptions& options) {
  json j = {{"sign", c.sign == Sign::added ? "+" : "-"},
            {"path", shown(c.path, options)},
            {"line", displayed_line(c.text, options)},
            {"source_line", c.line}};
  if (!c.body.empty()) j["body"] = shown(c.body, options);
  return j;
}

}  // namespace

json diff_json(const ConfigDiff& diff, const DisplayOptions& options) {
  json changes = json::array();
  for (const Change& c : diff.added) changes.push_back(change_json(c, options));
  for (const Change& c : diff.removed) changes.push_back(change_json(c, options));
  json reordered = json::array();
  for (const Reordering& r : diff.reordered) {
    reordered.push_back({{"path", shown(r.path, options)},
                         {"lines", shown(r.lines, options)},
                         {"source_line", r.line}});
  }
  return {{"changes", changes},
          {"reordered", reordered},
          {"summary",
           {{"added", diff.added.size()},
            {"removed", diff.removed.size()},
            {"reordered", diff.reordered.size()}}}};
}

std::string format_json(const ConfigDiff& diff, const DisplayOptions& options) {
  return json_text(diff_json(diff, options)) + "\n";
}

}  // namespace iosctl::config
