#include "iosctl/cli/cli.h"

int main(int argc, char** argv) { return iosctl::cli::main_entry(argc, argv); }
