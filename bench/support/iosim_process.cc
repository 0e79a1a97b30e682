#include "iosim_process.h"

#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace iosctl::bench {

IosimProcess::IosimProcess(const std::string& binary, const std::filesystem::path& lab) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error(system_error("pipe"));
  out_ = out[0];
  const int fds[3] = {open("/dev/null", O_RDONLY | O_CLOEXEC), out[1], STDERR_FILENO};
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  pid_ = spawn({binary, "--lab", lab.string()}, env, fds);
  close(fds[0]);
  close(out[1]);
}

IosimProcess::~IosimProcess() {
  if (pid_ > 0) kill(pid_, SIGTERM);
  if (pid_ > 0) waitpid(pid_, nullptr, 0);
  close(out_);
}

void IosimProcess::wait_ready(SteadyClock::time_point deadline) const {
  std::string seen;
  char buffer[512];
  while (seen.find("ready\n") == std::string::npos) {
    pollfd p{out_, POLLIN, 0};
    if (poll(&p, 1, ms_left(deadline)) <= 0) {
      throw std::runtime_error("iosim did not print `ready` in time");
    }
    const ssize_t n = read(out_, buffer, sizeof buffer);
    if (n <= 0) throw std::runtime_error("iosim exited before `ready` (its stderr is above)");
    seen.append(buffer, static_cast<std::size_t>(n));
  }
}

double IosimProcess::peak_rss_mb() const {
  std::istringstream status(read_file("/proc/" + std::to_string(pid_) + "/status"));
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) return std::stod(line.substr(6)) * 1024 / 1e6;
  }
  return 0;
}

}  // namespace iosctl::bench
