// iosim's Tcl word parser: every command of a script, as tclsh reads it.

#include "iosctl/sim/tcl_words.h"

#include "fuzz/targets.h"

#include <cstdlib>

namespace iosctl::fuzz {

void tcl_words(std::string_view input) {
  (void)sim::tcl_command_complete(input);
  std::size_t at = 0;
  while (at < input.size()) {
    const sim::TclParse parsed = sim::parse_tcl_command(input, at);
    if (!parsed.command || !parsed.error.empty()) break;
    if (parsed.next <= at) std::abort();  // the parser must move on
    at = parsed.next;
  }
}

}  // namespace iosctl::fuzz
