// Backups and the redaction placeholder against iosim over SSH: a backup
// taken with `get-config -o FILE` holds the real secrets in a 0600 file and
// commits back as "no changes"; a masked copy is refused by commit before
// any change, and a separate connection shows the secrets intact.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace iosctl::test {
namespace {

const std::string kEnableSecret =
    "enable secret 9 $9$nhEmQVczB7dqsE$X.Q3ZR2PIW2XTLgPTqwWQu3yMC9M8j..N6jgrYu3Fp.";
const std::string kUserSecret =
    "username ops privilege 15 secret 9 $9$4lUuBrhg0Zo/3U$zJ1.fbK3Q8dnWr6oVtTOtG9Yt3ZeJr8Ay1Ox";
const std::string kCommunity = "snmp-server community Lab-Comm-7 RO";

class CliMaskedCandidate : public DeviceTest {
 protected:
  void SetUp() override { start(device_with({}, {kEnableSecret, kUserSecret, kCommunity})); }
};

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool holds(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST_F(CliMaskedCandidate, OutputFileIsARestorableBackup) {
  // get-config -o: secrets in a 0600 file, the printed copy masked; commit of
  // the file is "no changes" and the device keeps its secrets.
  const auto backup = dir_.path() / "r1.cfg";
  const RunResult got = run({"get-config", "-o", backup.string()});
  ASSERT_EQ(got.status, 0) << got.err;
  EXPECT_EQ(without_key_warning(got.err),
            "iosctl: wrote " + backup.string() + " (running-config with its secrets, mode 0600)\n");
  EXPECT_TRUE(holds(got.out, "enable secret 9 <redacted>")) << got.out;
  EXPECT_TRUE(holds(got.out, "snmp-server community <redacted> RO")) << got.out;
  EXPECT_EQ(got.out.find("Lab-Comm-7"), std::string::npos) << got.out;
  const std::string saved = read_all(backup);
  EXPECT_TRUE(holds(saved, kEnableSecret)) << saved;
  EXPECT_TRUE(holds(saved, kUserSecret)) << saved;
  EXPECT_TRUE(holds(saved, kCommunity)) << saved;
  EXPECT_EQ(saved.find("<redacted>"), std::string::npos) << saved;
  struct stat st {};
  ASSERT_EQ(::stat(backup.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  const RunResult commit = run({"commit", backup.string()});
  EXPECT_EQ(commit.status, 0) << commit.err;
  EXPECT_EQ(commit.out, "no changes\n");
  const std::string config = running();
  EXPECT_TRUE(holds(config, kEnableSecret)) << config;
  EXPECT_TRUE(holds(config, kUserSecret)) << config;
  EXPECT_TRUE(holds(config, kCommunity)) << config;
}

TEST_F(CliMaskedCandidate, OutputFileReplacesAnOpenFileWith0600) {
  // An existing world-readable file named by -o is replaced by a 0600 one.
  const auto backup = dir_.write("old.cfg", "old\n");
  ASSERT_EQ(::chmod(backup.c_str(), 0644), 0);
  const RunResult got = run({"get-config", "--source", "startup", "--output", backup.string()});
  ASSERT_EQ(got.status, 0) << got.err;
  struct stat st {};
  ASSERT_EQ(::stat(backup.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_TRUE(holds(read_all(backup), "hostname r1"));
}

TEST_F(CliMaskedCandidate, MaskedCopyIsRefusedAndSecretsStay) {
  // The default (masked) get-config output as candidate: commit, commit
  // --merge and compare exit 3 naming the line, and the device is unchanged.
  const RunResult got = run({"get-config"});
  ASSERT_EQ(got.status, 0) << got.err;
  const auto masked = dir_.write("masked.cfg", got.out);
  int line = 0;
  {
    std::istringstream in(got.out);
    int number = 0;
    for (std::string text; std::getline(in, text);) {
      ++number;
      if (text == "enable secret 9 <redacted>") line = number;
    }
  }
  ASSERT_GT(line, 0) << got.out;
  const std::string expected =
      "iosctl: error: " + masked.string() + ":" + std::to_string(line) +
      ": error: 'enable secret 9 <redacted>' holds the redaction placeholder, not the secret "
      "(fix: take the backup with 'iosctl get-config --show-secrets' or 'get-config -o FILE')\n";
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"commit", masked.string()},
        {"commit", masked.string(), "--merge"},
        {"compare", masked.string()}}) {
    const RunResult r = run(command);
    EXPECT_EQ(r.status, 3) << command[0] << r.err;
    EXPECT_EQ(without_key_warning(r.err), expected);
    EXPECT_EQ(r.out, "") << command[0];
  }
  const std::string config = running();
  EXPECT_TRUE(holds(config, kEnableSecret)) << config;
  EXPECT_TRUE(holds(config, kUserSecret)) << config;
  EXPECT_TRUE(holds(config, kCommunity)) << config;
  EXPECT_FALSE(on_flash("bootflash:/candidate_config.txt"));
}

}  // namespace
}  // namespace iosctl::test
