// In-process: a --json run that fails before its own document still prints
// exactly one, {outcome, exit_code, error}, and the error line on stderr.

#include "iosctl/config/json_text.h"
#include "support/cli_run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace iosctl::cli {
namespace {

TEST(JsonOutput, UsageErrorIsOneDocument) {
  // An unknown option with --json: exit 1, stderr's line, one document.
  const test::CliResult r = test::run_iosctl({"--json", "check", "--nope", "x.cfg"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("iosctl: error: ", 0), 0u) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("exit_code"), 1);
  EXPECT_EQ(doc.at("outcome"), "error") << r.out;
  EXPECT_EQ("iosctl: error: " + doc.at("error").get<std::string>() + "\n", r.err);
}

TEST(JsonOutput, MissingFileIsOneDocument) {
  // check --json of a file that is not there: exit 1 and one document.
  const test::CliResult r = test::run_iosctl({"--json", "check", "/nonexistent/r1.cfg"});
  EXPECT_EQ(r.exit_code, 1);
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("exit_code"), 1);
  EXPECT_EQ("iosctl: error: " + doc.at("error").get<std::string>() + "\n", r.err);
}

TEST(JsonOutput, UnreachableIsOneDocument) {
  // A device that cannot be reached: exit 6, one document, nothing else.
  const std::filesystem::path file = std::filesystem::temp_directory_path() / "iosctl_json.cfg";
  std::ofstream(file) << "version 17.3\nhostname r1\nend\n";
  const test::CliResult r =
      test::run_iosctl_unreachable({"--json", "-H", "r1", "compare", file.string()});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_TRUE(config::is_json_document(r.out)) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("exit_code"), 6) << r.out;
  std::filesystem::remove(file);
}

TEST(JsonOutput, Latin1CheckFindingIsEscaped) {
  // A finding quoting a Latin-1 line comes out as \udcXX in one document.
  const std::filesystem::path file = std::filesystem::temp_directory_path() / "iosctl_latin1.cfg";
  std::ofstream(file, std::ios::binary)
      << "version 17.3\nhostname r1\nusername caf\xe9 secret 9 <redacted>\nend\n";
  const test::CliResult r = test::run_iosctl({"--json", "check", file.string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(config::is_json_document(r.out)) << r.out;
  EXPECT_NE(r.out.find("'username caf\\udce9 secret 9 <redacted>' holds the redaction"),
            std::string::npos)
      << r.out;
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace iosctl::cli
