#pragma once

#include "iosctl/driver/connection.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iosctl::cli {

// One connection option as written: a Netmiko ConnectHandler name and its value.
struct ConnectionOption {
  std::string name;
  std::string value;
  std::string origin;  // where it came from, for messages: "--option", "opts.yaml"
};

// Returns the option names accepted by --option and --connection-options.
std::vector<std::string_view> connection_option_names();

// Returns `assignment` ("NAME=VALUE") split; throws Error{usage} without `=`.
ConnectionOption parse_option_assignment(std::string_view assignment);

// Returns the options of the YAML or JSON mapping in file `path`. Throws
// Error{usage} if it cannot be read or is not a mapping of scalars.
std::vector<ConnectionOption> load_connection_options(const std::string& path);

// Sets `option` on `connection`. Throws Error{usage} naming the origin for an
// unknown name (with a did-you-mean suggestion) or a value of the wrong kind.
void apply_connection_option(driver::Connection& connection, const ConnectionOption& option);

}  // namespace iosctl::cli
