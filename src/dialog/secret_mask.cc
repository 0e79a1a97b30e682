#include "iosctl/dialog/secret_mask.h"

#include "iosctl/config/redact.h"

#include <algorithm>

namespace iosctl::dialog {
namespace {

// Appends `data` to `out` with every secret replaced, leftmost first.
// Returns the offset after the last replaced secret.
std::size_t replace_secrets(const std::vector<std::string>& secrets, std::string_view data,
                            std::string& out) {
  std::size_t pos = 0;
  for (;;) {
    std::size_t best = std::string_view::npos;
    std::size_t best_length = 0;
    for (const std::string& secret : secrets) {
      const std::size_t found = data.find(secret, pos);
      if (found < best || (found == best && secret.size() > best_length)) {
        best = found;
        best_length = secret.size();
      }
    }
    if (best == std::string_view::npos) break;
    out.append(data.substr(pos, best - pos));
    out.append(config::kRedacted);
    pos = best + best_length;
  }
  return pos;
}

}  // namespace

void SecretMask::add(std::string_view secret) {
  if (secret.empty()) return;
  if (std::find(secrets_.begin(), secrets_.end(), secret) != secrets_.end()) return;
  secrets_.emplace_back(secret);
}

void SecretMask::add_from_line(std::string_view line) { add(secret_in_line(line)); }

std::string secret_in_line(std::string_view line) {
  const std::string redacted = config::redact_secrets(line);
  if (redacted == line) return "";
  // The secrets lie between the longest common prefix and suffix of the
  // line and its redacted form; with several secrets on one line, this masks
  // the words between them too, which errs on the safe side.
  std::size_t prefix = 0;
  while (prefix < line.size() && prefix < redacted.size() && line[prefix] == redacted[prefix]) {
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < line.size() - prefix && suffix < redacted.size() - prefix &&
         line[line.size() - 1 - suffix] == redacted[redacted.size() - 1 - suffix]) {
    ++suffix;
  }
  return std::string(line.substr(prefix, line.size() - prefix - suffix));
}

std::string SecretMask::mask(std::string_view bytes) const {
  std::string out;
  const std::size_t pos = replace_secrets(secrets_, bytes, out);
  out.append(bytes.substr(pos));
  return out;
}

std::string SecretMask::mask_received(std::string_view chunk) {
  const std::string data = held_ + std::string(chunk);
  std::string out;
  const std::size_t pos = replace_secrets(secrets_, data, out);
  const std::string_view rest = std::string_view(data).substr(pos);
  const std::size_t hold = held_length(rest);
  out.append(rest.substr(0, rest.size() - hold));
  held_ = std::string(rest.substr(rest.size() - hold));
  return out;
}

std::string SecretMask::flush() {
  std::string out = mask(held_);
  held_.clear();
  return out;
}

std::size_t SecretMask::held_length(std::string_view text) const {
  std::size_t longest = 0;
  for (const std::string& secret : secrets_) {
    const std::size_t most = std::min(secret.size() - 1, text.size());
    for (std::size_t k = most; k > longest; --k) {
      if (text.ends_with(std::string_view(secret).substr(0, k))) {
        longest = k;
        break;
      }
    }
  }
  return longest;
}

}  // namespace iosctl::dialog
