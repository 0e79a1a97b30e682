#include "iosctl/cli/fleet_run.h"

#include "iosctl/cli/fleet_hosts.h"
#include "iosctl/cli/interruption.h"
#include "iosctl/cli/json_output.h"
#include "iosctl/cli/private_file.h"
#include "iosctl/config/json_text.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"
#include "iosctl/fleet/host_selection.h"
#include "iosctl/fleet/parallel_run.h"
#include "iosctl/fleet/progress.h"
#include "iosctl/fleet/reports.h"

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace iosctl::cli {
namespace {

// The most workers a run starts: each holds an SSH session and a thread.
constexpr int kMaxParallel = 1000;

struct Selection {
  fleet::Inventory inventory;
  std::vector<fleet::Host> hosts;
};

Selection select(const FleetFlags& f, Env& env) {
  if (f.parallel < 1 || f.parallel > kMaxParallel) {
    throw Error(Failure::usage, "--parallel " + std::to_string(f.parallel) + ": use 1 to " +
                                    std::to_string(kMaxParallel));
  }
  Selection s{fleet::load_inventory(f.inventory), {}};
  for (const std::string& warning : s.inventory.warnings) {
    env.err << "iosctl: warning: " << warning << '\n';
  }
  s.hosts = fleet::select_hosts(s.inventory, f.limit);
  if (!f.shard.empty()) s.hosts = fleet::shard_hosts(s.hosts, fleet::parse_shard(f.shard));
  return s;
}

// What one host's run needs, worked out before any host is contacted so that
// a bad template or flag stops the run while nothing has changed.
struct HostJob {
  const fleet::Host* host = nullptr;
  DeviceFlags flags;
  std::optional<std::string> candidate;  // compare and commit
};

std::optional<std::string> candidate_of(const FleetCommand& c, const fleet::Host& host) {
  if (!c.needs_candidate) return std::nullopt;
  if (c.candidate) return fleet::expand_host_template(*c.candidate, host);
  if (host.candidate) return fleet::expand_host_template(host.candidate->value, host);
  throw Error(Failure::usage, "host " + host.name + " (" + host.origin +
                                  ") has no candidate: give CANDIDATE, e.g. "
                                  "'configs/{name}.cfg', or set candidate: in the inventory");
}

std::map<std::string, HostJob> prepare(const FleetCommand& c, const std::vector<fleet::Host>& hosts,
                                       const DeviceFlags& globals) {
  std::map<std::string, HostJob> jobs;
  for (const fleet::Host& host : hosts) {
    jobs[host.name] = HostJob{&host, host_flags(host, globals), candidate_of(c, host)};
  }
  return jobs;
}

fleet::HostResult run_host(const FleetCommand& command, const HostJob& job, const Env& env) {
  const auto start = std::chrono::steady_clock::now();
  std::ostringstream out;
  std::ostringstream err;
  RunRecord record;
  Env host_env{out, err};
  host_env.no_color_env = true;
  host_env.connect = env.connect;
  host_env.getenv = env.getenv;
  host_env.record = &record;
  fleet::HostResult r;
  r.host = job.host->name;
  try {
    r.exit_code = command.run(HostCall{*job.host, job.flags, job.candidate}, host_env);
  } catch (const Error& e) {
    err << "iosctl: error: " << e.what() << '\n';
    r.exit_code = exit_code_for(e.failure());
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.outcome = record.outcome.empty() ? fleet::outcome_for_exit(r.exit_code) : record.outcome;
  if (record.diff) {
    const auto [added, removed] = fleet::count_diff_lines(*record.diff);
    r.added = added;
    r.removed = removed;
  }
  r.output = out.str();
  r.errors = err.str();
  if (job.flags.json && !r.output.empty()) {
    // The host's document is embedded as written: its \udcXX escapes of
    // bytes that are not UTF-8 would not survive nlohmann's parser.
    r.json =
        config::is_json_document(r.output) ? config::raw_json(r.output) : nlohmann::json(r.output);
  }
  return r;
}

// The host's part of the text report: its output, then its warnings and
// errors. Hosts with nothing to show (no output, or compare's "no changes",
// and no warning) are left to the summary table, so a reviewer reads only
// what differs, failed or needs a look.
void print_host(const fleet::HostResult& r, std::ostream& out) {
  const bool failed = fleet::is_failure(r.exit_code);
  const std::vector<std::string> warnings = fleet::warning_lines(r.errors);
  const bool quiet = r.output.empty() || r.outcome == "no_changes";
  if (quiet && !failed && warnings.empty()) return;
  out << "--- " << r.host << ": " << r.outcome << " ---\n";
  if (!quiet || failed) out << r.output;
  if (!r.output.empty() && r.output.back() != '\n' && (!quiet || failed)) out << '\n';
  std::istringstream lines(r.errors);
  for (std::string line; std::getline(lines, line);) {
    const bool warning = fleet::is_warning_line(line);
    if (!warning && !failed) continue;  // -v's device commands, for a failure only
    if (line.starts_with("iosctl: ")) line.erase(0, 8);
    out << line << '\n';
  }
}

std::string junit_unwritable(const std::string& path) {
  return "--junit " + path +
         ": cannot write the report (fix: check the directory exists and is writable)";
}

// Opened before any host is contacted, so a bad path stops the run while
// nothing has changed; written once every host is done.
std::ofstream open_junit(const std::string& path) {
  if (path.empty()) return {};
  std::ofstream file = open_private_file(path, "--junit");
  if (!file.is_open()) throw Error(Failure::usage, junit_unwritable(path));
  return file;
}

// A report that cannot be written at the end is said, but the run's exit
// code stays the hosts': the devices' state is what CI must act on.
void write_junit(std::ofstream& file, const std::string& path, const fleet::RunSummary& run,
                 Env& env) {
  if (path.empty()) return;
  file << fleet::junit_xml(run);
  if (!file.flush()) env.err << "iosctl: error: " << junit_unwritable(path) << '\n';
}

// Netmiko options the inventory gives that iosctl does without, said once
// per option and place.
void warn_ignored_options(const std::vector<fleet::Host>& hosts, Env& env) {
  std::set<std::string> said;
  for (const fleet::Host& host : hosts) {
    for (const std::string& warning : ignored_option_warnings(host)) {
      if (said.insert(warning).second) env.err << "iosctl: warning: " << warning << '\n';
    }
  }
}

// Prints the run's reports: the per-host text and table (or --json), the
// JUnit file, GitHub annotations.
void report(const fleet::RunSummary& run, bool json, std::ofstream& junit, const std::string& path,
            Env& env) {
  if (json) {
    print_json(env, fleet::run_json(run));
  } else {
    for (const fleet::HostResult& r : run.results) print_host(r, env.out);
    env.out << fleet::summary_table(run);
  }
  write_junit(junit, path, run, env);
  // GitHub documents workflow commands on stdout; with --json they go to
  // stderr (which the runner reads for them too) so stdout stays one document.
  if (env_value(env, "GITHUB_ACTIONS") == "true") {
    (json ? env.err : env.out) << fleet::github_annotations(run);
  }
}

// For the length of a run, SIGINT and SIGTERM (which main() watches) only
// tell the progress report: the hosts' commands run without Env::interrupts,
// so each host started finishes as it would have.
class ProgressOnSignal {
 public:
  ProgressOnSignal(Env& env, fleet::Progress& progress) : env_(env) {
    if (env_.interrupts)
      env_.interrupts->set_listener([&progress](int signal) { progress.interrupted(signal); });
  }
  ~ProgressOnSignal() {
    if (env_.interrupts) env_.interrupts->set_listener({});
  }
  ProgressOnSignal(const ProgressOnSignal&) = delete;
  ProgressOnSignal& operator=(const ProgressOnSignal&) = delete;

  // The first signal; 0 while none came (always, without Env::interrupts).
  const std::atomic<int>& stop() const {
    return env_.interrupts ? env_.interrupts->signal() : never_;
  }

 private:
  Env& env_;
  const std::atomic<int> never_ = 0;
};

}  // namespace

int run_fleet(const FleetFlags& f, const DeviceFlags& globals, const FleetCommand& command,
              Env& env) {
  if (globals.host) {
    throw Error(Failure::usage,
                "--host and -i both name devices: use --limit HOST to pick inventory hosts");
  }
  const Selection selection = select(f, env);
  if (selection.hosts.empty()) {
    env.err << "iosctl: warning: --shard " << f.shard
            << " has no hosts: there are fewer selected hosts than shards\n";
  }
  warn_ignored_options(selection.hosts, env);
  std::ofstream junit = open_junit(f.junit);
  const std::map<std::string, HostJob> jobs = prepare(command, selection.hosts, globals);
  std::vector<std::string> names;
  for (const fleet::Host& host : selection.hosts) names.push_back(host.name);

  const auto start = std::chrono::steady_clock::now();
  fleet::Progress progress(env.err, env.err_is_tty, names.size());
  const ProgressOnSignal on_signal(env, progress);
  fleet::RunSummary run;
  run.command = command.name;
  run.results = fleet::run_parallel(
      names, [&](const std::string& name) { return run_host(command, jobs.at(name), env); },
      {f.parallel, f.fail_fast}, progress, on_signal.stop());
  progress.done();
  const int signal = on_signal.stop().load();
  run.interrupted = signal != 0;
  run.signal = signal;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.exit_code = fleet::worst_exit_code(run.results);
  // A stopped run says so even when every host had started (and finished).
  if (signal != 0) {
    const int stopped = exit_code_for(stop_failure(signal));
    if (fleet::exit_severity(stopped) > fleet::exit_severity(run.exit_code)) {
      run.exit_code = stopped;
    }
  }
  report(run, globals.json, junit, f.junit, env);
  return run.exit_code;
}

}  // namespace iosctl::cli
