// bench_soak: iosctl and iosim over a long run, looking for growth. Part 1 runs --cycles
// (default 1,000) commit / rollback cycles against one iosim device: each cycle commits a
// candidate that adds one line, then rolls back to the checkpoint, both as the real iosctl
// binary. Part 2 keeps --sessions (default 100) iosctl sessions running at once against the
// same iosim for --minutes (default 3): each worker runs `send-command "show version"` again
// as soon as the last one ends. Prints, at the start and the end of each part, iosim's
// resident memory and open file descriptors, and for iosctl the peak RSS (ru_maxrss) and
// most open descriptors (sampled) of its first and last runs; then the failures.
// Exits 0 when nothing failed (it measures; growth is for the reader to judge), 1 otherwise.

#include "support/child_process.h"
#include "support/iosim_process.h"
#include "support/lab_device.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace iosctl::bench {
namespace {

namespace fs = std::filesystem;

const LabLogin kLogin = {"admin", "BENCH_SOAK_PASSWORD", "soak-lab-pass"};
constexpr const char* kChangedLine = "ntp server 192.0.2.77";
constexpr auto kRunTime = std::chrono::seconds(300);
constexpr std::size_t kEdge = 10;  // runs averaged at the start and at the end

struct Options {
  std::string iosctl;
  std::string iosim;
  std::string config;
  int cycles = 1000;
  int sessions = 100;
  double minutes = 3;
};

// iosim's footprint at one moment.
struct Footprint {
  long rss_kb = 0;
  int fds = 0;
};

Footprint footprint(pid_t pid) { return {rss_kb(pid), open_fds(pid)}; }

void print_footprint(const char* when, const Footprint& f) {
  std::printf("  iosim %-5s RSS %7.1f MB, %4d open fds\n", when, f.rss_kb / 1024.0, f.fds);
}

// Median peak RSS (MB) and the most fds of `runs[from, from + kEdge)`.
void print_edge(const char* which, const std::vector<Finished>& runs, std::size_t from) {
  std::vector<long> rss;
  int fds = -1;
  for (std::size_t i = from; i < std::min(runs.size(), from + kEdge); ++i) {
    rss.push_back(runs[i].peak_rss_kb);
    fds = std::max(fds, runs[i].max_fds);
  }
  if (rss.empty()) return;
  std::sort(rss.begin(), rss.end());
  std::printf("  iosctl %-5s %zu runs: median peak RSS %.1f MB, at most %d open fds\n", which,
              rss.size(), rss[rss.size() / 2] / 1024.0, fds);
}

// Part 1: commit / rollback cycles. Returns the failures.
int cycles(const Options& o, const LabDevice& device, const fs::path& dir, pid_t iosim) {
  const fs::path with = write_candidates(o.iosctl, device, kLogin, dir, kChangedLine).second;
  const std::vector<std::string> env =
      password_only_environment(dir, kLogin.password_variable, kLogin.password);
  std::printf("\npart 1: %d commit / rollback cycles on %s\n", o.cycles, device.name.c_str());
  const Footprint start = footprint(iosim);
  const auto began = SteadyClock::now();
  std::vector<Finished> runs;
  int failures = 0;
  for (int i = 0; i < o.cycles; ++i) {
    for (const std::initializer_list<std::string> command :
         {std::initializer_list<std::string>{"commit", with.string()},
          std::initializer_list<std::string>{"rollback"}}) {
      Finished run = run_process(iosctl_args(o.iosctl, device, kLogin, dir, command), dir, env,
                                 kRunTime, /*sample_fds=*/true);
      if (run.status != 0) {
        ++failures;
        std::fprintf(stderr, "bench_soak: cycle %d: %s exited %d: %s\n", i + 1,
                     std::data(command)[0].c_str(), run.status, last_line(run.err).c_str());
      }
      runs.push_back(std::move(run));
    }
  }
  const double seconds = ms_since(began) / 1000;
  print_footprint("start", start);
  print_footprint("end", footprint(iosim));
  print_edge("first", runs, 0);
  print_edge("last", runs, runs.size() > kEdge ? runs.size() - kEdge : 0);
  std::printf("  %zu iosctl runs in %.1f s (%.1f ms per run), %d failed\n", runs.size(), seconds,
              1000 * seconds / static_cast<double>(runs.size()), failures);
  return failures;
}

// Part 2: o.sessions workers, each running send-command back to back. Returns the failures.
int sessions(const Options& o, const LabDevice& device, const fs::path& dir, pid_t iosim) {
  std::printf("\npart 2: %d concurrent iosctl sessions for %.1f min on %s\n", o.sessions, o.minutes,
              device.name.c_str());
  const Footprint start = footprint(iosim);
  const auto end = SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                                            std::chrono::duration<double>(60 * o.minutes));
  std::atomic<long> done{0};
  std::atomic<long> failed{0};
  std::mutex edge_lock;
  std::vector<Finished> first, last;
  Footprint peak;
  std::vector<std::thread> workers;
  for (int w = 0; w < o.sessions; ++w) {
    workers.emplace_back([&, w] {
      const fs::path own = dir / ("worker-" + std::to_string(w));
      fs::create_directories(own);
      const std::vector<std::string> env =
          password_only_environment(own, kLogin.password_variable, kLogin.password);
      while (SteadyClock::now() < end) {
        Finished run = run_process(
            iosctl_args(o.iosctl, device, kLogin, own, {"send-command", "show version"}), own, env,
            kRunTime, /*sample_fds=*/w == 0);
        const bool ok = run.status == 0 && run.out.find("Cisco IOS") != std::string::npos;
        ++done;
        if (!ok) {
          if (failed++ < 5) {
            std::fprintf(stderr, "bench_soak: session exited %d: %s\n", run.status,
                         last_line(run.err).c_str());
          }
        }
        if (w != 0) continue;
        const std::lock_guard lock(edge_lock);
        const Footprint now = footprint(iosim);
        peak = {std::max(peak.rss_kb, now.rss_kb), std::max(peak.fds, now.fds)};
        if (first.size() < kEdge) first.push_back(run);
        last.push_back(std::move(run));
        if (last.size() > kEdge) last.erase(last.begin());
      }
    });
  }
  for (std::thread& t : workers) t.join();
  print_footprint("start", start);
  std::printf("  iosim peak  RSS %7.1f MB, %4d open fds (sampled after each run of worker 0)\n",
              peak.rss_kb / 1024.0, peak.fds);
  print_footprint("end", footprint(iosim));
  print_edge("first", first, 0);
  print_edge("last", last, 0);
  std::printf("  %ld sessions served (%.1f per second), %ld failed\n", done.load(),
              static_cast<double>(done.load()) / (60 * o.minutes), failed.load());
  return static_cast<int>(failed.load());
}

int run_in(const Options& o, const fs::path& dir) {
  const LabDevice device{"r1", 0, free_ports(1).front()};
  write_lab(dir / "lab.yaml", {device}, o.config, kLogin);
  const IosimProcess iosim(o.iosim, dir / "lab.yaml");
  iosim.wait_ready(SteadyClock::now() + std::chrono::seconds(60));
  std::printf("iosctl %s, iosim %s, device %s on 127.0.0.1:%u, running config %s\n",
              o.iosctl.c_str(), o.iosim.c_str(), device.name.c_str(),
              static_cast<unsigned>(device.port), o.config.c_str());
  int failures = o.cycles > 0 ? cycles(o, device, dir, iosim.pid()) : 0;
  if (o.sessions > 0 && o.minutes > 0) failures += sessions(o, device, dir, iosim.pid());
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace iosctl::bench

int main(int argc, char** argv) {
  iosctl::bench::Options o;
  CLI::App app("bench_soak: commit / rollback cycles and concurrent sessions against iosim");
  app.add_option("--iosctl", o.iosctl, "The iosctl binary")->required()->check(CLI::ExistingFile);
  app.add_option("--iosim", o.iosim, "The iosim binary")->required()->check(CLI::ExistingFile);
  app.add_option("--config", o.config, "The device's running config (needs archive and SCP)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--cycles", o.cycles, "Commit / rollback cycles (default 1000)")
      ->check(CLI::Range(0, 1000000));
  app.add_option("--sessions", o.sessions, "Concurrent sessions in part 2 (default 100)")
      ->check(CLI::Range(0, 1000));
  app.add_option("--minutes", o.minutes, "How long part 2 runs (default 3)")
      ->check(CLI::Range(0.0, 600.0));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;  // --help exits 0, a bad argument 1
  }
  char pattern[] = "/tmp/bench-soak-XXXXXX";
  if (mkdtemp(pattern) == nullptr) {
    std::perror("bench_soak: error: mkdtemp");
    return 1;
  }
  int code = 0;
  try {
    code = iosctl::bench::run_in(o, pattern);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "bench_soak: error: %s\n", e.what());
    code = 1;
  }
  std::filesystem::remove_all(pattern);
  return code;
}
