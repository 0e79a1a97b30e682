#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace iosctl {

// A pipe of bytes to one device's interactive shell. It knows nothing of
// IOS: ssh/ provides the real one (a libssh pty channel), tests a scripted
// one. Nothing above dialog/ sees bytes.
class Stream {
 public:
  virtual ~Stream() = default;
  virtual void write(std::string_view bytes) = 0;
  // Returns what arrived before `deadline`; empty means the deadline passed.
  // Throws Error{Failure::unreachable} if the connection is lost.
  virtual std::string read(std::chrono::steady_clock::time_point deadline) = 0;
};

}  // namespace iosctl
