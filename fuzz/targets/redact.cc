// Secret redaction of configuration and device-output lines.

#include "iosctl/config/redact.h"

#include "fuzz/targets.h"

#include <cstdlib>

namespace iosctl::fuzz {

void redact(std::string_view input) {
  const std::string line = config::redact_secrets(input);
  // Masking what is already masked changes nothing more.
  if (config::redact_secrets(line) != line) std::abort();
  (void)config::redact_line(input);
  (void)config::redact_text(input);
}

}  // namespace iosctl::fuzz
