// Per-command cost of send-command on one session: 200 `show clock` calls
// through GenericDriver over real SSH to iosim, with 0 ms and 20 ms of
// injected latency. Prints wall time per command, the overhead above the
// injected latency (target < 1 ms at 0 ms) and round trips per command
// (target 1: one write, then reads until the prompt).

#include "iosctl/driver/generic_driver.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/driver/ssh_link.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kCalls = 200;

// Counts turns: a write that follows received bytes starts a new round trip.
class CountingStream : public iosctl::Stream {
 public:
  explicit CountingStream(iosctl::Stream& inner) : inner_(inner) {}
  void write(std::string_view bytes) override {
    if (!waiting_) ++round_trips_;
    waiting_ = true;
    inner_.write(bytes);
  }
  std::string read(Clock::time_point deadline) override {
    std::string bytes = inner_.read(deadline);
    if (!bytes.empty()) waiting_ = false;
    return bytes;
  }
  long round_trips() const { return round_trips_; }

 private:
  iosctl::Stream& inner_;
  bool waiting_ = false;
  long round_trips_ = 0;
};

std::uint16_t free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// Starts iosim on `lab` and returns its pid once it printed `ready`.
pid_t start_iosim(const std::string& lab) {
  int out[2];
  if (pipe(out) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::string bin = IOSIM_BINARY, flag = "--lab", path = lab;
  char* argv[] = {bin.data(), flag.data(), path.data(), nullptr};
  pid_t pid = -1;
  posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string seen;
  char c = 0;
  while (seen.find("ready\n") == std::string::npos && read(out[0], &c, 1) == 1) seen += c;
  if (seen.find("ready\n") == std::string::npos) {
    std::fprintf(stderr, "bench_send_command: iosim did not start\n");
    std::exit(1);
  }
  return pid;  // the pipe stays open: iosim may still print
}

void run(int latency_ms, const std::filesystem::path& dir) {
  const std::uint16_t port = free_port();
  const std::filesystem::path lab = dir / ("lab" + std::to_string(latency_ms) + ".yaml");
  std::ofstream(lab)
      << "devices:\n  - name: r1\n    listen: 127.0.0.1:" << port
      << "\n    running_config: " << IOSCTL_FIXTURES_DIR << "/labs/iosxe-r1.cfg"
      << "\n    latency_ms: " << latency_ms
      << "\n    users:\n      - {username: admin, password: secret, privilege: 15}\n";
  const pid_t iosim = start_iosim(lab.string());
  iosctl::driver::Connection c;
  c.host = "127.0.0.1";
  c.port = port;
  c.username = "admin";
  c.password = "secret";
  c.allow_agent = false;
  c.host_key_policy = "off";
  auto link = iosctl::driver::open_ssh_link(c, [](std::string_view) {});
  CountingStream counting(link->stream());
  iosctl::driver::GenericDriver driver(counting, iosctl::driver::platform_profile("cisco_ios"), {});
  driver.open();
  const long before = counting.round_trips();
  std::vector<double> ms;
  for (int i = 0; i < kCalls; ++i) {
    const auto start = Clock::now();
    driver.send_command("show clock");
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  const double trips = double(counting.round_trips() - before) / kCalls;
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (double m : ms) sum += m;
  const double mean = sum / kCalls;
  std::printf(
      "latency %3d ms: %d calls, per command mean %.3f ms, median %.3f ms, p95 %.3f ms; "
      "overhead above latency %.3f ms (median); round trips per command %.2f\n",
      latency_ms, kCalls, mean, ms[kCalls / 2], ms[kCalls * 95 / 100], ms[kCalls / 2] - latency_ms,
      trips);
  link.reset();
  kill(iosim, SIGTERM);
  waitpid(iosim, nullptr, 0);
}

}  // namespace

int main() {
  char tmpl[] = "/tmp/bench-send-command-XXXXXX";
  const std::filesystem::path dir = mkdtemp(tmpl);
  for (int latency : {0, 20}) run(latency, dir);
  std::filesystem::remove_all(dir);
  return 0;
}
