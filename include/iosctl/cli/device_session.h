#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/driver/connection.h"
#include "iosctl/driver/generic_driver.h"

#include <fstream>
#include <memory>
#include <string>

namespace iosctl::cli {

// One device opened for a command: the link from Env::connect, the session
// log file, and a GenericDriver on it, ready (prompt found, session prepared).
class DeviceSession {
 public:
  // Connects and opens the dialogue; with `verbose`, each line sent is shown
  // on `env.err`. Throws Error{unreachable} naming the target, Error{usage}
  // for an unwritable session log or no connector.
  DeviceSession(const driver::Connection& connection, bool verbose, Env& env);
  // Closes the session; the dialogue logs the device's last unfinished line first.
  ~DeviceSession();
  DeviceSession(const DeviceSession&) = delete;
  DeviceSession& operator=(const DeviceSession&) = delete;

  // The driver on the open session.
  driver::GenericDriver& driver() { return *driver_; }
  // The link the driver talks over (for its file transfer).
  driver::Link& link() { return *link_; }
  // `user@host:port` of the link.
  const std::string& target() const { return target_; }

 private:
  void log(dialog::LogDirection direction, std::string_view bytes);
  void log_received(std::string_view bytes);

  Env& env_;
  bool verbose_;
  std::ofstream log_file_;
  std::unique_ptr<driver::Link> link_;
  std::string target_;
  std::unique_ptr<driver::GenericDriver> driver_;
};

}  // namespace iosctl::cli
