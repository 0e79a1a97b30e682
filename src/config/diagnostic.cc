#include "iosctl/config/diagnostic.h"

namespace iosctl::config {

std::string format_diagnostic(std::string_view file, const Diagnostic& d) {
  std::string out(file);
  out += ':';
  out += std::to_string(d.line);
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  out += d.message;
  if (!d.fix.empty()) {
    out += " (fix: ";
    out += d.fix;
    out += ')';
  }
  return out;
}

}  // namespace iosctl::config
