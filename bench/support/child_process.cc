#include "child_process.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace iosctl::bench {

using Error = std::runtime_error;
namespace fs = std::filesystem;

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

double ms_since(SteadyClock::time_point from) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - from).count();
}

int ms_left(SteadyClock::time_point deadline) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
  return static_cast<int>(std::max<long>(0, left.count()));
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw Error("cannot write " + path.string());
}

// `count` distinct free TCP ports on 127.0.0.1: all are bound before any is closed.
std::vector<std::uint16_t> free_ports(std::size_t count) {
  std::vector<int> sockets;
  std::vector<std::uint16_t> ports;
  for (std::size_t i = 0; i < count; ++i) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
      throw Error(system_error("cannot find a free port on 127.0.0.1"));
    }
    sockets.push_back(fd);
    ports.push_back(ntohs(addr.sin_port));
  }
  for (const int fd : sockets) close(fd);
  return ports;
}

// utime + stime of process `pid` in ms, as /proc/PID/stat counts them: in clock ticks.
double ticks_cpu_ms(pid_t pid) {
  std::ifstream stat_file("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  std::getline(stat_file, stat);
  // After `(comm)`, which may hold spaces, the state is field 3; utime and stime are 14 and 15.
  std::istringstream fields(stat.substr(std::min(stat.size(), stat.rfind(')') + 2)));
  std::vector<std::string> f;
  for (std::string field; fields >> field;) f.push_back(field);
  if (f.size() < 13) throw Error("cannot read /proc/" + std::to_string(pid) + "/stat");
  return (std::stod(f[11]) + std::stod(f[12])) * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// The same CPU time (user + system, every thread) of process `pid` in ms, to the nanosecond.
// iosim works 2-8 ms per commit here, under one 10 ms tick of /proc/PID/stat, so the floor
// uses this clock; ticks_cpu_ms over all the runs of a latency cross-checks it.
double clock_cpu_ms(pid_t pid) {
  clockid_t clock{};
  timespec now{};
  if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &now) != 0) {
    throw Error("cannot read the CPU clock of process " + std::to_string(pid));
  }
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Starts `argv` with `env` and `fds` as its stdin, stdout and stderr.
pid_t spawn(std::vector<std::string> argv, std::vector<std::string> env, const int (&fds)[3]) {
  const auto pointers = [](std::vector<std::string>& strings) {
    std::vector<char*> p;
    for (std::string& s : strings) p.push_back(s.data());
    p.push_back(nullptr);
    return p;
  };
  std::vector<char*> args = pointers(argv);
  std::vector<char*> envp = pointers(env);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  for (int fd = 0; fd < 3; ++fd) posix_spawn_file_actions_adddup2(&actions, fds[fd], fd);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw Error("cannot run " + argv[0] + ": " + std::strerror(rc));
  return pid;
}

// Waits for `pid` until `deadline` (on a pidfd: no polling loop), then kills it; false if so.
bool wait_until(pid_t pid, SteadyClock::time_point deadline, const std::function<void()>& sample) {
  // glibc 2.36's <sys/pidfd.h> declares pidfd_open without extern "C", so C++ cannot link
  // it: the system call it wraps (Linux 5.3 and later) is made directly.
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) return true;  // then wait4 alone: no deadline, but no wrong figure
  pollfd p{pidfd, POLLIN, 0};
  int exited = 0;
  while (true) {
    // A sampler looks at the child every millisecond; the wait still ends the
    // moment it exits.
    const int left = ms_left(deadline);
    exited = poll(&p, 1, sample ? std::min(left, 1) : left);
    if (exited != 0 || !sample || left == 0) break;
    sample();
  }
  close(pidfd);
  if (exited == 0) kill(pid, SIGKILL);
  return exited != 0;
}

int open_fds(pid_t pid) {
  std::error_code error;
  int count = 0;
  for (fs::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", error), end;
       !error && it != end; it.increment(error)) {
    ++count;
  }
  return error ? -1 : count;
}

long rss_kb(pid_t pid) {
  std::istringstream status(read_file("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

// Runs `argv` with `env` to its end (killed after `limit`), stdout and stderr to files in
// `dir`; times it from spawn to wait4.
Finished run_process(const std::vector<std::string>& argv, const fs::path& dir,
                     const std::vector<std::string>& env, std::chrono::seconds limit,
                     bool sample_fds) {
  const fs::path out_path = dir / "child.out";
  const fs::path err_path = dir / "child.err";
  const int fds[3] = {open("/dev/null", O_RDONLY | O_CLOEXEC),
                      open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600),
                      open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
  if (fds[0] < 0 || fds[1] < 0 || fds[2] < 0) throw Error(system_error("open in " + dir.string()));
  const auto start = SteadyClock::now();
  const pid_t pid = spawn(argv, env, fds);
  for (const int fd : fds) close(fd);
  int max_fds = -1;
  // Counted only once the child runs argv[0]: between fork and exec it still
  // holds the parent's descriptors (every pipe of a busy benchmark).
  const fs::path program = fs::weakly_canonical(argv.front());
  const auto count_fds = [&] {
    std::error_code error;
    if (fs::read_symlink("/proc/" + std::to_string(pid) + "/exe", error) != program) return;
    max_fds = std::max(max_fds, open_fds(pid));
  };
  const bool in_time =
      wait_until(pid, start + limit, sample_fds ? std::function<void()>(count_fds) : nullptr);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) throw Error(system_error("wait4"));
  }
  Finished f;
  f.wall_ms = ms_since(start);
  f.cpu_ms = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
             static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  f.peak_rss_kb = usage.ru_maxrss;
  f.max_fds = max_fds;
  f.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  f.out = read_file(out_path);
  f.err = read_file(err_path);
  if (!in_time) f.err += "killed after " + std::to_string(limit.count()) + " s\n";
  return f;
}

std::vector<std::string> password_only_environment(const std::filesystem::path& home,
                                                   const std::string& variable,
                                                   const std::string& password) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry = *e;
    if (!entry.starts_with("HOME=") && !entry.starts_with("SSH_AUTH_SOCK=") &&
        !entry.starts_with(variable + "=")) {
      env.emplace_back(entry);
    }
  }
  env.push_back("HOME=" + home.string());
  env.push_back(variable + "=" + password);
  return env;
}

}  // namespace iosctl::bench
