// The structural and line diffs of two configurations (the input split at
// its first NUL byte: running, then candidate) and their renderings.

#include "fuzz/input_split.h"
#include "fuzz/targets.h"
#include "iosctl/config/contextual_format.h"
#include "iosctl/config/diff.h"
#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"
#include "iosctl/config/unified_format.h"

namespace iosctl::fuzz {

void config_diff(std::string_view input) {
  const auto [running_text, candidate_text] = split_at_nul(input);
  const config::Config running = config::normalize(config::parse_config(running_text));
  const config::Config candidate = config::normalize(config::parse_config(candidate_text));
  const config::ConfigDiff diff = config::diff_configs(running, candidate);
  config::DisplayOptions options;
  (void)config::format_contextual(diff, options);
  options.show_secrets = true;
  options.color = true;
  (void)config::format_contextual(diff, options);
  (void)config::format_unified(config::canonical_lines(running_text),
                               config::canonical_lines(candidate_text),
                               {"running-config", "candidate"}, options);
}

}  // namespace iosctl::fuzz
