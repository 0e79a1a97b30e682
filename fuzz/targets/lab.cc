// iosim's lab file loader over any bytes.

#include "iosctl/sim/lab.h"

#include "fuzz/scratch_file.h"
#include "fuzz/targets.h"
#include "iosctl/error.h"

namespace iosctl::fuzz {

void lab(std::string_view input) {
  try {
    (void)sim::load_lab(scratch_file("lab.yaml", input));
  } catch (const Error&) {
    // A refusal with FILE:LINE is the loader's answer to a bad lab file.
  }
}

}  // namespace iosctl::fuzz
