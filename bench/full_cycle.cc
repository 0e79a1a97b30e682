// bench_full_cycle: the whole `iosctl commit` cycle (connect, load, compare, commit with
// auto-rollback, save, close), run as the real binary against one iosim that serves two
// devices: one answering each command at once, one after 20 ms. Per latency it times --runs
// runs (default 5) from spawn to wait4, reads `round_trips` and `timings_ms` from iosctl's
// --json document, and compares the median wall time with the round-trip floor:
// round trips x latency + iosim's own CPU time for the run. Target: at most 1.2x the floor.
// Exits 0 when every run committed (it measures, it does not judge), 1 otherwise.

#include "support/child_process.h"
#include "support/iosim_process.h"
#include "support/lab_device.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

namespace iosctl::bench {
namespace {

using Error = std::runtime_error;
namespace fs = std::filesystem;

constexpr int kLatenciesMs[] = {0, 20};
constexpr const char* kUser = "admin";
// The lab's password reaches iosctl through this variable only; it is never printed.
constexpr const char* kPasswordVariable = "BENCH_FULL_CYCLE_PASSWORD";
constexpr const char* kPassword = "full-cycle-lab-pass";
const LabLogin kLogin = {kUser, kPasswordVariable, kPassword};
// The one line by which the two candidates differ (TEST-NET-1, RFC 5737).
constexpr const char* kChangedLine = "ntp server 192.0.2.123";
constexpr auto kReadyTime = std::chrono::seconds(60);
constexpr auto kRunTime = std::chrono::seconds(300);
constexpr double kTargetRatio = 1.2;

struct Options {
  std::string iosctl;
  std::string iosim;
  std::string config;
  int runs = 5;
};

using Device = LabDevice;

// One timed commit.
struct Run {
  Finished process;
  std::uint64_t round_trips = 0;
  double iosim_cpu_ms = 0;
  double floor_ms = 0;
  nlohmann::json timings;
};

// One timed `iosctl --json commit CANDIDATE`, with iosim's CPU time read around it.
Run timed_commit(const Options& o, const Device& device, const fs::path& candidate,
                 const fs::path& dir, pid_t iosim) {
  Run run;
  const double iosim_before = clock_cpu_ms(iosim);
  run.process =
      run_process(iosctl_args(o.iosctl, device, kLogin, dir, {"--json", "commit", candidate}), dir,
                  password_only_environment(dir, kPasswordVariable, kPassword), kRunTime);
  run.iosim_cpu_ms = clock_cpu_ms(iosim) - iosim_before;
  const Finished& p = run.process;
  if (p.status != 0) {
    throw Error("iosctl commit on " + device.name + " exited " + std::to_string(p.status) + ": " +
                last_line(p.err));
  }
  const nlohmann::json doc = nlohmann::json::parse(p.out, nullptr, false);
  if (doc.is_discarded() || !doc.contains("round_trips") || !doc.contains("timings_ms")) {
    throw Error("iosctl --json commit printed no JSON with round_trips and timings_ms");
  }
  if (doc.value("outcome", "") != "committed") {
    throw Error("iosctl commit on " + device.name + " ended '" + doc.value("outcome", "") +
                "', not 'committed': the run changed nothing");
  }
  run.round_trips = doc["round_trips"].get<std::uint64_t>();
  run.timings = doc["timings_ms"];
  run.floor_ms = static_cast<double>(run.round_trips) * device.latency_ms + run.iosim_cpu_ms;
  return run;
}

template <typename Field>
double median_of(const std::vector<Run>& runs, Field field) {
  std::vector<double> v;
  for (const Run& r : runs) v.push_back(field(r));
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string phase(const nlohmann::json& timings, const char* name) {
  if (!timings.contains(name) || !timings[name].is_number()) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", timings[name].get<double>());
  return text;
}

void print_run(int index, bool adds, const Run& r) {
  std::printf("  %3d  %-6s %8.1f %6llu %10.2f %9.1f %10.2fx %11.1f | %8s %8s %8s %8s\n", index,
              adds ? "+ntp" : "-ntp", r.process.wall_ms,
              static_cast<unsigned long long>(r.round_trips), r.iosim_cpu_ms, r.floor_ms,
              r.process.wall_ms / r.floor_ms, r.process.cpu_ms, phase(r.timings, "connect").c_str(),
              phase(r.timings, "load").c_str(), phase(r.timings, "commit").c_str(),
              phase(r.timings, "total").c_str());
}

void print_summary(const std::vector<Run>& runs) {
  const double wall = median_of(runs, [](const Run& r) { return r.process.wall_ms; });
  const double trips = median_of(runs, [](const Run& r) { return double(r.round_trips); });
  const double floor = median_of(runs, [](const Run& r) { return r.floor_ms; });
  const double iosim = median_of(runs, [](const Run& r) { return r.iosim_cpu_ms; });
  const double client = median_of(runs, [](const Run& r) { return r.process.cpu_ms; });
  std::printf(
      "  median: wall %.1f ms, round trips %.0f, floor %.1f ms (iosim CPU %.2f ms); "
      "iosctl CPU %.1f ms\n",
      wall, trips, floor, iosim, client);
  std::printf("  median wall / median floor: %.2fx (target <= %.2fx): %s\n", wall / floor,
              kTargetRatio, wall <= kTargetRatio * floor ? "PASS" : "FAIL");
}

// Times o.runs commits on `device`, alternating the two candidates; prints each and the medians.
void bench_device(const Options& o, const Device& device, const fs::path& dir, pid_t iosim) {
  const auto [without, with] = write_candidates(o.iosctl, device, kLogin, dir, kChangedLine);
  std::printf("\nlatency %d ms (device %s, 127.0.0.1:%u), %d run%s\n", device.latency_ms,
              device.name.c_str(), static_cast<unsigned>(device.port), o.runs,
              o.runs == 1 ? "" : "s");
  std::printf("  %3s  %-6s %8s %6s %10s %9s %11s %11s | %8s %8s %8s %8s  <- timings_ms\n", "run",
              "change", "wall", "trips", "iosim CPU", "floor", "wall/floor", "iosctl CPU",
              "connect", "load", "commit", "total");
  const double clock_before = clock_cpu_ms(iosim);
  const double ticks_before = ticks_cpu_ms(iosim);
  std::vector<Run> runs;
  for (int i = 0; i < o.runs; ++i) {
    // The device starts on `without`: even runs add the line, odd runs remove it again.
    const bool adds = i % 2 == 0;
    runs.push_back(timed_commit(o, device, adds ? with : without, dir, iosim));
    print_run(i + 1, adds, runs.back());
  }
  print_summary(runs);
  std::printf(
      "  iosim CPU from the first run's start to the last one's end: %.2f ms (CPU clock), "
      "%.0f ms (/proc/PID/stat utime+stime)\n",
      clock_cpu_ms(iosim) - clock_before, ticks_cpu_ms(iosim) - ticks_before);
}

std::string cpu_model() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.starts_with("model name")) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

void print_header(const Options& o, const fs::path& dir, const std::vector<Device>& devices,
                  double ready_ms) {
  std::istringstream loadavg(read_file("/proc/loadavg"));
  std::string load[3];
  loadavg >> load[0] >> load[1] >> load[2];
  const Finished version =
      run_process({o.iosctl, "--version"}, dir,
                  password_only_environment(dir, kPasswordVariable, kPassword), kRunTime);
  std::printf("host: %s, %ld CPUs online, load average %s %s %s (1, 5, 15 min) at start\n",
              cpu_model().c_str(), sysconf(_SC_NPROCESSORS_ONLN), load[0].c_str(), load[1].c_str(),
              load[2].c_str());
  std::printf("iosctl: %s (%s)\niosim: %s, ready in %.0f ms; devices",
              last_line(version.out).c_str(), o.iosctl.c_str(), o.iosim.c_str(), ready_ms);
  for (const Device& d : devices) {
    std::printf("%s %s (latency %d ms)", &d == &devices.front() ? "" : ",", d.name.c_str(),
                d.latency_ms);
  }
  std::printf(" on 127.0.0.1, running config %s\n", o.config.c_str());
  std::printf(
      "each run: iosctl -H 127.0.0.1 --port P --username %s --password-env %s "
      "--known-hosts F --host-key-policy accept-new --json commit CANDIDATE\n",
      kUser, kPasswordVariable);
  std::printf(
      "candidates: the device's `get-config --show-secrets`, and the same plus `%s`; "
      "runs alternate +ntp, -ntp, ...\n",
      kChangedLine);
  std::printf(
      "times in ms. wall: spawn to wait4 of iosctl. floor = round trips x latency + iosim "
      "CPU during the run (user+system, from its CPU clock: /proc/PID/stat counts in %ld "
      "ms ticks). iosctl CPU: its rusage\n",
      1000 / sysconf(_SC_CLK_TCK));
}

void run_in(const Options& o, const fs::path& dir) {
  std::vector<Device> devices;
  const std::vector<std::uint16_t> ports = free_ports(std::size(kLatenciesMs));
  for (std::size_t i = 0; i < ports.size(); ++i) {
    devices.push_back({"r1-" + std::to_string(kLatenciesMs[i]) + "ms", kLatenciesMs[i], ports[i]});
  }
  write_lab(dir / "lab.yaml", devices, o.config, kLogin);
  const auto start = SteadyClock::now();
  const IosimProcess iosim(o.iosim, dir / "lab.yaml");
  iosim.wait_ready(start + kReadyTime);
  print_header(o, dir, devices, ms_since(start));
  for (const Device& device : devices) bench_device(o, device, dir, iosim.pid());
}

}  // namespace
}  // namespace iosctl::bench

int main(int argc, char** argv) {
  iosctl::bench::Options o;
  CLI::App app("bench_full_cycle: iosctl commit, connect to close, against iosim at 0 and 20 ms");
  app.add_option("--iosctl", o.iosctl, "The iosctl binary")->required()->check(CLI::ExistingFile);
  app.add_option("--iosim", o.iosim, "The iosim binary")->required()->check(CLI::ExistingFile);
  app.add_option("--config", o.config, "The devices' running config (needs archive and SCP)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--runs", o.runs, "Timed commits per latency (default 5)")
      ->check(CLI::Range(1, 1000));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;  // --help exits 0, a bad argument 1
  }
  char pattern[] = "/tmp/bench-full-cycle-XXXXXX";
  if (mkdtemp(pattern) == nullptr) {
    std::perror("bench_full_cycle: error: mkdtemp");
    return 1;
  }
  int code = 0;
  try {
    iosctl::bench::run_in(o, pattern);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "bench_full_cycle: error: %s\n", e.what());
    code = 1;
  }
  std::filesystem::remove_all(pattern);
  return code;
}
