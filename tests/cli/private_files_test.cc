// Files iosctl creates (session logs, --junit reports) are private and never
// written through a symbolic link; the inventory, connection-options and
// their YAML refusals as the iosctl binary reports them.

#include "iosctl/cli/private_file.h"
#include "iosctl/error.h"
#include "support/cli_run.h"
#include "support/scratch_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace iosctl::test {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The permission bits of `path`, or -1 when it is not there.
int mode_of(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

// Sets the umask for one test, as a user's shell usually has it (022).
class Umask {
 public:
  explicit Umask(mode_t mask) : old_(::umask(mask)) {}
  ~Umask() { ::umask(old_); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;

 private:
  mode_t old_;
};

TEST(PrivateFiles, SessionLogThroughASymlinkIsRefusedAndTheTargetKept) {
  // A link at the --session-log path: exit 1 before any connection, target untouched.
  const ScratchDir dir("private-files");
  const std::string target = dir.write("precious.txt", "keep me\n");
  ASSERT_EQ(::chmod(target.c_str(), 0644), 0);
  const std::string link = dir.path() + "/session.log";
  ASSERT_EQ(::symlink(target.c_str(), link.c_str()), 0);
  const CliResult r = run_iosctl_unreachable(
      {"-H", "127.0.0.1", "--session-log", link, "send-command", "show clock"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "iosctl: error: --session-log " + link +
                       ": it is a symbolic link, and iosctl never writes through one (fix: name "
                       "the file itself, or remove the link)\n");
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(slurp(target), "keep me\n");
  EXPECT_EQ(mode_of(target), 0644);
}

TEST(PrivateFiles, SessionLogIsCreatedOwnerOnlyUnderUmask022) {
  // Under umask 022 a new log would be 0644; it is 0600, and an old 0644 log becomes 0600.
  const Umask umask(022);
  const ScratchDir dir("private-files");
  const std::string fresh = dir.path() + "/fresh.log";
  run_iosctl_unreachable({"-H", "127.0.0.1", "--session-log", fresh, "send-command", "show clock"});
  EXPECT_EQ(mode_of(fresh), 0600);
  const std::string old = dir.write("old.log", "old text\n");
  ASSERT_EQ(::chmod(old.c_str(), 0644), 0);
  run_iosctl_unreachable({"-H", "127.0.0.1", "--session-log", old, "send-command", "show clock"});
  EXPECT_EQ(mode_of(old), 0600);
  EXPECT_EQ(slurp(old).find("old text"), std::string::npos);
}

TEST(PrivateFiles, SessionLogInAMissingFolderIsRefused) {
  // Exit 1 naming the option and the fix, before any connection.
  const ScratchDir dir("private-files");
  const std::string log = dir.path() + "/no-such-folder/s.log";
  const CliResult r = run_iosctl_unreachable(
      {"-H", "127.0.0.1", "--session-log", log, "send-command", "show clock"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "iosctl: error: --session-log " + log +
                       ": cannot write the file (check the folder exists)\n");
  EXPECT_EQ(r.connects, 0);
}

TEST(PrivateFiles, JunitReportIsCreatedOwnerOnlyUnderUmask022) {
  // The report of a fleet run (every host unreachable here) is 0600.
  const Umask umask(022);
  const ScratchDir dir("private-files");
  const std::string inventory = dir.write("inv.yaml", "hosts:\n  r1: {hostname: 127.0.0.1}\n");
  const std::string junit = dir.path() + "/report.xml";
  const CliResult r = run_iosctl_unreachable({"-i", inventory, "--junit", junit, "status"});
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_EQ(mode_of(junit), 0600);
  EXPECT_NE(slurp(junit).find("<testsuite"), std::string::npos);
}

TEST(PrivateFiles, JunitThroughASymlinkIsRefused) {
  // Exit 1 before any host is contacted; the link's target is untouched.
  const ScratchDir dir("private-files");
  const std::string inventory = dir.write("inv.yaml", "hosts:\n  r1: {hostname: 127.0.0.1}\n");
  const std::string target = dir.write("precious.txt", "keep me\n");
  const std::string link = dir.path() + "/report.xml";
  ASSERT_EQ(::symlink(target.c_str(), link.c_str()), 0);
  const CliResult r = run_iosctl_unreachable({"-i", inventory, "--junit", link, "status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "iosctl: error: --junit " + link +
                       ": it is a symbolic link, and iosctl never writes through one (fix: name "
                       "the file itself, or remove the link)\n");
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(slurp(target), "keep me\n");
}

TEST(PrivateFiles, ADirectoryIsRefused) {
  // open_private_file names the option and the fix.
  const ScratchDir dir("private-files");
  try {
    cli::open_private_file(dir.path(), "--session-log");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "--session-log " + dir.path() + ": it is a directory (fix: name a file)");
  }
  EXPECT_FALSE(cli::open_private_file(dir.path() + "/no/such/dir.log", "--junit").is_open());
}

TEST(PrivateFiles, BinaryRefusesAHostNameWithDotDot) {
  // iosctl -i with a host named ../x: exit 1 with FILE:LINE, before any connection.
  const ScratchDir dir("private-files");
  const std::string inventory =
      dir.write("inv.yaml", "hosts:\n  r1: {}\n  ../x: {hostname: 127.0.0.1}\n");
  const CliResult r =
      run_iosctl_binary({"-i", inventory, "--session-log", "logs/{name}.log", "status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "iosctl: error: " + inventory +
                       ":3: host name '../x' contains '/' (use letters, digits, '-', '_' and '.': "
                       "the name goes into file names such as --session-log 'logs/{name}.log')\n");
}

TEST(PrivateFiles, BinaryRefusesARecursiveAliasInTheInventory) {
  // The file that crashed iosctl with SIGSEGV: now exit 1 and the line.
  const ScratchDir dir("private-files");
  const std::string inventory =
      dir.write("inv.yaml", "hosts:\n  r1: &x {hostname: a, data: {self: *x}}\n");
  const CliResult r = run_iosctl_binary({"-i", inventory, "status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "iosctl: error: " + inventory +
                       ":2: alias *x is used inside the node it names (a recursive alias never "
                       "ends; write the value out)\n");
}

TEST(PrivateFiles, BinaryRefusesADuplicateConnectionOption) {
  // --connection-options goes through the same reader: a repeated key is refused.
  const ScratchDir dir("private-files");
  const std::string options = dir.write("options.yaml", "port: 22\nusername: a\nport: 2222\n");
  const CliResult r = run_iosctl_binary(
      {"--connection-options", options, "-H", "127.0.0.1", "send-command", "show clock"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "iosctl: error: " + options + ":3: duplicate key 'port' (first on line 1; keep one)\n");
}

}  // namespace
}  // namespace iosctl::test
