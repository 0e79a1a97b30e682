#pragma once

// Internal to ssh/: the TCP connection under a session, made here rather
// than by libssh so that connecting has its own time limit, apart from the
// SSH greeting and key exchange (libssh 0.10 has one timeout for both).

#include <chrono>
#include <cstdint>
#include <string>
#include <sys/types.h>

namespace iosctl::ssh {

// A connected socket that libssh is given (SSH_OPTIONS_FD). libssh 0.10
// closes that descriptor itself when the connection fails but not on a clean
// disconnect, so the destructor closes it only if it is still this socket.
class TcpSocket {
 public:
  TcpSocket() = default;
  explicit TcpSocket(int fd);
  ~TcpSocket();
  TcpSocket(TcpSocket&& other) noexcept;
  TcpSocket& operator=(TcpSocket&& other) noexcept;

  int fd() const { return fd_; }

 private:
  void release();
  int fd_ = -1;
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

// Connects to `host`:`port` within `timeout` (name lookup has the system
// resolver's own limits); `where` names the target in messages. Throws
// Error{unreachable} with the reason and what to check.
TcpSocket tcp_connect(const std::string& host, std::uint16_t port,
                      std::chrono::milliseconds timeout, const std::string& where);

}  // namespace iosctl::ssh
