#include "iosctl/cli/cli.h"
#include "iosctl/driver/ssh_link.h"

int main(int argc, char** argv) {
  return iosctl::cli::main_entry(argc, argv, iosctl::driver::open_ssh_link);
}
