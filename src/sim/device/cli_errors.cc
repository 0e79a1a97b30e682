#include "iosctl/sim/cli_errors.h"

#include "iosctl/sim/text_util.h"

namespace iosctl::sim {

std::string invalid_input(std::size_t column) {
  return std::string(column, ' ') + "^\n% Invalid input detected at '^' marker.\n\n";
}

std::string ambiguous_command(std::string_view typed) {
  return "% Ambiguous command:  \"" + std::string(typed) + "\"\n";
}

std::string match_error(const Match& match, std::string_view line, std::size_t prompt_size) {
  switch (match.status) {
    case MatchStatus::incomplete:
      return std::string(kIncomplete);
    case MatchStatus::ambiguous:
      return ambiguous_command(trim_view(line));
    case MatchStatus::invalid:
    case MatchStatus::ok:
      break;
  }
  return invalid_input(prompt_size + match.column);
}

}  // namespace iosctl::sim
