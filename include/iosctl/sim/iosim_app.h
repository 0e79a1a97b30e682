#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace iosctl::sim {

// Runs the iosim command line (`args` without the program name): serves the
// lab until SIGTERM or SIGINT. `out` gets the one `ready` line, `err` the
// diagnostics. Returns the exit status (man/iosim.1, EXIT STATUS).
int run_iosim(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace iosctl::sim
