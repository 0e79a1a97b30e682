#include "iosctl/exit_status.h"
#include "iosctl/fleet/reports.h"

#include <array>
#include <cstdio>

namespace iosctl::fleet {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Returns the length of the UTF-8 sequence at `text[i]` when it is a
// character XML 1.0 allows (section 2.2: TAB, LF, CR, U+0020-U+D7FF,
// U+E000-U+FFFD, U+10000-U+10FFFF), or 0.
std::size_t xml_char_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r' ? 1 : 0;
  std::size_t length = 0;
  char32_t code = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3Fu);
  }
  constexpr std::array<char32_t, 5> kShortest = {0, 0, 0x80, 0x800, 0x10000};
  const bool allowed = code >= kShortest[length] && code <= 0x10FFFF &&
                       (code < 0xD800 || code > 0xDFFF) && code != 0xFFFE && code != 0xFFFF;
  return allowed ? length : 0;
}

// Returns `text` escaped for XML. Control bytes XML forbids are dropped (a
// device's BEL or ESC carries nothing a reviewer reads); bytes that are not
// UTF-8, say a Latin-1 banner, become U+FFFD so the reader sees text was
// there. CR is a reference because parsers turn a literal CR into LF, and in
// attributes TAB and LF are too because parsers turn those into spaces.
std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = xml_char_length(text, i);
    const char c = text[i];
    if (length == 0) {
      if (static_cast<unsigned char>(c) >= 0x80) out += kReplacement;
    } else if (length > 1) {
      out += text.substr(i, length);
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";  // also keeps "]]>" out of character data
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&apos;";
    } else if (c == '\r' || (attribute && (c == '\t' || c == '\n'))) {
      out += "&#" + std::to_string(static_cast<int>(c)) + ";";
    } else {
      out += c;
    }
    i += length ? length : 1;
  }
  return out;
}

std::string attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + xml_escape(value, true) + "\"";
}

std::string attr(std::string_view name, double seconds) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.3f", seconds);
  return attr(name, text.data());
}

enum class Verdict { passed, failed, skipped };

// 2 passes: differences are the plan a reviewer reads, not a fault. A host
// --fail-fast never started (`skipped`, exit 0) did not pass either; nor one
// Ctrl-C or SIGTERM left unstarted (130, 143: a fleet's hosts never stop midway).
Verdict verdict(const HostResult& result) {
  if (result.outcome == "skipped") return Verdict::skipped;
  if (result.exit_code == kExitOk || result.exit_code == kExitDifferences) return Verdict::passed;
  const bool stopped = result.exit_code == kExitInterrupted || result.exit_code == kExitTerminated;
  return stopped ? Verdict::skipped : Verdict::failed;
}

std::string testcase_body(const HostResult& result) {
  std::string body;
  const Verdict v = verdict(result);
  if (v == Verdict::failed) {
    std::string message = first_error_line(result.errors);
    if (message.empty())
      message = result.outcome + " (exit " + std::to_string(result.exit_code) + ")";
    const std::string& details = result.errors.empty() ? message : result.errors;
    body += "      <failure" + attr("message", message) + attr("type", result.outcome) + ">" +
            xml_escape(details, false) + "</failure>\n";
  } else if (v == Verdict::skipped) {
    body += "      <skipped" + attr("message", "not started: the run stopped before this host") +
            "/>\n";
  }
  if (!result.output.empty()) {
    body += "      <system-out>" + xml_escape(result.output, false) + "</system-out>\n";
  }
  if (v == Verdict::passed && !result.errors.empty()) {  // warnings
    body += "      <system-err>" + xml_escape(result.errors, false) + "</system-err>\n";
  }
  return body;
}

std::string testcase(const HostResult& result, const std::string& command) {
  const std::string open = "    <testcase" + attr("name", result.host) +
                           attr("classname", "iosctl." + command) + attr("time", result.seconds);
  const std::string body = testcase_body(result);
  if (body.empty()) return open + "/>\n";
  return open + ">\n" + body + "    </testcase>\n";
}

// The counts every consumer reads: GitLab sums the suites, others read the
// root, so both carry them.
std::string count_attributes(const RunSummary& run) {
  int failures = 0;
  int skipped = 0;
  for (const HostResult& result : run.results) {
    failures += verdict(result) == Verdict::failed;
    skipped += verdict(result) == Verdict::skipped;
  }
  return attr("tests", std::to_string(run.results.size())) +
         attr("failures", std::to_string(failures)) + attr("errors", "0") +
         attr("skipped", std::to_string(skipped)) + attr("time", run.seconds);
}

}  // namespace

std::string junit_xml(const RunSummary& run) {
  const std::string name = "iosctl " + run.command;
  const std::string counts = count_attributes(run);
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += "<testsuites" + attr("name", name) + counts + ">\n";
  xml += "  <testsuite" + attr("name", name) + counts + ">\n";
  for (const HostResult& result : run.results) xml += testcase(result, run.command);
  return xml + "  </testsuite>\n</testsuites>\n";
}

}  // namespace iosctl::fleet
