// Every option and inventory key whose value reaches the device's CLI,
// against newline, CR, NUL, ESC, `?` and a 100 kB value: each is refused
// with exit 1 and one line naming the option (or file and line) and the
// rule, value escaped, before any connection is attempted.

#include "iosctl/ios/device_args.h"
#include "support/cli_run.h"
#include "support/scratch_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

struct Hostile {
  const char* label;
  std::string bytes;
};

const std::vector<Hostile>& hostile_values() {
  static const std::vector<Hostile> values = {
      {"newline", "\nconfigure terminal\nusername evil privilege 15 secret x\nend"},
      {"CR", "\rwrite memory"},
      {"NUL", std::string("\0reload", 7)},
      {"ESC", "\x1b[2J"},
      {"help", "?"},
      {"100 kB", std::string(100'000, 'A')},
  };
  return values;
}

// `text` as a YAML double-quoted scalar.
std::string yaml_quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\0':
        out += "\\0";
        break;
      case '\x1b':
        out += "\\e";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

// One place a value enters iosctl: the command line to run with `bad` in
// it, and the message expected.
struct Entry {
  const char* name;
  std::function<std::vector<std::string>(const std::string& bad, ScratchDir& dir)> args;
  std::function<std::string(const std::string& bad, ScratchDir& dir)> message;
  bool question_mark_refused = true;  // an enable secret may hold `?`
  bool newline_refused = true;        // a file's newline ends its line
  bool nul_possible = true;           // an environment variable cannot hold NUL
  const char* warning = "";           // a warning line before the error
};

std::string refused(const std::string& what, const std::string& value, std::string_view rule) {
  return ios::refused(what, value, rule);
}

// A single-file inventory with `key: VALUE` at line 8 under
// optional_args (napalm) or line 4 for a host key.
std::string napalm_inventory(ScratchDir& dir, const std::string& key, const std::string& value) {
  return dir.write("inv.yaml",
                   "hosts:\n"
                   "  r1:\n"
                   "    hostname: 127.0.0.1\n"
                   "    connection_options:\n"
                   "      napalm:\n"
                   "        extras:\n"
                   "          optional_args:\n"
                   "            " +
                       key + ": " + yaml_quoted(value) + "\n");
}

Entry napalm_key(const char* key, const char* prefix, std::string_view rule) {
  return {key,
          [key, prefix](const std::string& bad, ScratchDir& dir) {
            return std::vector<std::string>{"-i", napalm_inventory(dir, key, prefix + bad),
                                            "compare", "c.cfg"};
          },
          [key, prefix, rule](const std::string& bad, ScratchDir& dir) {
            return refused(dir.path() + "/inv.yaml:8: " + key, prefix + bad, rule);
          }};
}

std::vector<Entry> entries() {
  using ios::kCliCommandRule, ios::kConfigLineRule, ios::kFileNameRule, ios::kFileSystemRule,
      ios::kSecretRule;
  std::vector<Entry> e;
  e.push_back({"--dest-file-system",
               [](const std::string& bad, ScratchDir&) {
                 return std::vector<std::string>{"-H", "r1", "compare", "c.cfg",
                                                 "--dest-file-system", "bootflash:" + bad};
               },
               [&](const std::string& bad, ScratchDir&) {
                 return refused("--dest-file-system", "bootflash:" + bad, kFileSystemRule);
               }});
  for (const char* option : {"--candidate-file", "--merge-file", "--rollback-file"}) {
    e.push_back({option,
                 [option](const std::string& bad, ScratchDir&) {
                   return std::vector<std::string>{"-H", "r1", "commit", "c.cfg", option,
                                                   "x.txt" + bad};
                 },
                 [option](const std::string& bad, ScratchDir&) {
                   return refused(option, "x.txt" + bad, ios::kFileNameRule);
                 }});
  }
  e.push_back({"rollback --rollback-file",
               [](const std::string& bad, ScratchDir&) {
                 return std::vector<std::string>{"-H", "r1", "rollback", "--rollback-file",
                                                 "x.txt" + bad};
               },
               [](const std::string& bad, ScratchDir&) {
                 return refused("--rollback-file", "x.txt" + bad, ios::kFileNameRule);
               }});
  e.push_back({"send-command CMD",
               [](const std::string& bad, ScratchDir&) {
                 return std::vector<std::string>{"-H", "r1", "send-command", "show version",
                                                 "show clock" + bad};
               },
               [](const std::string& bad, ScratchDir&) {
                 return refused("send-command", "show clock" + bad, ios::kCliCommandRule);
               }});
  e.push_back({"send-config LINES",
               [](const std::string& bad, ScratchDir&) {
                 return std::vector<std::string>{"-H", "r1", "send-config", "hostname r1",
                                                 "ntp server 192.0.2.1" + bad};
               },
               [](const std::string& bad, ScratchDir&) {
                 return refused("send-config line 2", "ntp server 192.0.2.1" + bad,
                                ios::kConfigLineRule);
               }});
  Entry file{"send-config -f FILE",
             [](const std::string& bad, ScratchDir& dir) {
               return std::vector<std::string>{
                   "-H", "r1", "send-config", "-f",
                   dir.write("lines.txt", "hostname r1\n\nntp server 192.0.2.1" + bad + "\n")};
             },
             [](const std::string& bad, ScratchDir& dir) {
               return refused(dir.path() + "/lines.txt:3: config line",
                              "ntp server 192.0.2.1" + bad, ios::kConfigLineRule);
             }};
  file.newline_refused = false;
  e.push_back(file);
  e.push_back({"--health-check",
               [](const std::string& bad, ScratchDir&) {
                 return std::vector<std::string>{"-H",  "r1", "commit", "c.cfg", "--confirm-timeout",
                                                 "5",   "--health-check",
                                                 "show clock" + bad + "=~UTC"};
               },
               [](const std::string& bad, ScratchDir&) {
                 return refused("--health-check", "show clock" + bad, ios::kCliCommandRule);
               }});
  Entry option{"--option secret",
               [](const std::string& bad, ScratchDir&) {
                 return std::vector<std::string>{"--option", "secret=pw" + bad, "-H", "r1",
                                                 "send-command", "show clock"};
               },
               [](const std::string&, ScratchDir&) {
                 // After the warning every --option secret= draws.
                 return std::string("--option: option secret: ") + std::string(ios::kSecretRule);
               }};
  option.question_mark_refused = false;
  option.warning =
      "iosctl: warning: --option secret= is visible to other users in ps; use --password-env or "
      "--secret-env\n";
  e.push_back(option);
  Entry options_file{"--connection-options secret",
                     [](const std::string& bad, ScratchDir& dir) {
                       return std::vector<std::string>{
                           "--connection-options",
                           dir.write("opts.yaml", "secret: " + yaml_quoted("pw" + bad) + "\n"),
                           "-H",
                           "r1",
                           "send-command",
                           "show clock"};
                     },
                     [](const std::string&, ScratchDir& dir) {
                       return dir.path() + "/opts.yaml: option secret: " +
                              std::string(ios::kSecretRule);
                     }};
  options_file.question_mark_refused = false;
  e.push_back(options_file);
  Entry secret_env{"--secret-env",
                   [](const std::string& bad, ScratchDir&) {
                     setenv("IOSCTL_TEST_SECRET", ("pw" + bad).c_str(), 1);
                     return std::vector<std::string>{"--secret-env", "IOSCTL_TEST_SECRET", "-H",
                                                     "r1",           "send-command", "show clock"};
                   },
                   [](const std::string&, ScratchDir&) {
                     return "--secret-env IOSCTL_TEST_SECRET: " + std::string(ios::kSecretRule);
                   }};
  secret_env.question_mark_refused = false;
  secret_env.nul_possible = false;
  e.push_back(secret_env);
  e.push_back(napalm_key("dest_file_system", "bootflash:", kFileSystemRule));
  e.push_back(napalm_key("candidate_cfg", "x.txt", kFileNameRule));
  e.push_back(napalm_key("rollback_cfg", "x.txt", kFileNameRule));
  e.push_back(napalm_key("merge_cfg", "x.txt", kFileNameRule));
  Entry host_secret{"inventory secret",
                    [](const std::string& bad, ScratchDir& dir) {
                      return std::vector<std::string>{
                          "-i",
                          dir.write("inv.yaml", "hosts:\n  r1:\n    hostname: 127.0.0.1\n"
                                                "    secret: " +
                                                    yaml_quoted("pw" + bad) + "\n"),
                          "send-command", "show clock"};
                    },
                    [](const std::string&, ScratchDir& dir) {
                      return dir.path() + "/inv.yaml:4: secret: " + std::string(ios::kSecretRule);
                    }};
  host_secret.question_mark_refused = false;
  e.push_back(host_secret);
  Entry extras_secret{"inventory netmiko extras secret",
                      [](const std::string& bad, ScratchDir& dir) {
                        return std::vector<std::string>{
                            "-i",
                            dir.write("inv.yaml", "hosts:\n  r1:\n    hostname: 127.0.0.1\n"
                                                  "    connection_options:\n      netmiko:\n"
                                                  "        extras:\n          secret: " +
                                                      yaml_quoted("pw" + bad) + "\n"),
                            "send-command", "show clock"};
                      },
                      [](const std::string&, ScratchDir& dir) {
                        return dir.path() + "/inv.yaml:7: secret: " +
                               std::string(ios::kSecretRule);
                      }};
  extras_secret.question_mark_refused = false;
  e.push_back(extras_secret);
  return e;
}

TEST(DeviceValues, EveryEntryRefusesEveryHostileValueBeforeConnecting) {
  // The table: each entry point x each hostile value, or accepted where the
  // value is harmless there (a `?` in a secret, a newline between file lines).
  int refusals = 0;
  for (const Entry& entry : entries()) {
    for (const Hostile& value : hostile_values()) {
      const bool newline = value.bytes.find('\n') != std::string::npos;
      if ((!entry.question_mark_refused && value.bytes == "?") ||
          (!entry.newline_refused && newline) ||
          (!entry.nul_possible && value.bytes.find('\0') != std::string::npos)) {
        continue;
      }
      ScratchDir dir("device-values");
      const CliResult r = run_iosctl_unreachable(entry.args(value.bytes, dir));
      const std::string where = std::string(entry.name) + " with " + value.label;
      EXPECT_EQ(r.exit_code, 1) << where << "\n" << r.err.substr(0, 400);
      EXPECT_EQ(r.connects, 0) << where;
      EXPECT_EQ(r.err, std::string(entry.warning) + "iosctl: error: " +
                           entry.message(value.bytes, dir) + "\n")
          << where;
      ++refusals;
    }
  }
  unsetenv("IOSCTL_TEST_SECRET");
  // 18 entries x 6 values, less `?` for the 5 secrets, a file's newline
  // and NUL in an environment variable.
  EXPECT_EQ(refusals, 18 * 6 - 5 - 1 - 1);
}

TEST(DeviceValues, ABannerWithQuestionMarksIsNotRefused) {
  // send-config -f keeps `?` in a banner's text: the run gets as far as
  // connecting (which fails here, exit 6).
  ScratchDir dir("device-values");
  const std::string file =
      dir.write("banner.txt", "banner motd ^C\nAuthorised users only?\n^C\nhostname r1\n");
  const CliResult r = run_iosctl_unreachable({"-H", "r1", "send-config", "-f", file});
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_EQ(r.connects, 1);
}

}  // namespace
}  // namespace iosctl::test
