#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::dialog {

// Returns the secret in one config line (what config::redact_secrets masks;
// with several, the stretch from the first to the last); "" when none.
std::string secret_in_line(std::string_view line);

// Hides secrets in the session log. Sent bytes are masked whole; received
// bytes come in chunks, so a chunk's tail that could be the start of a
// secret is held back until the next chunk (or flush()) shows it is not.
class SecretMask {
 public:
  // Adds `secret` to the strings masked from now on; empty strings are ignored.
  void add(std::string_view secret);
  // Adds the secrets found in one command or config line we send (passwords,
  // keys, communities, as config::redact_secrets finds them).
  void add_from_line(std::string_view line);

  // Returns `bytes` with each secret replaced by config::kRedacted.
  std::string mask(std::string_view bytes) const;
  // Returns what of the received stream can be logged after `chunk`, masked.
  std::string mask_received(std::string_view chunk);
  // Returns the held-back received bytes, masked, and forgets them.
  std::string flush();

 private:
  std::size_t held_length(std::string_view text) const;

  std::vector<std::string> secrets_;
  std::string held_;
};

}  // namespace iosctl::dialog
