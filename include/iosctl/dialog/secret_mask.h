#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::dialog {

// The session log's mask: the secrets this run knows (the password, the
// enable secret, those of lines we send) replaced wherever they appear, and
// every line masked by config::redact_line. Received bytes come in chunks, so
// only complete lines are released; the rest waits for its line end (or
// flush()), so a secret split across reads is still seen whole.
class SecretMask {
 public:
  // Adds `secret` to the strings masked from now on; empty strings are ignored.
  void add(std::string_view secret);
  // Adds the secrets found in one command or config line we send (passwords,
  // keys, communities: config::secrets_in_line).
  void add_from_line(std::string_view line);

  // Returns `bytes` with each known secret replaced by config::kRedacted.
  std::string mask(std::string_view bytes) const;
  // Returns `text` with the known secrets replaced and each line passed
  // through config::redact_line: what may be logged or quoted of it.
  std::string mask_lines(std::string_view text) const;
  // Returns the complete lines of the received stream after `chunk`, masked;
  // holds the unfinished last line (up to kMaxHeld bytes) for later.
  std::string mask_received(std::string_view chunk);
  // Returns the held-back received bytes, masked, and forgets them.
  std::string flush();

  // A line longer than this is released unfinished, so that a device that
  // never ends its line cannot grow the log's buffer without bound.
  static constexpr std::size_t kMaxHeld = 64 * 1024;

 private:
  std::vector<std::string> secrets_;
  std::string held_;
};

}  // namespace iosctl::dialog
