#include "iosctl/cli/cli.h"

#include "iosctl/cli/device_commands.h"
#include "iosctl/cli/fleet_hosts.h"
#include "iosctl/cli/fleet_run.h"
#include "iosctl/cli/interruption.h"
#include "iosctl/cli/json_output.h"
#include "iosctl/cli/offline_commands.h"
#include "iosctl/cli/tty_secret.h"
#include "iosctl/cli/workflow_args.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"
#include "iosctl/fleet/interrupt_watch.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace iosctl::cli {
namespace {

constexpr std::string_view kVersion = "0.1.0";

// What the parsed command line asks for.
struct Request {
  bool json = false;
  bool no_color = false;
  std::string format = "contextual";
  std::string color = "auto";
  CheckOptions check;
  DiffOptions diff;
  DeviceFlags device;
  SendCommandOptions send_command;
  SendConfigOptions send_config;
  GetConfigOptions get_config;
  WorkflowArgs workflow;
  FleetFlags fleet;
  // Global options whose absence matters (the connection options fill them).
  struct Given {
    std::string host, username, password, password_env, secret_env, key_passphrase_env, known_hosts,
        policy, type, session_log, ssh_config, options_file;
    int port = 0;
    int timeout = 0;
  } given;
};

// Copies the text options the user gave into `flags`: unset ones stay nullopt.
void take_given(const CLI::App& app, const Request::Given& g, DeviceFlags& flags) {
  const auto take = [&app](const char* name, const std::string& value,
                           std::optional<std::string>& slot) {
    if (app.count(name) > 0) slot = value;
  };
  take("--host", g.host, flags.host);
  take("--username", g.username, flags.username);
  take("--password", g.password, flags.password);
  take("--password-env", g.password_env, flags.password_env);
  take("--secret-env", g.secret_env, flags.secret_env);
  take("--key-passphrase-env", g.key_passphrase_env, flags.key_passphrase_env);
  take("--known-hosts", g.known_hosts, flags.known_hosts);
  take("--host-key-policy", g.policy, flags.host_key_policy);
  take("--device-type", g.type, flags.device_type);
  take("--session-log", g.session_log, flags.session_log);
  take("--ssh-config", g.ssh_config, flags.ssh_config);
  take("--connection-options", g.options_file, flags.options_file);
  if (app.count("--port") > 0) flags.port = g.port;
  if (app.count("--timeout") > 0) flags.timeout = g.timeout;
}

DiffFormat diff_format(std::string_view name) {
  if (name == "unified") return DiffFormat::unified;
  if (name == "json") return DiffFormat::json;
  return DiffFormat::contextual;
}

ColorMode color_mode(std::string_view name) {
  if (name == "always") return ColorMode::always;
  if (name == "never") return ColorMode::never;
  return ColorMode::auto_detect;
}

void add_check(CLI::App& app, Request& r) {
  CLI::App* check = app.add_subcommand(
      "check", "Check a candidate configuration offline, before it goes near a device");
  check->add_option("CANDIDATE", r.check.file, "Candidate configuration file")->required();
  check->add_flag("--fix", r.check.fix,
                  "Write a repaired copy beside the file (NAME.fixed.EXT): line endings, final "
                  "newline, certificate quit lines, ^C banner delimiters, show-run header");
  check->add_flag("--in-place", r.check.in_place, "With --fix: repair the file itself")
      ->needs("--fix");
}

void add_diff(CLI::App& app, Request& r) {
  static const std::map<std::string, DiffFormat> kFormats = {{"contextual", DiffFormat::contextual},
                                                             {"unified", DiffFormat::unified},
                                                             {"json", DiffFormat::json}};
  static const std::map<std::string, ColorMode> kColors = {
      {"auto", ColorMode::auto_detect}, {"always", ColorMode::always}, {"never", ColorMode::never}};
  CLI::App* diff = app.add_subcommand(
      "diff", "Show how a candidate differs from a running configuration, offline");
  diff->add_option("RUNNING", r.diff.running, "Running configuration (e.g. saved show run)")
      ->required();
  diff->add_option("CANDIDATE", r.diff.candidate, "Candidate configuration")->required();
  diff->add_option("--format", r.format,
                   "contextual (like show archive config differences, the default), unified, "
                   "or json")
      ->transform(
          CLI::IsMember({"contextual", "unified", "json"}, CLI::ignore_case).description(""))
      ->type_name("FORMAT");
  diff->add_option("--color", r.color,
                   "Colour the diff: auto (on a terminal, the default), always, never")
      ->transform(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case).description(""))
      ->type_name("WHEN");
  diff->add_flag("--show-secrets", r.diff.show_secrets,
                 "Print passwords, keys and communities instead of <redacted>");
}

void add_login_globals(CLI::App& app, Request& r) {
  Request::Given& g = r.given;
  app.add_option("-H,--host", g.host, "Device address or ssh config Host alias");
  app.add_option("--port", g.port, "SSH port (default: the ssh config's, else 22)");
  app.add_option("--username", g.username, "Login user (default: the ssh config's, else yours)");
  app.add_option("--password-env", g.password_env,
                 "Take the login password from environment variable VAR")
      ->type_name("VAR");
  app.add_option("--password", g.password,
                 "Login password (visible in ps: prefer --password-env; without either, "
                 "iosctl asks on the terminal)");
  app.add_option("--secret-env", g.secret_env,
                 "Take the enable secret from environment variable VAR")
      ->type_name("VAR");
  app.add_option("--key-file", r.device.key_files, "Private key to log in with (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  app.add_option("--key-passphrase-env", g.key_passphrase_env,
                 "Take the key files' passphrase from environment variable VAR")
      ->type_name("VAR");
  app.add_option("--known-hosts", g.known_hosts, "known_hosts file to check the host key against")
      ->type_name("FILE");
  app.add_option("--host-key-policy", g.policy,
                 "strict (key must be known, the default), accept-new (learn unknown keys), off")
      ->check(CLI::IsMember({"strict", "accept-new", "off"}).description(""))
      ->type_name("POLICY");
  app.add_flag("--legacy-algorithms", r.device.legacy_algorithms,
               "Also offer the SSH algorithms old IOS needs (sha1 key exchange, ssh-rsa, cbc)");
  app.add_option("--ssh-config", g.ssh_config, "OpenSSH client config file (default ~/.ssh/config)")
      ->type_name("FILE");
}

void add_session_globals(CLI::App& app, Request& r) {
  Request::Given& g = r.given;
  app.add_option("--device-type", g.type,
                 "cisco_ios (default), cisco_xe, cisco_nxos, cisco_xr, arista_eos, juniper_junos, "
                 "nokia_sros")
      ->type_name("TYPE");
  app.add_option("--timeout", g.timeout, "Seconds to wait for each reply (default 30)")
      ->type_name("S");
  app.add_option("--session-log", g.session_log,
                 "Record what the device printed to FILE (secrets masked)")
      ->type_name("FILE");
  app.add_option("--option", r.device.options,
                 "Connection option NAME=VALUE with Netmiko's names (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("NAME=VALUE");
  app.add_option("--connection-options", g.options_file,
                 "YAML or JSON file of connection options (Netmiko ConnectHandler names)")
      ->type_name("FILE");
  app.add_flag("-v,--verbose", r.device.verbose,
               "Show each device command on stderr as it is sent");
}

void add_device_commands(CLI::App& app, Request& r) {
  CLI::App* cmd = app.add_subcommand("send-command", "Send show commands and print their output");
  cmd->add_option("CMD", r.send_command.commands,
                  "Commands, one per argument (one line each), sent in order on one session")
      ->required();
  cmd->add_option("--expect", r.send_command.expect,
                  "Stop reading at this regex instead of the prompt")
      ->type_name("REGEX");
  cmd->add_option("--read-timeout", r.send_command.read_timeout,
                  "Seconds to wait for each command's output")
      ->type_name("S");
  CLI::App* cfg = app.add_subcommand("send-config", "Send configuration lines in config mode");
  cfg->add_option("LINES", r.send_config.lines, "Config lines, in order");
  cfg->add_option("-f,--file", r.send_config.file, "Read the config lines from FILE")
      ->type_name("FILE");
  cfg->add_option("--error-pattern", r.send_config.error_pattern,
                  "Also treat an output line matching REGEX as a rejected line")
      ->type_name("REGEX");
  cfg->add_flag("--save", r.send_config.save, "Save with write memory once every line applied");
  CLI::App* get = app.add_subcommand("get-config", "Print the device's configuration");
  get->add_option("--source", r.get_config.source, "running (default) or startup")
      ->check(CLI::IsMember({"running", "startup"}).description(""))
      ->type_name("SOURCE");
  get->add_flag("--raw", r.get_config.raw,
                "Print the configuration as the device sent it (with the show header)");
  get->add_flag("--show-secrets", r.get_config.show_secrets,
                "Print passwords, keys and communities instead of <redacted>");
  get->add_option("-o,--output", r.get_config.output,
                  "Also write the configuration with its secrets to FILE (mode 0600), a backup "
                  "that commit can restore; what is printed stays masked")
      ->type_name("FILE");
}

void add_fleet_globals(CLI::App& app, Request& r) {
  FleetFlags& f = r.fleet;
  app.add_option("-i,--inventory", f.inventory,
                 "Run on the hosts of an inventory: Nornir's hosts.yaml (with groups.yaml, "
                 "defaults.yaml) or one file with defaults, groups and hosts")
      ->type_name("PATH");
  app.add_option("-l,--limit", f.limit,
                 "With -i: hosts to run on: names, globs, group:NAME, comma lists, !EXCLUDED")
      ->type_name("EXPR");
  app.add_option("--parallel", f.parallel, "With -i: hosts worked on at once (default 20)")
      ->type_name("N");
  app.add_flag("--fail-fast", f.fail_fast, "With -i: start no more hosts after the first failure");
  app.add_option("--shard", f.shard,
                 "With -i: run only shard K of N of the selected hosts (CI parallel jobs)")
      ->type_name("K/N");
  app.add_option("--junit", f.junit, "With -i: write a JUnit XML report to FILE")
      ->type_name("FILE");
}

void build(CLI::App& app, Request& r) {
  app.set_version_flag("--version", "iosctl " + std::string(kVersion));
  app.require_subcommand(1);
  app.fallthrough();  // global options are accepted after the subcommand too
  app.add_flag("--json", r.json, "Print one JSON document instead of text");
  app.add_flag("--no-color", r.no_color, "Never colour output (NO_COLOR does the same)");
  add_login_globals(app, r);
  add_session_globals(app, r);
  add_fleet_globals(app, r);
  add_check(app, r);
  add_diff(app, r);
  add_device_commands(app, r);
  add_workflow_commands(app, r.workflow);
}

// The commands that talk to a device; nullopt for the offline ones.
std::optional<int> dispatch_device(const CLI::App& app, Request& r, Env& env) {
  if (app.got_subcommand("send-command")) return run_send_command(r.device, r.send_command, env);
  if (app.got_subcommand("send-config")) return run_send_config(r.device, r.send_config, env);
  if (app.got_subcommand("get-config")) return run_get_config(r.device, r.get_config, env);
  return run_workflow_command(app, r.workflow, r.device, r.json, env);
}

// The command line as a fleet command: each host runs dispatch_device on a
// copy of the request with its own flags, candidate and NAPALM options.
int dispatch_fleet(const CLI::App& app, const Request& r, Env& env) {
  const std::string name = app.get_subcommands().front()->get_name();
  if (name == "check" || name == "diff") {
    throw Error(Failure::usage, name +
                                    " works on local files only: drop -i (or run compare with "
                                    "-i to see each host's diff)");
  }
  if (name == "get-config" && !r.get_config.output.empty()) {
    throw Error(Failure::usage,
                "get-config -o writes one host's configuration, not an inventory's (fix: run "
                "'iosctl -H HOST get-config -o FILE' once per host)");
  }
  FleetCommand command;
  command.name = name;
  command.needs_candidate = name == "compare" || name == "commit";
  const std::string& typed =
      name == "compare" ? r.workflow.compare.candidate : r.workflow.commit.candidate;
  if (!typed.empty()) command.candidate = typed;
  command.run = [&app, &r](const HostCall& call, Env& host_env) {
    Request copy = r;
    copy.device = call.flags;
    if (call.candidate) {
      copy.workflow.compare.candidate = *call.candidate;
      copy.workflow.commit.candidate = *call.candidate;
    }
    apply_napalm_options(copy.workflow, call.host.napalm_options);
    return dispatch_device(app, copy, host_env).value_or(kExitError);
  };
  return run_fleet(r.fleet, r.device, command, env);
}

// Fleet options without -i would silently do nothing.
void refuse_fleet_options_alone(const CLI::App& app) {
  for (const char* option : {"--limit", "--parallel", "--fail-fast", "--shard", "--junit"}) {
    if (app.count(option) > 0) {
      throw Error(Failure::usage,
                  std::string(option) + " works on an inventory: add -i INVENTORY (or drop it)");
    }
  }
}

// The phase a single-host command spends its device time in; commit,
// confirm, rollback, discard and status set theirs more finely.
Phase phase_of(const CLI::App& app) {
  const std::string name = app.get_subcommands().front()->get_name();
  if (name == "send-config") return Phase::configuring;
  if (name == "confirm") return Phase::confirming;
  if (name == "rollback") return Phase::rolling_back;
  if (name == "discard") return Phase::discarding;
  if (name == "commit" || name == "check" || name == "diff") return Phase::starting;
  return Phase::reading;
}

// A command that did its work although a signal came while it ran: its
// output stands, and the exit says it was interrupted. A failure keeps its
// own code, which says more about the device than the signal does.
int stopped_after(Env& env, int code) {
  const std::optional<Failure> stop = interruption(env);
  if (!stop || (code != kExitOk && code != kExitDifferences)) return code;
  const std::string host = env.interrupts->host();
  env.err << "iosctl: error: " << (host.empty() ? "" : host + ": ")
          << stop_word(env.interrupts->signal()) << " after the command finished; its output is "
          << "complete\n";
  return exit_code_for(*stop);
}

int dispatch(const CLI::App& app, Request& r, Env& env) {
  take_given(app, r.given, r.device);
  take_workflow_values(r.workflow);
  r.device.json = r.json;
  if (!r.fleet.inventory.empty()) return dispatch_fleet(app, r, env);
  refuse_fleet_options_alone(app);
  enter_phase(env, phase_of(app));
  if (std::optional<int> code = dispatch_device(app, r, env)) return stopped_after(env, *code);
  if (app.got_subcommand("check")) {
    r.check.json = r.json;
    return stopped_after(env, run_check(r.check, env));
  }
  r.diff.format = r.json ? DiffFormat::json : diff_format(r.format);
  r.diff.color = r.no_color ? ColorMode::never : color_mode(r.color);
  return stopped_after(env, run_diff(r.diff, env));
}

// An error that ends a --json run before its document: the error line goes
// to stderr as always, and stdout still gets one document.
int fail(const std::string& message, int code, bool json, Env& env) {
  env.err << "iosctl: " << message << '\n';
  if (json && !env.json_printed) {
    const std::string_view prefix = "error: ";
    print_json(
        env,
        error_json(message.starts_with(prefix) ? message.substr(prefix.size()) : message, code));
  }
  return code;
}

}  // namespace

std::optional<std::string> env_value(const Env& env, const std::string& name) {
  if (env.getenv) return env.getenv(name);
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

int run_cli(const std::vector<std::string>& args, Env& env) {
  CLI::App app("iosctl: safe configuration changes for Cisco IOS and IOS-XE", "iosctl");
  Request request;
  build(app, request);
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 pops from the back
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, env.out, env.err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, env.out, env.err);
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
    // The parse stopped, so --json may not be set yet: the word decides.
    const bool json = std::find(args.begin(), args.end(), "--json") != args.end();
    return fail("error: " + message + " (fix: see iosctl --help)", kExitError, json, env);
  }
  try {
    return dispatch(app, request, env);
  } catch (const Error& e) {
    return fail(std::string("error: ") + e.what(), exit_code_for(e.failure()), request.json, env);
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what(), kExitError, request.json, env);
  } catch (...) {
    return fail("internal error", kExitError, request.json, env);
  }
}

int main_entry(int argc, char** argv, driver::Connector connect) {
  // First, while this is the only thread: every thread started later (the
  // watcher, a fleet run's workers and progress ticker) inherits the mask,
  // so none can take SIGINT's default action and end the process mid-change.
  fleet::block_interrupt_signals();
  termios terminal{};
  const bool tty_in = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &terminal) == 0;
  Interrupts interrupts(std::cerr, [tty_in, terminal](int code) {
    // A forced exit at a secret prompt must not leave the terminal silent.
    termios now{};
    if (tty_in && tcgetattr(STDIN_FILENO, &now) == 0 && (now.c_lflag & ECHO) == 0) {
      tcsetattr(STDIN_FILENO, TCSANOW, &terminal);
    }
    std::fflush(stdout);
    std::_Exit(code);
  });
  const fleet::InterruptWatch watch(
      [&interrupts](int signal, int count) { interrupts.on_signal(signal, count); });
  std::vector<std::string> args(argv + 1, argv + argc);
  Env env{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR") != nullptr,
          isatty(STDERR_FILENO) == 1};
  env.connect = std::move(connect);
  env.read_secret = read_secret_from_tty;
  env.interrupts = &interrupts;
  return run_cli(args, env);
}

}  // namespace iosctl::cli
