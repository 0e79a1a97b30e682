#pragma once

// The fuzz targets: each takes arbitrary bytes and must neither crash, hang
// nor trip a sanitizer, whatever they hold. One file per target in targets/
// (its name is the target's); scripts/fuzz.sh runs them under libFuzzer and
// tests/fuzz/corpus_replay_test.cc replays their corpora in the unit suite.

#include <string_view>

// X(name) for every target, in the order scripts/fuzz.sh lists them.
#define IOSCTL_FUZZ_TARGETS(X) \
  X(config_parse)              \
  X(config_diff)               \
  X(candidate_check)           \
  X(redact)                    \
  X(dialogue)                  \
  X(ios_parsers)               \
  X(sim_session)               \
  X(scp_sink)                  \
  X(scp_source)                \
  X(tcl_words)                 \
  X(yaml_reader)               \
  X(inventory)                 \
  X(lab)                       \
  X(connection_options)

namespace iosctl::fuzz {

#define IOSCTL_DECLARE_FUZZ_TARGET(name) void name(std::string_view input);
IOSCTL_FUZZ_TARGETS(IOSCTL_DECLARE_FUZZ_TARGET)
#undef IOSCTL_DECLARE_FUZZ_TARGET

}  // namespace iosctl::fuzz
