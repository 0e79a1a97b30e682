#pragma once

#include "iosctl/driver/connection.h"
#include "support/scripted_stream.h"

#include <string>
#include <string_view>

namespace iosctl::test {

// A driver::Link to `admin@r1:22` whose CLI session replays `transcript`
// (ScriptedStream's format), for in-process runs of the command line.
class ScriptedLink : public driver::Link {
 public:
  explicit ScriptedLink(std::string_view transcript) : stream_(transcript) {}
  Stream& stream() override { return stream_; }
  std::string target() const override { return "admin@r1:22"; }

 private:
  ScriptedStream stream_;
};

}  // namespace iosctl::test
