#include "iosctl/cli/fleet_run.h"

#include "iosctl/cli/fleet_hosts.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"
#include "iosctl/fleet/host_selection.h"
#include "iosctl/fleet/interrupt_watch.h"
#include "iosctl/fleet/parallel_run.h"
#include "iosctl/fleet/progress.h"
#include "iosctl/fleet/reports.h"

#include <chrono>
#include <fstream>
#include <map>
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
  for (const std::string& warning : s.inventory.warnings)
    env.err << "iosctl: warning: " << warning << '\n';
  s.hosts = fleet::select_hosts(s.inventory, f.limit);
  if (!f.shard.empty()) s.hosts = fleet::shard_hosts(s.hosts, fleet::parse_shard(f.shard));
  return s;
}

// Every host's candidate path, checked before any host is contacted.
std::map<std::string, std::string> candidates(const FleetCommand& c,
                                              const std::vector<fleet::Host>& hosts) {
  std::map<std::string, std::string> paths;
  if (!c.needs_candidate) return paths;
  for (const fleet::Host& host : hosts) {
    if (c.candidate) {
      paths[host.name] = fleet::expand_host_template(*c.candidate, host);
    } else if (host.candidate) {
      paths[host.name] = fleet::expand_host_template(host.candidate->value, host);
    } else {
      throw Error(Failure::usage, "host " + host.name + " (" + host.origin +
                                      ") has no candidate: give CANDIDATE, e.g. "
                                      "'configs/{name}.cfg', or set candidate: in the inventory");
    }
  }
  return paths;
}

fleet::HostResult run_host(const FleetCommand& command, const fleet::Host& host,
                           const DeviceFlags& globals, const std::optional<std::string>& candidate,
                           const Env& env) {
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
  r.host = host.name;
  try {
    r.exit_code = command.run(HostCall{host, host_flags(host, globals), candidate}, host_env);
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
  if (globals.json && !r.output.empty()) {
    r.json = nlohmann::json::parse(r.output, nullptr, false);
    if (r.json.is_discarded()) r.json = r.output;
  }
  return r;
}

// The host's part of the text report: its output, then its error lines.
// Hosts with nothing to show (no output, or compare's "no changes") are left
// to the summary table, so a reviewer reads only what differs or failed.
void print_host(const fleet::HostResult& r, std::ostream& out) {
  const bool quiet = r.output.empty() || r.outcome == "no_changes";
  if (quiet && !fleet::is_failure(r.exit_code)) return;
  out << "--- " << r.host << ": " << r.outcome << " ---\n" << r.output;
  if (!r.output.empty() && r.output.back() != '\n') out << '\n';
  if (!fleet::is_failure(r.exit_code)) return;
  std::istringstream lines(r.errors);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("iosctl: ")) line.erase(0, 8);
    out << line << '\n';
  }
}

void write_junit(const std::string& path, const fleet::RunSummary& run) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << fleet::junit_xml(run);
  if (!file.flush()) {
    throw Error(Failure::usage, "--junit " + path +
                                    ": cannot write the report (fix: check the directory exists "
                                    "and is writable)");
  }
}

}  // namespace

int run_fleet(const FleetFlags& f, const DeviceFlags& globals, const FleetCommand& command,
              Env& env) {
  if (globals.host) {
    throw Error(Failure::usage,
                "--host and -i both name devices: use --limit HOST to pick "
                "inventory hosts");
  }
  const Selection selection = select(f, env);
  const std::map<std::string, std::string> paths = candidates(command, selection.hosts);
  for (const fleet::Host& host : selection.hosts)
    (void)host_flags(host, globals);  // bad flags: now
  std::map<std::string, const fleet::Host*> by_name;
  std::vector<std::string> names;
  for (const fleet::Host& host : selection.hosts) {
    by_name[host.name] = &host;
    names.push_back(host.name);
  }
  const auto start = std::chrono::steady_clock::now();
  fleet::Progress progress(env.err, env.err_is_tty, names.size());
  const fleet::InterruptWatch interrupts([&progress] { progress.interrupted(); });
  fleet::RunSummary run;
  run.command = command.name;
  run.results = fleet::run_parallel(
      names,
      [&](const std::string& name) {
        const auto path = paths.find(name);
        return run_host(command, *by_name.at(name), globals,
                        path == paths.end() ? std::nullopt : std::optional(path->second), env);
      },
      {f.parallel, f.fail_fast}, progress, interrupts.stop());
  progress.done();
  run.interrupted = interrupts.stop().load();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.exit_code = fleet::worst_exit_code(run.results);
  if (globals.json) {
    // Device text need not be UTF-8 (a Latin-1 banner); dump() would throw.
    env.out << fleet::run_json(run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
  } else {
    for (const fleet::HostResult& r : run.results) print_host(r, env.out);
    env.out << fleet::summary_table(run);
  }
  if (!f.junit.empty()) write_junit(f.junit, run);
  // Workflow commands are read from the step's output; stderr keeps stdout
  // a clean JSON document.
  if (env_value(env, "GITHUB_ACTIONS") == "true") env.err << fleet::github_annotations(run);
  return run.exit_code;
}

}  // namespace iosctl::cli
