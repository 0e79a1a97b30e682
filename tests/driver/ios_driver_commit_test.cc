// IosDriver::commit_config over a scripted device: file prompts, checkpoint,
// replace, classification, restore order and save.

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

constexpr std::string_view kCandidate = "version 17.3\nhostname r1\nntp server 192.0.2.1\nend\n";
constexpr const char* kReplace =
    "configure replace bootflash:/candidate_config.txt force revert trigger error";

// One exchange: the command, its echo, its output and the prompt `host#`.
std::string says(const std::string& command, const std::string& output,
                 const std::string& prompt = "r1#") {
  return "> " + command + "\n" + command + "\n" + output + prompt + "\\c\n";
}

// One config-mode line sent as `lines` in config mode, accepted, on `host`.
std::string configures(const std::string& line, const std::string& host = "r1") {
  return says("configure terminal", "Enter configuration commands, one per line.\n",
              host + "(config)#") +
         says(line, "", host + "(config)#") + says("end", "", host + "#");
}

std::string loaded_and_compared(const std::string& device_diff) {
  return says("dir",
              "Directory of bootflash:/\n\n1940303872 bytes total (1036210176 bytes free)\n") +
         says("show running-config | include ip scp server enable", "ip scp server enable\n") +
         says("verify /md5 bootflash:/candidate_config.txt",
              "verify /md5 (bootflash:/candidate_config.txt) = " + md5_hex(kCandidate) + "\n") +
         says(
             "show archive config differences system:running-config "
             "bootflash:/candidate_config.txt",
             "!Contextual Config Diffs:\n" + device_diff + "\n") +
         says("show running-config",
              "Building configuration...\n\nCurrent configuration : 40 bytes\n!\nversion "
              "17.3\nhostname r1\nend\n\n");
}

// `show configuration lock` with nobody holding the lock.
std::string lock_free() {
  return says("show configuration lock",
              "\nParser Configure Lock\n---------------------\nOwner PID         : -1\n"
              "User              : unknown\nTTY               : -1\nType              : NO LOCK\n"
              "State             : FREE\n\n");
}

// No pending commit, no lock, quiet mode added, the checkpoint taken, quiet
// mode removed again: everything before the replace.
std::string prepared() {
  return says("show archive config rollback timer", "%No Rollback Confirmed Change pending\n") +
         lock_free() + says("show running-config | include file prompt", "") +
         configures("file prompt quiet") +
         says("copy running-config bootflash:/rollback_config.txt",
              "2210 bytes copied in 0.100 secs (22100 bytes/sec)\n") +
         configures("no file prompt quiet");
}

class FakeTransfer : public FileTransfer {
 public:
  void push(std::string_view, const ios::DevicePath&) override { ++pushes; }
  int pushes = 0;
};

dialog::PlatformProfile bare() {
  dialog::PlatformProfile profile = platform_profile("cisco_ios");
  profile.prepare.clear();
  return profile;
}

struct Fixture {
  explicit Fixture(const std::string& rest)
      : stream(">\n\nr1#\\c\n" +
               loaded_and_compared(rest.empty() ? "!No changes were found\n"
                                                : "+ntp server 192.0.2.1\n") +
               rest),
        driver(stream, bare(), {}),
        ios(driver, transfer) {
    driver.open();
    ios.load_replace_candidate(kCandidate);
  }
  test::ScriptedStream stream;
  GenericDriver driver;
  FakeTransfer transfer;
  IosDriver ios;
};

Failure failure_of(Fixture& f, const CommitOptions& options, std::string& message) {
  try {
    f.ios.commit_config(options);
  } catch (const Error& e) {
    message = e.what();
    return e.failure();
  }
  ADD_FAILURE() << "no error";
  return Failure::internal;
}

TEST(IosDriverCommit, NoDifferenceTouchesNothing) {
  // Without a difference no checkpoint, no file prompt change and no save is sent.
  Fixture f("");
  const CommitResult r = f.ios.commit_config({});
  EXPECT_FALSE(r.changed);
  EXPECT_FALSE(r.saved);
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(IosDriverCommit, AppliedReplaceLearnsTheNewHostnameAndSavesLast) {
  // The replace renames the device; quiet mode was removed before it, so
  // neither the archive copy nor `write memory` holds it.
  Fixture f(prepared() + says(kReplace, "Total number of passes: 1\nRollback Done\n\n", "r2#") +
            says("write memory", "Building configuration...\n[OK]\n", "r2#"));
  const CommitResult r = f.ios.commit_config({});
  EXPECT_TRUE(r.changed);
  EXPECT_TRUE(r.saved);
  EXPECT_EQ(r.prompt, "r2#");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(IosDriverCommit, RevertedReplaceQuotesTheFailingLine) {
  // A reverted replace is Failure::reverted naming the line, and nothing is saved.
  Fixture f(prepared() +
            says(kReplace,
                 "Failed to apply command adfjasdfadfa\nAborting Rollback.\n\nTotal number of "
                 "passes: 0\nRollback Done\n\nThe original configuration has been successfully "
                 "restored.\n"));
  std::string message;
  EXPECT_EQ(failure_of(f, {}, message), Failure::reverted);
  EXPECT_EQ(message,
            "failed to apply 'adfjasdfadfa'; the device restored its original config: fix the "
            "candidate and run again");
  EXPECT_EQ(f.ios.failing_lines(), std::vector<std::string>{"adfjasdfadfa"});
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

TEST(IosDriverCommit, AbortedReplaceIsUncertainAndNamesTheCheckpoint) {
  // Without auto-rollback a partial apply is Failure::uncertain with the next step.
  Fixture f(prepared() +
            says("configure replace bootflash:/candidate_config.txt force",
                 "Rollback aborted after 5 passes\nThe following commands are failed to apply "
                 "to the IOS image.\n********\nadfjasdfadfa\n********\n\n"));
  std::string message;
  CommitOptions options;
  options.auto_rollback = false;
  EXPECT_EQ(failure_of(f, options, message), Failure::uncertain);
  EXPECT_EQ(message,
            "rollback aborted, failed to apply 'adfjasdfadfa'; the device is partly changed: "
            "'iosctl rollback' restores the checkpoint");
}

TEST(IosDriverCommit, ArchiveOffIsInvalidAndUnchanged) {
  // Without an archive the replace refuses; the user is told the device is unchanged.
  Fixture f(prepared() +
            says(kReplace, "%Please turn config archive on before using the rollback feature.\n"));
  std::string message;
  EXPECT_EQ(failure_of(f, {}, message), Failure::invalid);
  EXPECT_EQ(message,
            "auto-rollback and confirmed commits need the config archive; the device is "
            "unchanged: configure 'archive' with ' path bootflash:archive' or use "
            "--no-auto-rollback");
}

TEST(IosDriverCommit, AnotherSessionsLockRefusesBeforeAnyChange) {
  // The lock is read before the file prompt or the checkpoint: nothing is sent after it.
  Fixture f(says("show archive config rollback timer", "%No Rollback Confirmed Change pending\n") +
            says("show configuration lock",
                 "Parser Configure Lock\nOwner PID : 107\nUser : alice\nTTY : 7\n"
                 "Type : EXCLUSIVE\nState : LOCKED\n"));
  std::string message;
  EXPECT_EQ(failure_of(f, {}, message), Failure::invalid);
  EXPECT_EQ(message,
            "the configuration is locked by user 'alice' on line 7; the device is unchanged: run "
            "again once they leave configuration mode");
}

TEST(IosDriverCommit, RefusedCheckpointRestoresFilePromptsAndReplacesNothing) {
  // A failed checkpoint copy stops before the replace; quiet mode is removed again.
  Fixture f(says("show archive config rollback timer", "%No Rollback Confirmed Change pending\n") +
            lock_free() + says("show running-config | include file prompt", "") +
            configures("file prompt quiet") +
            says("copy running-config bootflash:/rollback_config.txt",
                 "%Error opening bootflash:/rollback_config.txt (No space left on device)\n") +
            configures("no file prompt quiet"));
  std::string message;
  EXPECT_EQ(failure_of(f, {}, message), Failure::invalid);
  EXPECT_EQ(message,
            "'copy running-config bootflash:/rollback_config.txt' was rejected: %Error opening "
            "bootflash:/rollback_config.txt (No space left on device)");
  EXPECT_TRUE(f.stream.finished()) << f.stream.remaining();
}

}  // namespace
}  // namespace iosctl::driver
