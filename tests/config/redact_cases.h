#pragma once

// Table-driven checks of redact_secrets shared by the redaction tests.

#include "iosctl/config/redact.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace iosctl::config {

// A configuration line and what redact_secrets must make of it.
struct RedactCase {
  std::string_view line;
  std::string_view expected;
};

inline void expect_redacted(const std::vector<RedactCase>& cases) {
  for (const RedactCase& c : cases) {
    EXPECT_EQ(redact_secrets(c.line), c.expected) << "input: " << c.line;
  }
}

inline void expect_unchanged(const std::vector<std::string_view>& lines) {
  for (const std::string_view line : lines) EXPECT_EQ(redact_secrets(line), line);
}

}  // namespace iosctl::config
