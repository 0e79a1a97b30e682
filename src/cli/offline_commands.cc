#include "iosctl/cli/offline_commands.h"

#include "iosctl/cli/config_file.h"
#include "iosctl/cli/json_output.h"
#include "iosctl/config/check.h"
#include "iosctl/config/contextual_format.h"
#include "iosctl/config/diff.h"
#include "iosctl/config/json_format.h"
#include "iosctl/config/normalize.h"
#include "iosctl/config/parse.h"
#include "iosctl/config/unified_format.h"
#include "iosctl/error.h"
#include "iosctl/exit_status.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace iosctl::cli {
namespace {

using config::Diagnostic;
using config::Severity;

bool has_error(const std::vector<Diagnostic>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

nlohmann::json findings_json(const std::vector<Diagnostic>& findings) {
  nlohmann::json out = nlohmann::json::array();
  for (const Diagnostic& d : findings) {
    out.push_back({{"line", d.line},
                   {"severity", d.severity == Severity::error ? "error" : "warning"},
                   {"message", d.message},
                   {"fix", d.fix},
                   {"repairable", d.repairable}});
  }
  return out;
}

void print_findings(const std::string& file, const std::vector<Diagnostic>& findings, Env& env) {
  for (const Diagnostic& d : findings) env.out << config::format_diagnostic(file, d) << '\n';
}

// Reads one side of a diff; a file that is not configuration text at all
// is refused.
std::string read_for_diff(const std::string& path) {
  std::string text = read_config_file(path);
  if (auto bad = config::not_configuration_text(text)) {
    throw Error(Failure::invalid, config::format_diagnostic(path, *bad));
  }
  return text;
}

// Structural problems (an unterminated banner) do not stop a diff; the user
// is told, since the diff may then mislead.
void warn_problems(const std::string& path, const std::vector<Diagnostic>& problems, Env& env) {
  for (Diagnostic warning : problems) {
    warning.severity = Severity::warning;
    env.err << config::format_diagnostic(path, warning) << '\n';
  }
}

config::Config load_for_diff(const std::string& path, Env& env) {
  config::Config parsed = config::parse_config(read_for_diff(path));
  warn_problems(path, parsed.problems, env);
  return config::normalize(std::move(parsed));
}

// The unified diff reads lines straight from the text, without a tree: it
// is the format for 200,000-line configs.
int run_unified_diff(const DiffOptions& options, const config::DisplayOptions& display, Env& env) {
  const std::string running_text = read_for_diff(options.running);
  const std::string candidate_text = read_for_diff(options.candidate);
  const config::CanonicalText running = config::canonical_lines(running_text);
  const config::CanonicalText candidate = config::canonical_lines(candidate_text);
  warn_problems(options.running, running.problems, env);
  warn_problems(options.candidate, candidate.problems, env);
  const std::string text =
      config::format_unified(running, candidate, {options.running, options.candidate}, display);
  env.out << text;
  return text.empty() ? kExitOk : kExitDifferences;
}

bool use_color(ColorMode mode, const Env& env) {
  switch (mode) {
    case ColorMode::always:
      return true;
    case ColorMode::never:
      return false;
    case ColorMode::auto_detect:
      return env.out_is_tty && !env.no_color_env;
  }
  return false;
}

}  // namespace

int run_check(const CheckOptions& options, Env& env) {
  const std::string original = read_config_file(options.file);
  std::string target = options.file;
  std::string text = original;
  std::vector<Diagnostic> repaired;
  if (options.fix) {
    config::Repair repair = config::repair_candidate(original);
    repaired = std::move(repair.repaired);
    text = std::move(repair.text);
    target = options.in_place ? options.file : fixed_copy_path(options.file);
    if (!repaired.empty() || !options.in_place) write_config_file(target, text);
  }
  const std::vector<Diagnostic> findings = config::check_candidate(text);
  if (options.json) {
    nlohmann::json doc = {{"file", target}, {"findings", findings_json(findings)}};
    if (options.fix) {
      doc["source"] = options.file;
      doc["repaired"] = findings_json(repaired);
    }
    print_json(env, doc);
  } else {
    for (const Diagnostic& d : repaired) {
      env.err << config::format_diagnostic(options.file, d) << " [repaired]\n";
    }
    if (options.fix) {
      env.err << "iosctl: wrote " << target << " (" << repaired.size() << " repaired)\n";
    }
    print_findings(target, findings, env);
  }
  return has_error(findings) ? kExitRejected : kExitOk;
}

int run_diff(const DiffOptions& options, Env& env) {
  const config::DisplayOptions display{use_color(options.color, env), options.show_secrets};
  if (options.format == DiffFormat::unified) return run_unified_diff(options, display, env);
  const config::Config running = load_for_diff(options.running, env);
  const config::Config candidate = load_for_diff(options.candidate, env);
  const config::ConfigDiff diff = config::diff_configs(running, candidate);
  env.out << (options.format == DiffFormat::json ? config::format_json(diff, display)
                                                 : config::format_contextual(diff, display));
  return diff.empty() ? kExitOk : kExitDifferences;
}

}  // namespace iosctl::cli
