#include "iosctl/cli/json_output.h"

#include "iosctl/config/json_text.h"
#include "iosctl/fleet/host_result.h"

#include <string>

namespace iosctl::cli {

void print_json(Env& env, const nlohmann::json& doc) {
  // The whole text exists before the first byte is written, so a document
  // is printed whole or not at all.
  env.out << config::json_text(doc) + "\n";
  env.out.flush();
  env.json_printed = true;
}

nlohmann::json error_json(std::string_view message, int exit_code) {
  return {{"outcome", fleet::outcome_for_exit(exit_code)},
          {"exit_code", exit_code},
          {"error", std::string(message)}};
}

}  // namespace iosctl::cli
