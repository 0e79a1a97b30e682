// Candidate checks (replace and merge) and `check --fix` over any bytes.

#include "fuzz/targets.h"
#include "iosctl/config/check.h"

#include <cstdlib>

namespace iosctl::fuzz {

void candidate_check(std::string_view input) {
  (void)config::check_candidate(input, config::CandidateKind::replace);
  (void)config::check_candidate(input, config::CandidateKind::merge);
  (void)config::not_configuration_text(input);
  const config::Repair repaired = config::repair_candidate(input);
  // A repaired file has nothing more that --fix would repair.
  if (!config::repair_candidate(repaired.text).repaired.empty()) std::abort();
}

}  // namespace iosctl::fuzz
