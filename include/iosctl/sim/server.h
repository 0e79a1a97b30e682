#pragma once

#include "iosctl/sim/lab.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

namespace iosctl::sim {

// Where the server keeps its files.
struct ServerOptions {
  std::filesystem::path host_key_dir;              // host keys, generated on first use
  std::optional<std::filesystem::path> state_dir;  // devices' state, restored and saved
};

// Serves every device of a lab over SSH and SCP from one thread: one
// listener per device and all connections in one libssh event loop.
class Server {
 public:
  // Builds the devices, restoring each one's state from `options.state_dir`
  // if saved there. Warnings (a state file that cannot be saved) go to `log`.
  Server(Lab lab, ServerOptions options, std::ostream& log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens every device's listener (host keys made first if missing). Throws
  // Error{Failure::usage} naming the device whose address cannot be used.
  void listen();
  // Serves until `stop_fd` becomes readable (a signalfd for SIGTERM and
  // SIGINT), then closes every connection and returns.
  void run(int stop_fd);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iosctl::sim
