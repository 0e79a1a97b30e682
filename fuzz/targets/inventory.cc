// The inventory loader (single-file form) over any bytes.

#include "iosctl/fleet/inventory.h"

#include "fuzz/scratch_file.h"
#include "fuzz/targets.h"
#include "iosctl/error.h"

namespace iosctl::fuzz {

void inventory(std::string_view input) {
  try {
    (void)fleet::load_inventory(scratch_file("inventory.yaml", input).string());
  } catch (const Error&) {
    // A refusal with FILE:LINE is the loader's answer to a bad inventory.
  }
}

}  // namespace iosctl::fuzz
