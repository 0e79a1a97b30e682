#include "tcp_connect.h"

#include "handles.h"
#include "iosctl/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iosctl::ssh {
namespace {

struct AddressesFree {
  void operator()(addrinfo* list) const { freeaddrinfo(list); }
};
using Addresses = std::unique_ptr<addrinfo, AddressesFree>;

Addresses look_up(const std::string& host, std::uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int rc = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
  if (rc != 0) {
    std::string reason = gai_strerror(rc);
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
    throw Error(Failure::unreachable, "cannot resolve '" + host + "': " + reason +
                                          " (check the name, or the HostName in the ssh config)");
  }
  return Addresses(found);
}

// Tries one address until `deadline`; returns the connected socket, or -1
// with the reason in `error` (ETIMEDOUT when the deadline passed).
int try_address(const addrinfo& address, Deadline deadline, int& error) {
  const int fd = socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                        address.ai_protocol);
  if (fd < 0) {
    error = errno;
    return -1;
  }
  if (connect(fd, address.ai_addr, address.ai_addrlen) != 0 && errno != EINPROGRESS) {
    error = errno;
    close(fd);
    return -1;
  }
  pollfd wait{fd, POLLOUT, 0};
  int ready = 0;
  do {
    ready = poll(&wait, 1, milliseconds_left(deadline));
  } while (ready < 0 && errno == EINTR);
  socklen_t length = sizeof error;
  if (ready <= 0) {
    error = ETIMEDOUT;
  } else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
    error = errno;
  }
  if (error != 0) {
    close(fd);
    return -1;
  }
  // libssh expects a blocking socket, as it makes one itself; interactive
  // CLI traffic is small packets, so no Nagle delay.
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  const int on = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  return fd;
}

std::string connect_failure(int error, std::chrono::milliseconds timeout,
                            const std::string& where) {
  const std::string prefix = "cannot connect to " + where + ": ";
  if (error == ETIMEDOUT) {
    return prefix + "no answer within " + describe_duration(timeout) +
           " (check the address and any firewall, or allow more time with --timeout)";
  }
  if (error == ECONNREFUSED) {
    return prefix + "connection refused (check the port, and that SSH is enabled on the device)";
  }
  std::string reason = std::strerror(error);
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
  return prefix + reason + " (check the address and port)";
}

}  // namespace

TcpSocket::TcpSocket(int fd) : fd_(fd) {
  struct stat info {};
  if (fstat(fd_, &info) == 0) {
    device_ = info.st_dev;
    inode_ = info.st_ino;
  }
}

TcpSocket::~TcpSocket() { release(); }

TcpSocket::TcpSocket(TcpSocket&& other) noexcept
    : fd_(other.fd_), device_(other.device_), inode_(other.inode_) {
  other.fd_ = -1;
}

TcpSocket& TcpSocket::operator=(TcpSocket&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = other.fd_;
    device_ = other.device_;
    inode_ = other.inode_;
    other.fd_ = -1;
  }
  return *this;
}

void TcpSocket::release() {
  if (fd_ < 0) return;
  // If libssh closed it, the number may already name another thread's file;
  // a socket's inode is unique while it is open.
  struct stat info {};
  if (fstat(fd_, &info) == 0 && info.st_dev == device_ && info.st_ino == inode_) close(fd_);
  fd_ = -1;
}

TcpSocket tcp_connect(const std::string& host, std::uint16_t port,
                      std::chrono::milliseconds timeout, const std::string& where) {
  const Deadline deadline = Clock::now() + timeout;
  const Addresses addresses = look_up(host, port);
  int error = EHOSTUNREACH;
  for (const addrinfo* address = addresses.get(); address != nullptr; address = address->ai_next) {
    const int fd = try_address(*address, deadline, error);
    if (fd >= 0) return TcpSocket(fd);
    if (error == ETIMEDOUT) break;
  }
  throw Error(Failure::unreachable, connect_failure(error, timeout, where));
}

}  // namespace iosctl::ssh
