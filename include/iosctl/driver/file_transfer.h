#pragma once

#include "iosctl/ios/device_args.h"

#include <string_view>

namespace iosctl::driver {

// Copies files to a device beside the CLI session (SCP on a second SSH
// session for the real link), so that the driver logic above it stays pure.
class FileTransfer {
 public:
  virtual ~FileTransfer() = default;
  // Stores `bytes` byte for byte as `remote_path` (`bootflash:/candidate_config.txt`).
  // Throws Error{invalid} when the device refuses, Error{unreachable} when the
  // connection fails.
  virtual void push(std::string_view bytes, const ios::DevicePath& remote_path) = 0;
};

}  // namespace iosctl::driver
