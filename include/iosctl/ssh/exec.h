#pragma once

#include "iosctl/ssh/session.h"

#include <string>
#include <string_view>

namespace iosctl::ssh {

// What one command on an exec channel printed and returned.
struct ExecResult {
  std::string out;
  std::string err;
  int exit_status = -1;  // -1: the device sent none
};

// Runs `command` on its own exec channel of `session` (`ssh host show
// version`) and returns its output. Throws Error{invalid} if the device
// refuses exec requests, Error{unreachable} if the link drops or `deadline` passes.
ExecResult exec(Session& session, std::string_view command, Deadline deadline);

}  // namespace iosctl::ssh
