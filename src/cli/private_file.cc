#include "iosctl/cli/private_file.h"

#include "iosctl/error.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace iosctl::cli {
namespace {

[[noreturn]] void cannot_write(const std::string& name, int error) {
  throw Error(Failure::usage, "cannot write '" + name + "': " + std::strerror(error) +
                                  " (fix: check the directory is writable)");
}

// Writes all of `bytes` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return ::fsync(fd) == 0 ? 0 : errno;
}

}  // namespace

void refuse_unsafe_private_path(std::string_view path) {
  const std::string name(path);
  struct stat st {};
  if (::lstat(name.c_str(), &st) != 0) return;  // not there yet: it is created
  if (S_ISLNK(st.st_mode)) {
    throw Error(Failure::usage, "refusing to write secrets to '" + name +
                                    "': it is a symbolic link (fix: name the file itself, "
                                    "or remove the link)");
  }
  if (S_ISDIR(st.st_mode)) {
    throw Error(Failure::usage,
                "cannot write '" + name + "': it is a directory (fix: name a file)");
  }
}

void write_private_file(std::string_view path, std::string_view bytes) {
  const std::string name(path);
  refuse_unsafe_private_path(name);
  // mkstemp creates the file with O_EXCL and mode 0600, so the secrets are
  // never readable by others, not even between the write and a chmod.
  std::string temporary = name + ".iosctl-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) cannot_write(name, errno);
  int error = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 ? write_all(fd, bytes) : errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  // rename() replaces a link that appeared at `name` meanwhile; it never
  // writes through it.
  if (error == 0 && ::rename(temporary.c_str(), name.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    cannot_write(name, error);
  }
}

std::ofstream open_private_file(const std::string& path, std::string_view option) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                        S_IRUSR | S_IWUSR);
  const std::string head = std::string(option) + " " + path + ": ";
  if (fd < 0 && errno == ELOOP) {
    throw Error(Failure::usage, head +
                                    "it is a symbolic link, and iosctl never writes through one "
                                    "(fix: name the file itself, or remove the link)");
  }
  if (fd < 0 && errno == EISDIR) {
    throw Error(Failure::usage, head + "it is a directory (fix: name a file)");
  }
  std::ofstream file;
  if (fd < 0) return file;
  // An existing file keeps its mode through O_TRUNC: make it private too.
  if (::fchmod(fd, S_IRUSR | S_IWUSR) == 0) {
    // Reopening our descriptor through /proc gives the stream the very file
    // just opened, even if `path` is replaced by a link meanwhile.
    file.open("/proc/self/fd/" + std::to_string(fd), std::ios::binary | std::ios::trunc);
  }
  ::close(fd);
  return file;
}

}  // namespace iosctl::cli
