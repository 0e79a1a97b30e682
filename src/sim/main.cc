// iosim: the trampoline; the program is run_iosim (src/sim/server/iosim_app.cc).
#include "iosctl/sim/iosim_app.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  return iosctl::sim::run_iosim(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                                std::cerr);
}
