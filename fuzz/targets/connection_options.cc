// The --connection-options file loader, and one NAME=VALUE of --option,
// over any bytes.

#include "iosctl/cli/connection_options.h"

#include "fuzz/scratch_file.h"
#include "fuzz/targets.h"
#include "iosctl/error.h"

namespace iosctl::fuzz {

void connection_options(std::string_view input) {
  try {
    (void)cli::load_connection_options(scratch_file("options.yaml", input).string());
  } catch (const Error&) {
    // A refusal with FILE:LINE is the loader's answer to a bad file.
  }
  try {
    (void)cli::parse_option_assignment(input);
  } catch (const Error&) {
  }
}

}  // namespace iosctl::fuzz
