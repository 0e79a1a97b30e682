// Values that could type extra lines into the router, against iosim over
// SSH: each is refused with exit 1 before any connection, and a separate
// SSH connection then shows the device unchanged. A banner sent with `^C`
// delimiters and a `?` in its text still works; ETX (Ctrl-C at the CLI) is refused.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <string>

namespace iosctl::test {
namespace {

using CliInjection = DeviceTest;

TEST_F(CliInjection, NewlineInDestFileSystemAddsNoUser) {
  // The attack as found: a read-only compare that used to add a privilege-15 user.
  start();
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r =
      run({"compare", file.string(), "--dest-file-system",
           "bootflash:\nconfigure terminal\nusername evil privilege 15 secret x\nend"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err,
            "iosctl: error: --dest-file-system 'bootflash:\\nconfigure terminal\\nusername evil "
            "privilege 15 sec...': a file system is up to 32 letters, digits and '-' ending in "
            "':' (e.g. bootflash:)\n");
  EXPECT_EQ(r.out, "");
  const std::string config = running();
  EXPECT_EQ(config.find("username evil"), std::string::npos) << config;
  EXPECT_NE(config.find("hostname r1"), std::string::npos) << config;
  EXPECT_FALSE(on_flash("bootflash:/candidate_config.txt"));
}

TEST_F(CliInjection, NewlineInCandidateFileRunsNoWriteMemory) {
  // `--candidate-file $'x\nwrite memory'` used to save the running config.
  start();
  ASSERT_EQ(run({"send-config", "ntp server 192.0.2.99"}).status, 0);
  const std::string before = run({"get-config", "--source", "startup"}).out;
  ASSERT_EQ(before.find("ntp server 192.0.2.99"), std::string::npos) << before;
  const auto file = dir_.write("change.cfg", running_plus("ntp server 192.0.2.10"));
  const RunResult r =
      run({"compare", file.string(), "--candidate-file", "x.txt\nwrite memory\r"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err,
            "iosctl: error: --candidate-file 'x.txt\\nwrite memory\\r': a file name is up to 128 "
            "letters, digits, '.', '_' and '-', with no path, not starting with '.' or '-' (e.g. "
            "candidate_config.txt)\n");
  EXPECT_EQ(run({"get-config", "--source", "startup"}).out, before);
}

TEST_F(CliInjection, SendCommandTakesOneCommandPerArgument) {
  // A newline inside one send-command argument is refused; nothing is sent.
  start();
  const RunResult r =
      run({"send-command", "show clock\nconfigure terminal\nhostname evil\nend"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err,
            "iosctl: error: send-command 'show clock\\nconfigure terminal\\nhostname evil\\nend': "
            "a command is one line of up to 4096 printable characters, without '?' (IOS answers "
            "'?' with help; give one command per argument)\n");
  const std::string config = running();
  EXPECT_EQ(config.find("hostname evil"), std::string::npos) << config;
  EXPECT_NE(config.find("hostname r1"), std::string::npos) << config;
}

TEST_F(CliInjection, SendConfigFileLineWithCarriageReturnIsRefused) {
  // A CR inside a line of -f FILE would end the line early: refused as FILE:LINE.
  start();
  const auto file =
      dir_.write("lines.txt", "ntp server 192.0.2.10\nlogging host 192.0.2.20\rhostname evil\n");
  const RunResult r = run({"send-config", "-f", file.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err, "iosctl: error: " + file.string() +
                       ":2: config line 'logging host 192.0.2.20\\rhostname evil': a config line "
                       "is up to 4096 printable characters or TABs, with '?' only in a banner's "
                       "text (write a banner's ETX delimiter as ^C, or send the file with commit "
                       "--merge)\n");
  const std::string config = running();
  EXPECT_EQ(config.find("ntp server 192.0.2.10"), std::string::npos) << config;
  EXPECT_EQ(config.find("hostname evil"), std::string::npos) << config;
}

TEST_F(CliInjection, SendConfigFileWithABannerStillWorks) {
  // A one-line banner with `^C` delimiters and a `?` in its text goes through.
  start();
  const auto file =
      dir_.write("banner.txt", "banner motd ^CAuthorised users only?^C\nntp server 192.0.2.10\n");
  const RunResult r = run({"send-config", "-f", file.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string config = running();
  EXPECT_NE(config.find("banner motd ^CAuthorised users only?^C\n"), std::string::npos)
      << config;
  EXPECT_NE(config.find("ntp server 192.0.2.10\n"), std::string::npos) << config;
}

TEST_F(CliInjection, SendConfigFileWithEtxIsRefused) {
  // ETX is Ctrl-C at the CLI: refused as FILE:LINE, nothing sent.
  start();
  const auto file = dir_.write("etx.txt", "ntp server 192.0.2.10\nbanner motd \x03"
                                          "Hi\x03\n");
  const RunResult r = run({"send-config", "-f", file.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err, "iosctl: error: " + file.string() +
                       ":2: config line 'banner motd \\x03Hi\\x03': a config line is up to 4096 "
                       "printable characters or TABs, with '?' only in a banner's text (write a "
                       "banner's ETX delimiter as ^C, or send the file with commit --merge)\n");
  EXPECT_EQ(running().find("ntp server 192.0.2.10"), std::string::npos);
}

}  // namespace
}  // namespace iosctl::test
