#pragma once

#include <string>
#include <string_view>

namespace iosctl::config {

enum class Severity { warning, error };

// One finding about a file the user wrote, reported as
// `FILE:LINE: error|warning: message (fix: ...)`.
struct Diagnostic {
  int line = 0;  // 1-based; file-wide findings use 1
  Severity severity = Severity::error;
  std::string message;
  std::string fix;          // what the user can do; empty when there is nothing to suggest
  bool repairable = false;  // `iosctl check --fix` repairs it
};

// Returns the one-line form of `d` for `file`, without a newline.
std::string format_diagnostic(std::string_view file, const Diagnostic& d);

}  // namespace iosctl::config
