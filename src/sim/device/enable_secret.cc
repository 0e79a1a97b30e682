#include "iosctl/sim/enable_secret.h"

#include "iosctl/sim/secret_hash.h"
#include "iosctl/sim/text_util.h"

#include <string>
#include <vector>

namespace iosctl::sim {
namespace {

// The `[type] value` of the first `enable <kind>` line, split: {"9", "$9$..."};
// a value without a type is type 0. Empty when there is no such line.
std::vector<std::string> stored(const DeviceCore& device, std::string_view kind) {
  RunningConfig& running = *device.running;
  const auto lines = running.find_prefix(running.root(), {"enable", std::string(kind)});
  if (lines.empty()) return {};
  std::vector<std::string> words = line_words(lines.front()->text);
  words.erase(words.begin(), words.begin() + 2);
  if (words.size() == 1) words.insert(words.begin(), "0");
  if (words.size() != 2 || !is_number(words[0])) return {};
  return words;
}

bool lab_secret(const DeviceCore& device, std::string_view typed) {
  return !device.setup.enable_secret.empty() && typed == device.setup.enable_secret;
}

}  // namespace

bool has_enable_secret(const DeviceCore& device) {
  return !stored(device, "secret").empty() || !stored(device, "password").empty() ||
         !device.setup.enable_secret.empty();
}

bool enable_secret_matches(const DeviceCore& device, std::string_view typed) {
  for (std::string_view kind : {"secret", "password"}) {
    const std::vector<std::string> s = stored(device, kind);
    if (s.empty()) continue;
    if (secret_matches(s[0], s[1], typed)) return true;
    // A hash from a real device (type 5, 8, 9 of an unknown secret): the
    // lab's secret stands for it. Once set here, only the new one counts.
    return s[0] != "0" && !device.enable_secret_set_here && lab_secret(device, typed);
  }
  return lab_secret(device, typed);
}

}  // namespace iosctl::sim
