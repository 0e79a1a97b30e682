// bench_iosim_scale: one iosim serving many devices on distinct 127.0.x.y addresses, then
// many concurrent SSH sessions (OpenSSH `ssh` processes, key login) each typing
// `terminal length 0`, `show version`, `show running-config` and `exit`. Prints iosim's time
// to its `ready` line, its peak RSS (VmHWM) and CPU seconds (utime+stime, from /proc), and the
// sessions' latency median and p95 (spawn to exit, login included).
// Exits 0 when every session got its output (it measures, it does not judge), 1 otherwise.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace iosctl::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int kDevicesPerOctet = 250;  // 127.0.X.1 .. 127.0.X.250
constexpr auto kReadyTime = std::chrono::seconds(600);
constexpr auto kSessionTime = std::chrono::seconds(300);
constexpr const char* kTyped = "terminal length 0\nshow version\nshow running-config\nexit\n";

struct Options {
  std::string iosim;
  std::string config;
  std::string dir;
  int devices = 1000;
  int sessions = 100;
  int port = 2222;
};

// A child process with its stdin and stdout on pipes.
struct Child {
  pid_t pid = -1;
  int in = -1;   // the child's stdin (we write)
  int out = -1;  // the child's stdout (we read)
};

Child spawn(const std::vector<std::string>& argv) {
  int in[2];
  int out[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  Child child;
  const int rc = posix_spawn(&child.pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  if (rc != 0) throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(rc));
  child.in = in[1];
  child.out = out[0];
  return child;
}

// Reads `fd` until EOF or `deadline`; false at the deadline.
bool read_all(int fd, std::string& into, SteadyClock::time_point deadline) {
  char buffer[16384];
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return true;
    into.append(buffer, static_cast<std::size_t>(n));
  }
}

int run_program(const std::vector<std::string>& argv) {
  const Child child = spawn(argv);
  close(child.in);
  std::string ignored;
  read_all(child.out, ignored, SteadyClock::now() + std::chrono::seconds(60));
  close(child.out);
  int status = 0;
  waitpid(child.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string address_of(int device) {
  return "127.0." + std::to_string(1 + device / kDevicesPerOctet) + "." +
         std::to_string(1 + device % kDevicesPerOctet);
}

std::string name_of(int device) {
  char name[16];
  std::snprintf(name, sizeof name, "d%04d", device);
  return name;
}

std::string first_line(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// Writes the lab: `devices` devices on 127.0.X.Y:`port`, one key-login user each.
std::filesystem::path write_lab(const Options& o, const std::filesystem::path& dir,
                                const std::string& public_key) {
  const std::filesystem::path lab = dir / "scale-lab.yaml";
  std::ofstream out(lab);
  out << "devices:\n";
  for (int i = 0; i < o.devices; ++i) {
    out << "  - name: " << name_of(i) << "\n    hostname: " << name_of(i)
        << "\n    listen: " << address_of(i) << ":" << o.port
        << "\n    running_config: " << std::filesystem::absolute(o.config).string()
        << "\n    users:\n      - {username: admin, privilege: 15, public_key: \"" << public_key
        << "\"}\n";
  }
  if (!out) throw std::runtime_error("cannot write " + lab.string());
  return lab;
}

// iosim's peak RSS in MiB (VmHWM) and CPU seconds (utime + stime).
struct Usage {
  double peak_rss_mib = 0;
  double cpu_seconds = 0;
};

Usage usage_of(pid_t pid) {
  Usage usage;
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) usage.peak_rss_mib = std::stod(line.substr(6)) / 1024.0;
  }
  std::ifstream stat_file("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;  // one line
  std::getline(stat_file, stat);
  // Fields after the `(comm)`, which may hold spaces: state is field 3, utime 14, stime 15.
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::vector<std::string> f;
  for (std::string field; fields >> field;) f.push_back(field);
  if (f.size() > 12) {
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    usage.cpu_seconds = (std::stod(f[11]) + std::stod(f[12])) / ticks;
  }
  return usage;
}

// Starts iosim on `lab` and waits for its `ready` line; returns it and the seconds taken.
std::pair<Child, double> start_iosim(const Options& o, const std::filesystem::path& lab) {
  const auto start = SteadyClock::now();
  Child iosim = spawn({o.iosim, "--lab", lab.string()});
  close(iosim.in);
  std::string seen;
  const auto deadline = start + kReadyTime;
  char c = 0;
  while (seen.find("ready\n") == std::string::npos && SteadyClock::now() < deadline) {
    pollfd p{iosim.out, POLLIN, 0};
    if (poll(&p, 1, 1000) <= 0) continue;
    if (read(iosim.out, &c, 1) != 1) break;
    seen += c;
  }
  if (seen.find("ready\n") == std::string::npos) {
    kill(iosim.pid, SIGKILL);
    throw std::runtime_error("iosim did not print `ready` (its stderr is above)");
  }
  return {iosim, std::chrono::duration<double>(SteadyClock::now() - start).count()};
}

// One session: ssh to `device`, type kTyped, read to EOF. Returns seconds, or -1 on failure.
double one_session(const Options& o, const std::filesystem::path& key, int device) {
  const auto start = SteadyClock::now();
  Child ssh = spawn({"/usr/bin/ssh", "-tt", "-q", "-F", "/dev/null", "-i", key.string(), "-o",
                     "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o",
                     "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-p",
                     std::to_string(o.port), "admin@" + address_of(device)});
  const std::string typed = kTyped;
  const bool wrote =
      write(ssh.in, typed.data(), typed.size()) == static_cast<ssize_t>(typed.size());
  std::string output;
  const bool ended = read_all(ssh.out, output, start + kSessionTime);
  close(ssh.in);
  close(ssh.out);
  if (!ended) kill(ssh.pid, SIGKILL);
  int status = 0;
  waitpid(ssh.pid, &status, 0);
  const double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
  const bool good = wrote && ended && output.find("Cisco IOS XE Software") != std::string::npos &&
                    output.find("hostname " + name_of(device)) != std::string::npos;
  if (!good) std::fprintf(stderr, "session to %s failed\n", address_of(device).c_str());
  return good ? seconds : -1;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const std::size_t at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  return values[at];
}

// Runs o.sessions sessions at once; returns each one's seconds (-1: failed).
std::vector<double> run_sessions(const Options& o, const std::filesystem::path& key) {
  std::vector<double> latencies(static_cast<std::size_t>(o.sessions), -1);
  std::vector<std::thread> threads;
  for (int s = 0; s < o.sessions; ++s) {
    // Spread over the lab: every (devices / sessions)-th device.
    const int device = static_cast<int>(static_cast<long>(s) * o.devices / o.sessions);
    threads.emplace_back(
        [&, s, device] { latencies[static_cast<std::size_t>(s)] = one_session(o, key, device); });
  }
  for (std::thread& t : threads) t.join();
  return latencies;
}

int run(const Options& o) {
  char pattern[] = "/tmp/iosim-scale-XXXXXX";
  const std::filesystem::path dir =
      o.dir.empty() ? std::filesystem::path(mkdtemp(pattern)) : std::filesystem::path(o.dir);
  std::filesystem::create_directories(dir);
  const std::filesystem::path key = dir / "client_key";
  std::filesystem::remove(key);
  std::filesystem::remove(key.string() + ".pub");
  if (run_program({"/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key}) != 0) {
    throw std::runtime_error("ssh-keygen failed");
  }
  const auto lab = write_lab(o, dir, first_line(key.string() + ".pub"));
  auto [iosim, ready_seconds] = start_iosim(o, lab);
  const Usage at_ready = usage_of(iosim.pid);
  std::printf("devices %d, ready in %.2f s; iosim at ready: RSS peak %.1f MiB, CPU %.2f s\n",
              o.devices, ready_seconds, at_ready.peak_rss_mib, at_ready.cpu_seconds);

  const auto start = SteadyClock::now();
  std::vector<double> latencies = run_sessions(o, key);
  const double wall = std::chrono::duration<double>(SteadyClock::now() - start).count();
  const Usage at_end = usage_of(iosim.pid);
  kill(iosim.pid, SIGTERM);
  int status = 0;
  waitpid(iosim.pid, &status, 0);
  if (o.dir.empty()) std::filesystem::remove_all(dir);

  const auto failed = std::count(latencies.begin(), latencies.end(), -1.0);
  std::erase(latencies, -1.0);
  std::printf("sessions %d concurrent (%ld failed), all done in %.2f s\n", o.sessions,
              static_cast<long>(failed), wall);
  if (!latencies.empty()) {
    std::printf("session latency (ssh spawn to exit): median %.3f s, p95 %.3f s\n",
                percentile(latencies, 0.5), percentile(latencies, 0.95));
  }
  std::printf("iosim at end: RSS peak (VmHWM) %.1f MiB, CPU %.2f s (%.2f s for the sessions)\n",
              at_end.peak_rss_mib, at_end.cpu_seconds, at_end.cpu_seconds - at_ready.cpu_seconds);
  return failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace iosctl::bench

int main(int argc, char** argv) {
  iosctl::bench::Options o;
  CLI::App app("bench_iosim_scale: one iosim, many devices, many concurrent SSH sessions");
  app.add_option("--iosim", o.iosim, "The iosim binary")->required();
  app.add_option("--config", o.config, "Every device's running config")->required();
  app.add_option("--devices", o.devices, "Devices in the lab")->check(CLI::Range(1, 60000));
  app.add_option("--sessions", o.sessions, "Concurrent SSH sessions")->check(CLI::Range(1, 5000));
  app.add_option("--port", o.port, "The port every device listens on")->check(CLI::Range(1, 65535));
  app.add_option("--dir", o.dir, "Keep the lab and client key here (default: a temp folder)");
  CLI11_PARSE(app, argc, argv);
  try {
    return iosctl::bench::run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_iosim_scale: error: %s\n", e.what());
    return 1;
  }
}
