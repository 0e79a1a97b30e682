// bench_diff_vs_gnu_diff: times `iosctl diff --format unified` against GNU `diff -u` on the
// pair written by bench_gen_configs, and prints the medians, their ratio and peak memory
// against the targets (iosctl at most 2x GNU diff's time, under 200 MB).
// Exits 0 whether the targets are met or missed (it measures, it does not judge), 1 when a
// command fails or gives a wrong exit code.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace iosctl::bench {
namespace {

constexpr double kTargetRatio = 2.0;
constexpr double kTargetRssMb = 200.0;

struct Options {
  std::string iosctl;
  std::string dir;
  int runs = 7;
};

// Owns one file descriptor and closes it.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

struct Pipe {
  Fd read;
  Fd write;
};

std::runtime_error system_error(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw system_error("pipe2");
  return {Fd{fds[0]}, Fd{fds[1]}};
}

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      text.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      return text;
    }
  }
}

// What one run of a command did.
struct Outcome {
  int exit_code = -1;  // -1 when a signal ended it
  int signal = 0;
  std::string output;  // stderr; stdout and stderr when captured
  double wall_ms = 0;
  double cpu_ms = 0;
  double rss_mb = 0;  // ru_maxrss, in MB of 10^6 bytes
};

// Between fork and exec only async-signal-safe calls are allowed, hence errno through a pipe.
[[noreturn]] void exec_child(char* const* argv, int out, int err, int exec_errno_fd) {
  ::dup2(out, STDOUT_FILENO);
  ::dup2(err, STDERR_FILENO);
  ::execvp(argv[0], argv);
  const int error = errno;
  [[maybe_unused]] const ssize_t written = ::write(exec_errno_fd, &error, sizeof error);
  ::_exit(127);
}

Outcome finish(pid_t pid, std::chrono::steady_clock::time_point start) {
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) throw system_error("wait4");
  }
  const auto end = std::chrono::steady_clock::now();
  Outcome o;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  o.wall_ms = std::chrono::duration<double, std::milli>(end - start).count();
  o.cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
             (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  o.rss_mb = usage.ru_maxrss * 1024.0 / 1e6;  // Linux reports ru_maxrss in KiB
  return o;
}

// Runs `args` (args[0] looked up in PATH) with stdout to /dev/null, or captured together
// with stderr when `capture_stdout`. Throws std::runtime_error if it cannot be started.
Outcome run(std::vector<std::string> args, bool capture_stdout) {
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const Fd devnull{::open("/dev/null", O_WRONLY | O_CLOEXEC)};
  if (devnull.get() < 0) throw system_error("/dev/null");
  Pipe output = make_pipe();
  Pipe exec_errno = make_pipe();  // close-on-exec: stays empty unless exec fails
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw system_error("fork");
  if (pid == 0) {
    exec_child(argv.data(), capture_stdout ? output.write.get() : devnull.get(), output.write.get(),
               exec_errno.write.get());
  }
  output.write.reset();
  exec_errno.write.reset();
  std::string text = read_all(output.read.get());
  int error = 0;
  const bool exec_failed = ::read(exec_errno.read.get(), &error, sizeof error) == sizeof error;
  Outcome outcome = finish(pid, start);
  if (exec_failed) {
    throw std::runtime_error("cannot run " + args[0] + ": " + std::strerror(error) +
                             " (check the path and that it is executable)");
  }
  outcome.output = std::move(text);
  return outcome;
}

struct Command {
  std::string label;
  std::vector<std::string> args;
  int expected_exit;  // what it returns when the two files differ, as they do here
};

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// Throws std::runtime_error, with the command's stderr, unless `o` is the expected exit.
void check(const Command& c, const Outcome& o) {
  if (o.exit_code == c.expected_exit) return;
  std::string what = o.signal != 0 ? "was killed by signal " + std::to_string(o.signal) + " (" +
                                         ::strsignal(o.signal) + ")"
                                   : "exited " + std::to_string(o.exit_code);
  if (o.exit_code == 0) what += " (no differences) on two files that differ";
  throw std::runtime_error(c.label + " " + what + ", expected exit " +
                           std::to_string(c.expected_exit) +
                           (o.output.empty() ? "" : "; its stderr:\n" + trimmed(o.output)));
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string version_of(const std::string& program) {
  try {
    const Outcome o = run({program, "--version"}, true);
    return o.exit_code == 0 ? first_line(o.output)
                            : "(--version exited " + std::to_string(o.exit_code) + ")";
  } catch (const std::runtime_error& e) {
    return std::string("(") + e.what() + ")";
  }
}

// Counts lines by streaming: the runner must stay small (see `baseline` in bench()).
std::size_t count_lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::size_t lines = 0;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    lines += static_cast<std::size_t>(std::count(buffer, buffer + in.gcount(), '\n'));
  }
  return lines;
}

std::string host_description() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line, model = "unknown CPU";
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  std::ifstream loadavg("/proc/loadavg");
  std::string load = "?";
  loadavg >> load;
  return model + ", " + std::to_string(::sysconf(_SC_NPROCESSORS_ONLN)) +
         " CPUs online, load average " + load + " at start";
}

struct Series {
  std::vector<double> wall_ms;
  std::vector<double> cpu_ms;
  double max_rss_mb = 0;
};

void add(Series& s, const Outcome& o) {
  s.wall_ms.push_back(o.wall_ms);
  s.cpu_ms.push_back(o.cpu_ms);
  s.max_rss_mb = std::max(s.max_rss_mb, o.rss_mb);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void print_row(const char* label, const Series& s) {
  std::printf("  %-30s %10.1f %8.1f %8.1f %14.1f %12.1f\n", label, median(s.wall_ms),
              *std::min_element(s.wall_ms.begin(), s.wall_ms.end()),
              *std::max_element(s.wall_ms.begin(), s.wall_ms.end()), median(s.cpu_ms),
              s.max_rss_mb);
}

void print_summary(const Series& ios, const Series& gnu, int runs) {
  std::printf("\n  %-30s %10s %8s %8s %14s %12s\n", "command", "median ms", "min ms", "max ms",
              "median CPU ms", "peak RSS MB");
  print_row("iosctl diff --format unified", ios);
  print_row("diff -u (GNU)", gnu);
  const double ratio = median(ios.wall_ms) / median(gnu.wall_ms);
  const std::string rss_label =
      "iosctl peak RSS, highest of " + std::to_string(runs) + (runs == 1 ? " run:" : " runs:");
  char ratio_text[32], rss_text[32], ratio_target[32], rss_target[32];
  std::snprintf(ratio_text, sizeof ratio_text, "%.2fx", ratio);
  std::snprintf(rss_text, sizeof rss_text, "%.1f MB", ios.max_rss_mb);
  std::snprintf(ratio_target, sizeof ratio_target, "target <= %.2fx", kTargetRatio);
  std::snprintf(rss_target, sizeof rss_target, "target < %.0f MB", kTargetRssMb);
  std::printf("\n  %-42s %10s   %-16s %s\n",
              "ratio iosctl / GNU diff, median wall time:", ratio_text, ratio_target,
              ratio <= kTargetRatio ? "PASS" : "MISS");
  std::printf("  %-42s %10s   %-16s %s\n", rss_label.c_str(), rss_text, rss_target,
              ios.max_rss_mb < kTargetRssMb ? "PASS" : "MISS");
}

void print_context(const Options& o, const std::filesystem::path& running,
                   const std::filesystem::path& candidate) {
  std::printf(
      "iosctl diff vs GNU diff -u: %d timed run%s of each, order alternated, after one\n"
      "untimed warm-up run of each; stdout to /dev/null; wall time includes process start\n",
      o.runs, o.runs == 1 ? "" : "s");
  std::printf("  pair:   %s (%zu lines), %s (%zu lines)\n", running.c_str(), count_lines(running),
              candidate.c_str(), count_lines(candidate));
  std::printf("  iosctl: %s, %s\n", o.iosctl.c_str(), version_of(o.iosctl).c_str());
  std::printf("  GNU:    %s\n", version_of("diff").c_str());
  std::printf("  host:   %s\n", host_description().c_str());
}

// Runs both commands once per run, alternating which goes first, and returns their series.
std::pair<Series, Series> measure(const Command& ios, const Command& gnu, int runs) {
  Series ios_series, gnu_series;
  for (int i = 0; i < runs; ++i) {
    const bool ios_first = i % 2 == 0;
    const Outcome first = run((ios_first ? ios : gnu).args, false);
    check(ios_first ? ios : gnu, first);
    const Outcome second = run((ios_first ? gnu : ios).args, false);
    check(ios_first ? gnu : ios, second);
    const Outcome& i_o = ios_first ? first : second;
    const Outcome& g_o = ios_first ? second : first;
    add(ios_series, i_o);
    add(gnu_series, g_o);
    std::printf("  run %2d/%d (%s first): iosctl %9.1f ms %7.1f MB | diff -u %9.1f ms %7.1f MB\n",
                i + 1, runs, ios_first ? "iosctl" : "diff  ", i_o.wall_ms, i_o.rss_mb, g_o.wall_ms,
                g_o.rss_mb);
    std::fflush(stdout);
  }
  return {std::move(ios_series), std::move(gnu_series)};
}

void bench(const Options& o) {
  const std::filesystem::path dir{o.dir};
  const auto running = dir / "running.cfg", candidate = dir / "candidate.cfg";
  for (const auto& path : {running, candidate}) {
    if (!std::filesystem::is_regular_file(path)) {
      throw std::runtime_error(path.string() + " not found (run bench_gen_configs " + o.dir +
                               " first, or bench/diff.sh)");
    }
  }
  const Command ios{
      "iosctl diff",
      {o.iosctl, "diff", running, candidate, "--format", "unified", "--color", "never"},
      2};
  const Command gnu{"diff -u", {"diff", "-u", running, candidate}, 1};
  print_context(o, running, candidate);
  // The warm-up checks both commands before anything is timed and brings the files into
  // the page cache, so that neither command pays for the first read from disk.
  check(ios, run(ios.args, false));
  check(gnu, run(gnu.args, false));
  // ru_maxrss of a forked child counts the pages it shared with this runner before exec,
  // so the runner keeps itself small and shows what an empty command measures.
  const Outcome baseline = run({"true"}, false);
  std::printf("  floor:  `true` started the same way peaks at %.1f MB\n\n", baseline.rss_mb);
  const auto [ios_series, gnu_series] = measure(ios, gnu, o.runs);
  print_summary(ios_series, gnu_series, o.runs);
}

}  // namespace
}  // namespace iosctl::bench

int main(int argc, char** argv) {
  CLI::App app{
      "Times `iosctl diff --format unified` against GNU `diff -u` on DIR/running.cfg and\n"
      "DIR/candidate.cfg (written by bench_gen_configs) and prints medians, ratio and peak RSS."};
  iosctl::bench::Options options;
  app.add_option("iosctl", options.iosctl, "path of the iosctl binary")->required();
  app.add_option("dir", options.dir, "directory holding running.cfg and candidate.cfg")->required();
  app.add_option("runs", options.runs, "timed runs of each command")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  // execvp searches PATH for a name without a slash; the user means the file they named.
  if (options.iosctl.find('/') == std::string::npos) options.iosctl = "./" + options.iosctl;
  try {
    iosctl::bench::bench(options);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "bench_diff_vs_gnu_diff: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
