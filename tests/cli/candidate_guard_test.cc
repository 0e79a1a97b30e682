// In-process: check, compare and commit refuse a candidate that would put
// the redaction placeholder or a stray control byte on the device (exit 3,
// before any connection), a byte order mark is repaired like CR LF, and a
// --json run that fails still prints one document.

#include "iosctl/config/json_text.h"
#include "support/cli_run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace iosctl::cli {
namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

const std::string kMasked = "!\nversion 17.3\nhostname r1\n!\nenable secret 9 <redacted>\n!\nend\n";

std::string placeholder_error(const std::string& file) {
  return "iosctl: error: " + file +
         ":5: error: 'enable secret 9 <redacted>' holds the redaction placeholder, not the secret "
         "(fix: take the backup with 'iosctl get-config --show-secrets' or 'get-config -o "
         "FILE')\n";
}

TEST(CandidateGuard, CheckRefusesTheRedactionPlaceholder) {
  // check reports the masked line (on stdout, its result) and exits 3.
  const std::string file = write_file("iosctl_guard_check.cfg", kMasked);
  const test::CliResult r = test::run_iosctl({"check", file});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, file +
                       ":5: error: 'enable secret 9 <redacted>' holds the redaction placeholder, "
                       "not the secret (fix: take the backup with 'iosctl get-config "
                       "--show-secrets' or 'get-config -o FILE')\n");
  std::filesystem::remove(file);
}

TEST(CandidateGuard, CompareAndCommitRefuseTheRedactionPlaceholderBeforeConnecting) {
  // compare, commit and commit --merge: exit 3, the line named, no connection.
  const std::string file = write_file("iosctl_guard_masked.cfg", kMasked);
  for (const std::vector<std::string>& command : {std::vector<std::string>{"compare", file},
                                                  {"commit", file},
                                                  {"commit", file, "--merge"},
                                                  {"compare", file, "--merge"}}) {
    std::vector<std::string> args = {"-H", "r1"};
    args.insert(args.end(), command.begin(), command.end());
    const test::CliResult r = test::run_iosctl_unreachable(args);
    EXPECT_EQ(r.exit_code, 3) << command[0];
    EXPECT_EQ(r.connects, 0) << command[0];
    EXPECT_EQ(r.err, placeholder_error(file)) << command[0];
    EXPECT_EQ(r.out, "") << command[0];
  }
  std::filesystem::remove(file);
}

TEST(CandidateGuard, CommitRefusesAStrayEtxBeforeConnecting) {
  // The ETX that made configure replace fail quoting '' is refused offline.
  const std::string file = write_file("iosctl_guard_etx.cfg",
                                      "version 17.3\nhostname r1\ninterface Gi1\n description a\x03"
                                      "b\nend\n");
  const test::CliResult r = test::run_iosctl_unreachable({"-H", "r1", "commit", file});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err, "iosctl: error: " + file +
                       ":4: error: line holds the control byte '\\x03' in column 15, outside a "
                       "banner (configure replace fails on it) (fix: delete the byte; only a "
                       "banner's text may hold control bytes, and ETX only as its delimiter)\n");
  std::filesystem::remove(file);
}

TEST(CandidateGuard, CommitRepairsAByteOrderMarkAndGoesOn) {
  // A BOM is repaired like CR LF: the commit gets as far as connecting.
  const std::string file =
      write_file("iosctl_guard_bom.cfg", "\xef\xbb\xbfversion 17.3\nhostname r1\nend\n");
  const test::CliResult r = test::run_iosctl_unreachable({"-H", "r1", "commit", file});
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_EQ(r.connects, 1);
  std::filesystem::remove(file);
}

TEST(CandidateGuard, JsonRefusalIsOneDocument) {
  // A --json commit refused offline still prints exactly one JSON document.
  const std::string file = write_file("iosctl_guard_json.cfg", kMasked);
  const test::CliResult r = test::run_iosctl_unreachable({"--json", "-H", "r1", "commit", file});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, placeholder_error(file));
  EXPECT_TRUE(config::is_json_document(r.out)) << r.out;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.value("exit_code", -1), 3) << r.out;
  std::filesystem::remove(file);
}

TEST(CandidateGuard, GetConfigOutputWithInventoryIsRefused) {
  // -o names one file: with an inventory it is a usage error.
  const std::string inventory =
      write_file("iosctl_guard_inventory.yaml", "hosts:\n  r1: {hostname: 127.0.0.1}\n");
  const test::CliResult r =
      test::run_iosctl_unreachable({"-i", inventory, "get-config", "-o", "backup.cfg"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err,
            "iosctl: error: get-config -o writes one host's configuration, not an inventory's "
            "(fix: run 'iosctl -H HOST get-config -o FILE' once per host)\n");
  std::filesystem::remove(inventory);
}

TEST(CandidateGuard, GetConfigOutputToASymlinkIsRefusedBeforeConnecting) {
  // A link named as the backup file is refused, and its target untouched.
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::string target = write_file("iosctl_guard_target.txt", "keep\n");
  const std::filesystem::path link = dir / "iosctl_guard_link.cfg";
  std::filesystem::remove(link);
  std::filesystem::create_symlink(target, link);
  const test::CliResult r =
      test::run_iosctl_unreachable({"-H", "r1", "get-config", "-o", link.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.connects, 0);
  EXPECT_EQ(r.err, "iosctl: error: refusing to write secrets to '" + link.string() +
                       "': it is a symbolic link (fix: name the file itself, or remove the "
                       "link)\n");
  std::ifstream in(target);
  std::string kept;
  std::getline(in, kept);
  EXPECT_EQ(kept, "keep");
  std::filesystem::remove(link);
  std::filesystem::remove(target);
}

}  // namespace
}  // namespace iosctl::cli
