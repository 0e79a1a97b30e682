#include "iosctl/cli/cli.h"

#include "iosctl/cli/offline_commands.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
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
};

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

void build(CLI::App& app, Request& r) {
  app.set_version_flag("--version", "iosctl " + std::string(kVersion));
  app.require_subcommand(1);
  app.fallthrough();  // global options are accepted after the subcommand too
  app.add_flag("--json", r.json, "Print one JSON document instead of text");
  app.add_flag("--no-color", r.no_color, "Never colour output (NO_COLOR does the same)");
  add_check(app, r);
  add_diff(app, r);
}

int dispatch(const CLI::App& app, Request& r, Env& env) {
  if (app.got_subcommand("check")) {
    r.check.json = r.json;
    return run_check(r.check, env);
  }
  r.diff.format = r.json ? DiffFormat::json : diff_format(r.format);
  r.diff.color = r.no_color ? ColorMode::never : color_mode(r.color);
  return run_diff(r.diff, env);
}

}  // namespace

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
    env.err << "iosctl: error: " << message << " (fix: see iosctl --help)\n";
    return kExitError;
  }
  try {
    return dispatch(app, request, env);
  } catch (const Error& e) {
    env.err << "iosctl: error: " << e.what() << '\n';
    return exit_code_for(e.failure());
  } catch (const std::exception& e) {
    env.err << "iosctl: internal error: " << e.what() << '\n';
    return kExitError;
  } catch (...) {
    env.err << "iosctl: internal error\n";
    return kExitError;
  }
}

int main_entry(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Env env{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR") != nullptr};
  return run_cli(args, env);
}

}  // namespace iosctl::cli
