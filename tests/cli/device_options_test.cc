// The device commands' option handling, in-process: connection options and
// their precedence, password sources, and errors before any connection.

#include "iosctl/cli/cli.h"
#include "iosctl/error.h"
#include "support/scripted_link.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace iosctl::cli {
namespace {

// A device that answers the prompt probe and one `show clock`.
constexpr const char* kShowClock =
    ">\n\nr1#\\c\n> terminal length 0\nterminal length 0\nr1#\\c\n"
    "> terminal width 511\nterminal width 511\nr1#\\c\n"
    "> show clock\nshow clock\n*10:00:00.000 UTC Mon Mar 1 2021\nr1#\\c\n";

// Runs iosctl in-process with a fake connector that records the connection.
struct DeviceRun {
  explicit DeviceRun(const std::vector<std::string>& args, std::string transcript = kShowClock,
                     std::optional<std::string> typed = std::nullopt) {
    Env env{out, err};
    env.connect = [&](const driver::Connection& c, const auto&) -> std::unique_ptr<driver::Link> {
      connection = c;
      return std::make_unique<test::ScriptedLink>(transcript);
    };
    env.read_secret = [&, typed](std::string_view prompt) {
      prompted = std::string(prompt);
      return typed;
    };
    env.getenv = [](const std::string& name) -> std::optional<std::string> {
      if (name == "LAB_PW") return "pw-from-env";
      return std::nullopt;
    };
    code = run_cli(args, env);
  }
  std::ostringstream out;
  std::ostringstream err;
  int code = -1;
  std::optional<driver::Connection> connection;
  std::string prompted;
};

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(DeviceOptions, UnknownOptionNameSuggestsTheClosest) {
  // A misspelt Netmiko name: exit 1 with a did-you-mean, no connection attempted.
  DeviceRun r({"--option", "usernme=admin", "-H", "r1", "send-command", "show clock"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.str(),
            "iosctl: error: --option: unknown connection option 'usernme' (did you mean "
            "'username'?)\n");
  EXPECT_FALSE(r.connection);
}

TEST(DeviceOptions, OptionWithoutEqualsSignIsRefused) {
  // --option needs NAME=VALUE.
  DeviceRun r({"--option", "port", "-H", "r1", "send-command", "show clock"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.str(),
            "iosctl: error: --option 'port' is not NAME=VALUE (e.g. --option port=2222)\n");
}

TEST(DeviceOptions, FileOptionsAreMappedAndHostFlagWins) {
  // A YAML file with Netmiko names sets the connection; --host overrides its host.
  const std::string file = write_temp(
      "iosctl-opts-test.yaml",
      "device_type: cisco_xe\nhost: 10.0.0.1\nport: 2222\nusername: ops\npassword: pw-in-file\n"
      "conn_timeout: 5\nauth_timeout: 7\nbanner_timeout: 9\ntimeout: 11\nuse_keys: false\n"
      "allow_agent: no\nkey_file: /k/id\n");
  DeviceRun r({"--connection-options", file, "--host", "127.0.0.1", "send-command", "show clock"});
  ASSERT_EQ(r.code, 0) << r.err.str();
  ASSERT_TRUE(r.connection);
  const driver::Connection& c = *r.connection;
  EXPECT_EQ(c.host, "127.0.0.1");
  EXPECT_EQ(c.device_type, "cisco_xe");
  EXPECT_EQ(c.port, 2222);
  EXPECT_EQ(c.username, "ops");
  EXPECT_EQ(c.password, "pw-in-file");
  EXPECT_EQ(c.conn_timeout, std::chrono::seconds(5));
  EXPECT_EQ(c.auth_timeout, std::chrono::seconds(7));
  EXPECT_EQ(c.banner_timeout, std::chrono::seconds(9));
  EXPECT_EQ(c.timeout, std::chrono::seconds(11));
  EXPECT_FALSE(c.use_keys);
  EXPECT_FALSE(c.allow_agent);
  EXPECT_EQ(c.key_files, std::vector<std::string>{"/k/id"});
  EXPECT_EQ(r.out.str(), "*10:00:00.000 UTC Mon Mar 1 2021\n");
  std::remove(file.c_str());
}

TEST(DeviceOptions, JsonFileWorksAndOptionOverridesIt) {
  // JSON is read like YAML; a later --option wins over the file.
  const std::string file =
      write_temp("iosctl-opts-test.json", R"({"host": "r1", "port": 22, "username": "a"})");
  DeviceRun r({"--connection-options", file, "--option", "port=2200", "--password-env", "LAB_PW",
               "send-command", "show clock"});
  ASSERT_EQ(r.code, 0) << r.err.str();
  EXPECT_EQ(r.connection->port, 2200);
  EXPECT_EQ(r.connection->password, "pw-from-env");
  std::remove(file.c_str());
}

TEST(DeviceOptions, BadOptionValueNamesTheOption) {
  // A non-number port in the options: exit 1 naming it.
  DeviceRun r({"--option", "port=abc", "-H", "r1", "send-command", "show clock"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.str(), "iosctl: error: --option: option port needs a whole number (got 'abc')\n");
}

TEST(DeviceOptions, PasswordFlagWarnsThatPsShowsIt) {
  // --password works but warns; the password itself is never printed.
  DeviceRun r({"-H", "r1", "--password", "hunter2", "send-command", "show clock"});
  ASSERT_EQ(r.code, 0) << r.err.str();
  EXPECT_EQ(r.err.str(),
            "iosctl: warning: --password is visible to other users in ps; use --password-env VAR "
            "instead\n");
  EXPECT_EQ(r.connection->password, "hunter2");
}

TEST(DeviceOptions, MissingPasswordVariableIsAUsageError) {
  // --password-env naming an unset variable: exit 1, naming the fix.
  DeviceRun r({"-H", "r1", "--password-env", "NOPE", "send-command", "show clock"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.str(),
            "iosctl: error: --password-env NOPE: the environment variable is not set (export "
            "NOPE)\n");
}

TEST(DeviceOptions, TerminalPromptGivesThePasswordWhenNothingElseDoes) {
  // No password anywhere and a terminal: iosctl asks, without echo.
  DeviceRun r({"-H", "r1", "--username", "admin", "send-command", "show clock"}, kShowClock,
              "typed-pw");
  ASSERT_EQ(r.code, 0) << r.err.str();
  EXPECT_EQ(r.prompted, "admin@r1's password: ");
  EXPECT_EQ(r.connection->password, "typed-pw");
}

TEST(DeviceOptions, TerminalPromptGivesTheEnableSecretAtUserExec) {
  // A login at `r1>` with no --secret-env: the secret is asked for, then enable.
  const std::string transcript =
      ">\n\nr1>\\c\n> terminal length 0\nterminal length 0\nr1>\\c\n"
      "> terminal width 511\nterminal width 511\nr1>\\c\n"
      "> enable\nenable\nPassword: \\c\n>> en-pw\\n\n\nr1#\\c\n"
      "> show clock\nshow clock\n*10:00:00.000 UTC Mon Mar 1 2021\nr1#\\c\n";
  DeviceRun r({"-H", "r1", "--password-env", "LAB_PW", "send-command", "show clock"}, transcript,
              "en-pw");
  ASSERT_EQ(r.code, 0) << r.err.str();
  EXPECT_EQ(r.prompted, "enable secret for admin@r1:22: ");
  EXPECT_EQ(r.out.str(), "*10:00:00.000 UTC Mon Mar 1 2021\n");
}

TEST(DeviceOptions, SendConfigTakesLinesOrAFileNotBoth) {
  // Config lines and -f together: exit 1 before connecting.
  DeviceRun r({"-H", "r1", "send-config", "-f", "change.txt", "ntp server 192.0.2.1"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.str(), "iosctl: error: give config lines or -f FILE, not both\n");
  EXPECT_FALSE(r.connection);
}

TEST(DeviceOptions, NoHostIsAUsageError) {
  // A device command without a device: exit 1 naming --host.
  DeviceRun r({"send-command", "show clock"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.str(),
            "iosctl: error: no device given: use --host HOST (or host=HOST in the connection "
            "options)\n");
}

TEST(DeviceOptions, GlobalOptionsSetTheConnection) {
  // The dedicated global flags reach the connection.
  DeviceRun r({"-H",
               "r1",
               "--port",
               "2201",
               "--username",
               "u",
               "--known-hosts",
               "/kh",
               "--host-key-policy",
               "accept-new",
               "--legacy-algorithms",
               "--ssh-config",
               "/cfg",
               "--timeout",
               "3",
               "--key-file",
               "/a",
               "--key-file",
               "/b",
               "--password-env",
               "LAB_PW",
               "send-command",
               "show clock"});
  ASSERT_EQ(r.code, 0) << r.err.str();
  const driver::Connection& c = *r.connection;
  EXPECT_EQ(c.port, 2201);
  EXPECT_EQ(c.username, "u");
  EXPECT_EQ(c.known_hosts, "/kh");
  EXPECT_EQ(c.host_key_policy, "accept-new");
  EXPECT_TRUE(c.legacy_algorithms);
  EXPECT_EQ(c.ssh_config, "/cfg");
  EXPECT_EQ(c.timeout, std::chrono::seconds(3));
  EXPECT_EQ(c.key_files, (std::vector<std::string>{"/a", "/b"}));
}

TEST(DeviceOptions, UnreachableDeviceExitsSix) {
  // The connector's Error{unreachable} becomes exit 6 and its one line.
  std::ostringstream out;
  std::ostringstream err;
  Env env{out, err};
  env.connect = [](const driver::Connection&, const auto&) -> std::unique_ptr<driver::Link> {
    throw Error(Failure::unreachable, "cannot connect to r1:22: connection refused");
  };
  EXPECT_EQ(run_cli({"-H", "r1", "--password", "x", "send-command", "show clock"}, env), 6);
  EXPECT_TRUE(err.str().ends_with("iosctl: error: cannot connect to r1:22: connection refused\n"))
      << err.str();
}

}  // namespace
}  // namespace iosctl::cli
