// bench_fleet_compare: `iosctl -i INVENTORY --json compare --parallel 100` across one iosim
// serving 1,000 devices on 127.0.1.1 ... 127.0.4.250, each host's candidate either equal to
// its running config or one line longer (every 10th device). Per run it prints the wall time,
// how many hosts finished with a compare outcome (no_changes or changes), iosctl's CPU time
// and peak RSS (wait4's ru_maxrss); then iosim's peak RSS (VmHWM) and the median fleet time
// against the median of a single-device compare.
// Exits 0 when every run finished every host with the expected outcome (it measures, it does
// not judge the figures), 1 otherwise.

#include "support/child_process.h"
#include "support/iosim_process.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <poll.h>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace iosctl::bench {
namespace {

using Error = std::runtime_error;
namespace fs = std::filesystem;

constexpr int kDevicesPerOctet = 250;  // 127.0.X.1 .. 127.0.X.250, X from 1
constexpr const char* kUser = "admin";
// The lab's password reaches iosctl through this variable only; it is never printed.
constexpr const char* kPasswordVariable = "BENCH_FLEET_PASSWORD";
constexpr const char* kPassword = "fleet-lab-pass";
// The line a changed host's candidate adds (TEST-NET-1, RFC 5737).
constexpr const char* kChangedLine = "ntp server 192.0.2.123";
constexpr auto kReadyTime = std::chrono::seconds(600);
constexpr auto kRunTime = std::chrono::seconds(1800);
constexpr double kRssTargetMb = 300;

struct Options {
  std::string iosctl;
  std::string iosim;
  std::string config;
  int devices = 1000;
  int parallel = 100;
  int changed_every = 10;  // every Nth device gets a changed candidate
  int runs = 3;
  int single_runs = 5;
};

// What one measured iosctl process did.
struct Measured {
  Finished process;
  double peak_rss_mb = 0;  // ru_maxrss
};

// One timed fleet compare.
struct FleetRun {
  Measured m;
  std::map<std::string, int> outcomes;
  int done = 0;        // hosts with a compare outcome (no_changes or changes)
  int unexpected = 0;  // hosts whose outcome is not the one their candidate calls for
  int exit_code = -1;
  double iosim_cpu_ms = 0;  // iosim's user + system time during the run
};

std::string name_of(int device) {
  char name[16];
  std::snprintf(name, sizeof name, "d%04d", device);
  return name;
}

std::string address_of(int device) {
  return "127.0." + std::to_string(1 + device / kDevicesPerOctet) + "." +
         std::to_string(1 + device % kDevicesPerOctet);
}

bool is_changed(const Options& o, int device) { return device % o.changed_every == 0; }

std::string last_line(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  const std::size_t start = text.rfind('\n');
  return start == std::string::npos ? text : text.substr(start + 1);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Runs `argv` to its end like run_process, keeping wait4's peak RSS as well.
Measured run_measured(const std::vector<std::string>& argv, const fs::path& dir) {
  const fs::path out_path = dir / "iosctl.out";
  const fs::path err_path = dir / "iosctl.err";
  const int fds[3] = {open("/dev/null", O_RDONLY | O_CLOEXEC),
                      open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600),
                      open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
  if (fds[0] < 0 || fds[1] < 0 || fds[2] < 0) throw Error(system_error("open in " + dir.string()));
  const auto start = SteadyClock::now();
  const pid_t pid = spawn(argv, password_only_environment(dir, kPasswordVariable, kPassword), fds);
  for (const int fd : fds) close(fd);
  const bool in_time = wait_until(pid, start + kRunTime);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) throw Error(system_error("wait4"));
  }
  Measured m;
  m.process.wall_ms = ms_since(start);
  m.process.cpu_ms = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  m.process.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  m.process.out = read_file(out_path);
  m.process.err = read_file(err_path);
  if (!in_time) m.process.err += "killed after " + std::to_string(kRunTime.count()) + " s\n";
  m.peak_rss_mb = static_cast<double>(usage.ru_maxrss) * 1024 / 1e6;  // ru_maxrss is in KiB
  return m;
}

void write_lab(const Options& o, const fs::path& lab, std::uint16_t port) {
  std::ostringstream yaml;
  yaml << "devices:\n";
  for (int i = 0; i < o.devices; ++i) {
    yaml << "  - {name: " << name_of(i) << ", hostname: " << name_of(i) << ", listen: \""
         << address_of(i) << ":" << port << "\", running_config: \""
         << fs::absolute(o.config).string() << "\", users: [{username: " << kUser
         << ", password: " << kPassword << ", privilege: 15}]}\n";
  }
  write_file(lab, yaml.str());
}

void write_inventory(const Options& o, const fs::path& dir, std::uint16_t port) {
  std::ostringstream yaml;
  yaml << "defaults:\n  username: " << kUser << "\n  password_env: " << kPasswordVariable
       << "\n  port: " << port << "\n  candidate: \""
       << (dir / "candidates" / "{name}.cfg").string()
       << "\"\ngroups:\n  lab: {platform: cisco_xe}\nhosts:\n";
  for (int i = 0; i < o.devices; ++i) {
    yaml << "  " << name_of(i) << ": {hostname: " << address_of(i) << ", groups: [lab]}\n";
  }
  write_file(dir / "inventory.yaml", yaml.str());
}

// The login options of one device, for the single-device runs.
std::vector<std::string> one_device(const Options& o, int device, std::uint16_t port,
                                    const fs::path& dir) {
  return {o.iosctl,
          "-H",
          address_of(device),
          "--port",
          std::to_string(port),
          "--username",
          kUser,
          "--password-env",
          kPasswordVariable,
          "--known-hosts",
          (dir / "known_hosts").string(),
          "--host-key-policy",
          "accept-new"};
}

// Each device's running config as get-config prints it differs only in the hostname, so
// one device's is read and each candidate is that text with the device's own name.
void write_candidates(const Options& o, const fs::path& dir, std::uint16_t port) {
  std::vector<std::string> argv = one_device(o, 0, port, dir);
  argv.insert(argv.end(), {"get-config", "--show-secrets"});
  const Measured got = run_measured(argv, dir);
  if (got.process.status != 0) {
    throw Error("iosctl get-config on " + name_of(0) + " exited " +
                std::to_string(got.process.status) + ": " + last_line(got.process.err));
  }
  const std::string running = got.process.out;
  const std::string own = "hostname " + name_of(0) + "\n";
  const std::size_t at = running.find(own);
  const std::size_t end = running.rfind("\nend");
  if (at == std::string::npos || end == std::string::npos) {
    throw Error("get-config on " + name_of(0) + " printed no `" + own.substr(0, own.size() - 1) +
                "` or no final `end`");
  }
  fs::create_directories(dir / "candidates");
  for (int i = 0; i < o.devices; ++i) {
    std::string text = running;
    if (is_changed(o, i)) text.insert(end + 1, std::string(kChangedLine) + "\n");
    text.replace(at, own.size(), "hostname " + name_of(i) + "\n");
    write_file(dir / "candidates" / (name_of(i) + ".cfg"), text);
  }
}

FleetRun fleet_compare(const Options& o, const fs::path& dir, pid_t iosim) {
  FleetRun run;
  const double iosim_before = clock_cpu_ms(iosim);
  run.m = run_measured({o.iosctl, "-i", (dir / "inventory.yaml").string(), "--known-hosts",
                        (dir / "known_hosts").string(), "--host-key-policy", "accept-new", "--json",
                        "compare", "--parallel", std::to_string(o.parallel)},
                       dir);
  run.iosim_cpu_ms = clock_cpu_ms(iosim) - iosim_before;
  run.exit_code = run.m.process.status;
  const nlohmann::json doc = nlohmann::json::parse(run.m.process.out, nullptr, false);
  if (doc.is_discarded() || !doc.contains("hosts")) {
    throw Error("iosctl -i ... --json compare exited " + std::to_string(run.exit_code) +
                " without a JSON document: " + last_line(run.m.process.err));
  }
  for (const nlohmann::json& host : doc["hosts"]) {
    const std::string name = host.value("host", "");
    const std::string outcome = host.value("outcome", "");
    ++run.outcomes[outcome];
    if (outcome == "no_changes" || outcome == "changes") ++run.done;
    const bool changed = name.size() > 1 && is_changed(o, std::stoi(name.substr(1)));
    if (outcome != (changed ? "changes" : "no_changes")) {
      if (run.unexpected++ < 3) {
        std::fprintf(stderr, "bench_fleet_compare: %s: %s: %s\n", name.c_str(), outcome.c_str(),
                     host.value("error", nlohmann::json()).dump().c_str());
      }
    }
  }
  return run;
}

std::string outcome_counts(const FleetRun& run) {
  std::string text;
  for (const auto& [outcome, count] : run.outcomes) {
    text += (text.empty() ? "" : ", ") + outcome + " " + std::to_string(count);
  }
  return text;
}

long cpus() { return sysconf(_SC_NPROCESSORS_ONLN); }

std::string cpu_model() {
  std::istringstream cpuinfo(read_file("/proc/cpuinfo"));
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.starts_with("model name")) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

void print_header(const Options& o, const fs::path& dir, double ready_s, std::uint16_t port) {
  std::istringstream loadavg(read_file("/proc/loadavg"));
  std::string load[3];
  loadavg >> load[0] >> load[1] >> load[2];
  const Measured version = run_measured({o.iosctl, "--version"}, dir);
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  std::printf("host: %s, %ld CPUs online, load average %s %s %s (1, 5, 15 min) at start\n",
              cpu_model().c_str(), sysconf(_SC_NPROCESSORS_ONLN), load[0].c_str(), load[1].c_str(),
              load[2].c_str());
  std::printf("iosctl: %s (%s); open-file limit %llu\n", last_line(version.process.out).c_str(),
              o.iosctl.c_str(), static_cast<unsigned long long>(files.rlim_cur));
  std::printf("iosim: %s, %d devices on %s ... %s port %u, ready in %.2f s\n", o.iosim.c_str(),
              o.devices, address_of(0).c_str(), address_of(o.devices - 1).c_str(),
              static_cast<unsigned>(port), ready_s);
  std::printf("candidates: %d equal to the running config, %d with `%s` added (every %dth)\n",
              o.devices - (o.devices + o.changed_every - 1) / o.changed_every,
              (o.devices + o.changed_every - 1) / o.changed_every, kChangedLine, o.changed_every);
  std::printf(
      "each run: iosctl -i inventory.yaml --known-hosts F --host-key-policy accept-new --json "
      "compare --parallel %d\n",
      o.parallel);
  std::printf(
      "wall: spawn to wait4; done: hosts with outcome no_changes or changes; CPU: user+system "
      "(iosctl's rusage, iosim's CPU clock) and its share of wall time if the CPUs did nothing "
      "else; RSS: iosctl's peak (ru_maxrss). MB = 10^6 bytes\n");
}

// The median of o.single_runs compares of one unchanged device, in seconds.
double single_device_median(const Options& o, const fs::path& dir, std::uint16_t port) {
  std::vector<double> walls;
  const int device = 1;
  std::vector<std::string> argv = one_device(o, device, port, dir);
  argv.insert(argv.end(), {"compare", (dir / "candidates" / (name_of(device) + ".cfg")).string()});
  for (int i = 0; i < o.single_runs; ++i) {
    const Measured m = run_measured(argv, dir);
    if (m.process.status != 0) {
      throw Error("single-device compare on " + name_of(device) + " exited " +
                  std::to_string(m.process.status) + " (expected 0): " + last_line(m.process.err));
    }
    walls.push_back(m.process.wall_ms / 1e3);
  }
  const auto [low, high] = std::minmax_element(walls.begin(), walls.end());
  std::printf(
      "single-device compare (%s, unchanged), %d runs: median %.3f s (min %.3f, max %.3f)\n",
      name_of(device).c_str(), o.single_runs, median(walls), *low, *high);
  return median(walls);
}

int run_in(const Options& o, const fs::path& dir) {
  const std::uint16_t port = free_ports(1).front();
  write_lab(o, dir / "lab.yaml", port);
  write_inventory(o, dir, port);
  const auto start = SteadyClock::now();
  const IosimProcess iosim(o.iosim, dir / "lab.yaml");
  iosim.wait_ready(start + kReadyTime);
  const double ready_s = ms_since(start) / 1e3;
  write_candidates(o, dir, port);
  print_header(o, dir, ready_s, port);

  std::vector<FleetRun> runs;
  for (int i = 0; i < o.runs; ++i) {
    runs.push_back(fleet_compare(o, dir, iosim.pid()));
    const FleetRun& r = runs.back();
    std::printf(
        "run %d%s: wall %.2f s, exit %d, done %d/%d (%s); CPU iosctl %.2f s + iosim %.2f s, "
        "at least %.2f s of wall on %ld CPUs; iosctl peak RSS %.1f MB\n",
        i + 1, i == 0 ? " (first: learns the host keys, uploads every candidate)" : "",
        r.m.process.wall_ms / 1e3, r.exit_code, r.done, o.devices, outcome_counts(r).c_str(),
        r.m.process.cpu_ms / 1e3, r.iosim_cpu_ms / 1e3,
        (r.m.process.cpu_ms + r.iosim_cpu_ms) / 1e3 / cpus(), cpus(), r.m.peak_rss_mb);
  }
  const double single = single_device_median(o, dir, port);
  std::vector<double> walls;
  double rss = 0;
  bool all_done = true;
  for (const FleetRun& r : runs) {
    walls.push_back(r.m.process.wall_ms / 1e3);
    rss = std::max(rss, r.m.peak_rss_mb);
    all_done = all_done && r.done == o.devices && r.unexpected == 0 && r.exit_code == 2;
  }
  const double fleet = median(walls);
  std::printf("iosim: peak RSS (VmHWM) %.1f MB, CPU %.2f s since start\n", iosim.peak_rss_mb(),
              ticks_cpu_ms(iosim.pid()) / 1e3);
  std::printf(
      "median fleet wall %.2f s = %.1fx one device's compare (%d hosts / %d at once: %.0fx if "
      "never short of CPU); %.1fx faster than %d compares one after another\n",
      fleet, fleet / single, o.devices, o.parallel, static_cast<double>(o.devices) / o.parallel,
      o.devices * single / fleet, o.devices);
  std::printf("target: all %d hosts done with the expected outcome in every run, exit 2: %s\n",
              o.devices, all_done ? "PASS" : "FAIL");
  std::printf("target: iosctl peak RSS < %.0f MB (highest %.1f MB): %s\n", kRssTargetMb, rss,
              rss < kRssTargetMb ? "PASS" : "FAIL");
  return all_done ? 0 : 1;
}

}  // namespace
}  // namespace iosctl::bench

int main(int argc, char** argv) {
  iosctl::bench::Options o;
  CLI::App app("bench_fleet_compare: iosctl -i compare across a 1,000-device iosim lab");
  app.add_option("--iosctl", o.iosctl, "The iosctl binary")->required()->check(CLI::ExistingFile);
  app.add_option("--iosim", o.iosim, "The iosim binary")->required()->check(CLI::ExistingFile);
  app.add_option("--config", o.config, "The devices' running config (needs archive and SCP)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--devices", o.devices, "Devices in the lab (default 1000)")
      ->check(CLI::Range(1, 250 * 254));
  app.add_option("--parallel", o.parallel, "iosctl --parallel (default 100)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--changed-every", o.changed_every,
                 "Every Nth device's candidate adds a line (default 10)")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--runs", o.runs, "Timed fleet runs (default 3)")->check(CLI::Range(1, 100));
  app.add_option("--single-runs", o.single_runs, "Single-device compares (default 5)")
      ->check(CLI::Range(1, 100));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;  // --help exits 0, a bad argument 1
  }
  char pattern[] = "/tmp/bench-fleet-compare-XXXXXX";
  if (mkdtemp(pattern) == nullptr) {
    std::perror("bench_fleet_compare: error: mkdtemp");
    return 1;
  }
  int code = 1;
  try {
    code = iosctl::bench::run_in(o, pattern);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "bench_fleet_compare: error: %s\n", e.what());
  }
  std::filesystem::remove_all(pattern);
  return code;
}
