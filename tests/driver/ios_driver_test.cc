// IosDriver's replace steps over a scripted device and a fake file transfer:
// offline checks first, prerequisites, MD5-skipped and real transfers, compare.

#include "iosctl/driver/ios_driver.h"

#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"
#include "support/scripted_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace iosctl::driver {
namespace {

using test::ScriptedStream;

constexpr std::string_view kLogin = ">\n\nr1#\\c\n";
constexpr std::string_view kCandidate = "version 17.3\nhostname r1\nntp server 192.0.2.1\nend\n";
constexpr std::string_view kDir =
    "> dir\ndir\nDirectory of bootflash:/\n\n"
    "   12  -rw-             2210  Dec 13 2016 11:36:36 -07:00  notes.txt\n\n"
    "1940303872 bytes total (1036210176 bytes free)\nr1#\\c\n";
constexpr std::string_view kScpOn =
    "> show running-config | include ip scp server enable\n"
    "show running-config | include ip scp server enable\nip scp server enable\nr1#\\c\n";
constexpr std::string_view kVerifyMissing =
    "> verify /md5 bootflash:/candidate_config.txt\nverify /md5 bootflash:/candidate_config.txt\n"
    "%Error opening bootflash:/candidate_config.txt (No such file or directory)\nr1#\\c\n";

std::string verify_found(std::string_view candidate) {
  return "> verify /md5 bootflash:/candidate_config.txt\n"
         "verify /md5 bootflash:/candidate_config.txt\n.....Done!\n"
         "verify /md5 (bootflash:/candidate_config.txt) = " +
         md5_hex(candidate) + "\nr1#\\c\n";
}

class FakeTransfer : public FileTransfer {
 public:
  void push(std::string_view bytes, const ios::DevicePath& remote_path) override {
    pushes.emplace_back(std::string(bytes), remote_path.str());
  }
  std::vector<std::pair<std::string, std::string>> pushes;
};

dialog::PlatformProfile bare() {
  dialog::PlatformProfile profile = platform_profile("cisco_ios");
  profile.prepare.clear();
  return profile;
}

struct Fixture {
  explicit Fixture(const std::string& rest)
      : stream(std::string(kLogin) + rest), driver(stream, bare(), {}), ios(driver, transfer) {
    driver.open();
  }
  ScriptedStream stream;
  GenericDriver driver;
  FakeTransfer transfer;
  IosDriver ios;
};

TEST(Md5Hex, KnownDigests) {
  // The digest matches the RFC 1321 test vectors.
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
}

TEST(IosDriver, CandidateErrorIsRefusedBeforeAnythingIsSent) {
  // A candidate without `end` is refused with its finding; no command goes out.
  Fixture f("");
  try {
    f.ios.load_replace_candidate("version 17.3\nhostname r1\n", "cand.cfg");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::invalid);
    EXPECT_NE(std::string(e.what()).find("cand.cfg:"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(f.stream.finished());
  EXPECT_TRUE(f.transfer.pushes.empty());
}

TEST(IosDriver, MissingScpServerNamesTheFix) {
  // Without `ip scp server enable` the load stops before any transfer.
  Fixture f(std::string(kDir) +
            "> show running-config | include ip scp server enable\n"
            "show running-config | include ip scp server enable\nr1#\\c\n");
  try {
    f.ios.load_replace_candidate(kCandidate);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::invalid);
    EXPECT_STREQ(e.what(),
                 "SCP is not enabled on the device: configure 'ip scp server enable' (or use "
                 "--inline-transfer) and run again");
  }
  EXPECT_TRUE(f.transfer.pushes.empty());
}

TEST(IosDriver, MissingFileIsCopiedAndVerified) {
  // A candidate not yet on flash goes out once, to the discovered file system.
  Fixture f(std::string(kDir) + std::string(kScpOn) + std::string(kVerifyMissing) +
            verify_found(kCandidate));
  const LoadedCandidate& c = f.ios.load_replace_candidate(kCandidate);
  EXPECT_TRUE(c.transferred);
  EXPECT_EQ(c.path.str(), "bootflash:/candidate_config.txt");
  ASSERT_EQ(f.transfer.pushes.size(), 1u);
  EXPECT_EQ(f.transfer.pushes[0].first, kCandidate);
  EXPECT_EQ(f.transfer.pushes[0].second, "bootflash:/candidate_config.txt");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(IosDriver, MatchingMd5SkipsTheTransfer) {
  // The same bytes already on flash are not copied again.
  Fixture f(std::string(kDir) + std::string(kScpOn) + verify_found(kCandidate));
  const LoadedCandidate& c = f.ios.load_replace_candidate(kCandidate);
  EXPECT_FALSE(c.transferred);
  EXPECT_TRUE(f.transfer.pushes.empty());
}

TEST(IosDriver, CrLfCandidateIsRepairedBeforeTheCopy) {
  // CRLF line endings are repaired: the device gets LF bytes.
  Fixture f(std::string(kDir) + std::string(kScpOn) + std::string(kVerifyMissing) +
            verify_found(kCandidate));
  const LoadedCandidate& c = f.ios.load_replace_candidate(
      "version 17.3\r\nhostname r1\r\nntp server 192.0.2.1\r\nend\r\n", {});
  EXPECT_FALSE(c.repaired.empty());
  ASSERT_EQ(f.transfer.pushes.size(), 1u);
  EXPECT_EQ(f.transfer.pushes[0].first, kCandidate);
}

TEST(IosDriver, TooLittleFreeSpaceIsRefused) {
  // A file system with less free space than the candidate is refused, naming it.
  Fixture f("> dir\ndir\nDirectory of flash:/\n\n1000 bytes total (10 bytes free)\nr1#\\c\n");
  try {
    f.ios.load_replace_candidate(kCandidate);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::invalid);
    EXPECT_STREQ(e.what(),
                 "flash: has 10 bytes free but the candidate needs 50: delete files from flash: "
                 "first");
  }
}

TEST(IosDriver, CompareGivesDeviceAndLocalDiffs) {
  // The device's diff is normalised; the local diff sees the same added line.
  Fixture f(std::string(kDir) + std::string(kScpOn) + verify_found(kCandidate) +
            "> show archive config differences system:running-config "
            "bootflash:/candidate_config.txt\n"
            "show archive config differences system:running-config "
            "bootflash:/candidate_config.txt\n"
            "!Contextual Config Diffs:\n+ntp server 192.0.2.1\n\nr1#\\c\n"
            "> show running-config\nshow running-config\nBuilding configuration...\n\n"
            "Current configuration : 40 bytes\n!\nversion 17.3\nhostname r1\nend\n\nr1#\\c\n");
  f.ios.load_replace_candidate(kCandidate);
  const Comparison c = f.ios.compare_config();
  EXPECT_EQ(c.device, "+ntp server 192.0.2.1\n");
  ASSERT_EQ(c.local.added.size(), 1u);
  EXPECT_EQ(c.local.added[0].text, "ntp server 192.0.2.1");
  EXPECT_TRUE(c.local.removed.empty());
}

}  // namespace
}  // namespace iosctl::driver
