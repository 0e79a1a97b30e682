#include "iosctl/dialog/secret_mask.h"

#include "iosctl/config/redact.h"

#include <algorithm>

namespace iosctl::dialog {
namespace {

// Appends `data` to `out` with every secret replaced, leftmost first.
std::string replace_secrets(const std::vector<std::string>& secrets, std::string_view data) {
  std::string out;
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
  out.append(data.substr(pos));
  return out;
}

}  // namespace

void SecretMask::add(std::string_view secret) {
  if (secret.empty()) return;
  if (std::find(secrets_.begin(), secrets_.end(), secret) != secrets_.end()) return;
  secrets_.emplace_back(secret);
}

void SecretMask::add_from_line(std::string_view line) {
  for (const std::string& secret : config::secrets_in_line(line)) add(secret);
}

std::string SecretMask::mask(std::string_view bytes) const {
  return replace_secrets(secrets_, bytes);
}

std::string SecretMask::mask_lines(std::string_view text) const {
  // The config rules first: they need the keywords, and a known secret may be
  // a word such as `secret` itself (the lab's login password is).
  return mask(config::redact_text(text));
}

std::string SecretMask::mask_received(std::string_view chunk) {
  held_.append(chunk);
  std::size_t end = held_.rfind('\n');
  if (end == std::string::npos) {
    if (held_.size() <= kMaxHeld) return "";
    end = held_.size() - 1;
  }
  std::string out = mask_lines(std::string_view(held_).substr(0, end + 1));
  held_.erase(0, end + 1);
  return out;
}

std::string SecretMask::flush() {
  std::string out = mask_lines(held_);
  held_.clear();
  return out;
}

}  // namespace iosctl::dialog
