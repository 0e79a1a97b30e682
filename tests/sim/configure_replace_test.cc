#include "iosctl/sim/device.h"
#include "sim/replace_harness.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

TEST(ConfigureReplace, SameConfigTakesNoPass) {
  // ios-samples/configure_replace_force_no_changes.txt: 0 passes, a blank line, the prompt.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:candidate.cfg", small_config());
  Terminal t(device);
  const std::string out = t.type("configure replace bootflash:candidate.cfg force");
  EXPECT_EQ(device.running_config(), small_config());
  EXPECT_EQ(out,
            "configure replace bootflash:candidate.cfg force\r\n"
            "Total number of passes: 0\r\nRollback Done\r\n\r\nr1#");
}

TEST(ConfigureReplace, TheReplacedConfigReachesTheStateStore) {
  // iosim --state-dir saves on on_change; state() then holds the new running config.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:candidate.cfg", small_config("", "r2"));
  int changes = 0;
  device.set_on_change([&changes] { ++changes; });
  Terminal(device).type("configure replace bootflash:candidate.cfg force");
  EXPECT_EQ(device.state().running_config, small_config("", "r2"));
  EXPECT_EQ(changes, 1);
}

TEST(ConfigureReplace, RealisticChangeSetEndsEqualToTheCandidate) {
  // The 16 deliberate changes of fixtures/configs (ACL insert, class swap, banner, ...) in one
  // pass.
  FakeClock clock;
  sim::Device device(replace_setup(read_fixture("configs/iosxe-16.12-edge.running.cfg"), clock));
  const std::string candidate = read_fixture("configs/iosxe-16.12-edge.candidate.cfg");
  device.write_file("bootflash:candidate.cfg", candidate);
  Terminal t(device);
  const std::string out = t.type("configure replace bootflash:candidate.cfg force");
  EXPECT_EQ(config_difference(device.running_config(), candidate), "");
  EXPECT_EQ(out,
            "configure replace bootflash:candidate.cfg force\r\n"
            "Total number of passes: 1\r\nRollback Done\r\n\r\nedge1#");
}

TEST(ConfigureReplace, NewHostnameIsThePromptAtOnce) {
  // IOS_BEHAVIOR.md 1.1 / napalm-ios #121: the next prompt already has the new name.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:candidate.cfg", small_config("", "edge7"));
  Terminal t(device);
  const std::string out = t.type("configure replace bootflash:candidate.cfg force");
  EXPECT_EQ(device.hostname(), "edge7");
  EXPECT_EQ(out,
            "configure replace bootflash:candidate.cfg force\r\n"
            "Total number of passes: 1\r\nRollback Done\r\n\r\nedge7#");
}

TEST(ConfigureReplace, InvalidLineAbortsAfterFivePassesKeepingTheValidPart) {
  // IOS_BEHAVIOR.md 7.3: a line the grammar rejects stays in every pass's configlet.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:candidate.cfg",
                    small_config("adfjasdfadfa\nlogging buffered 64000\n"));
  Terminal t(device);
  const std::string out = t.type("configure replace bootflash:candidate.cfg force");
  EXPECT_EQ(device.running_config(), small_config("logging buffered 64000\n"));
  EXPECT_EQ(out,
            "configure replace bootflash:candidate.cfg force\r\n"
            "The rollback configlet from the last pass is listed below:\r\n********\r\n"
            "!List of Rollback Commands:\r\nadfjasdfadfa\r\nend\r\n********\r\n\r\n\r\n"
            "Rollback aborted after 5 passes\r\n"
            "The following commands are failed to apply to the IOS image.\r\n********\r\n"
            "adfjasdfadfa\r\n********\r\n\r\n\r\nr1#");
}

TEST(ConfigureReplace, LicenseUdiOfAnotherBoxCannotBeReplaced) {
  // The 16.12.3 replay: `no license udi ...` then the new line, which fails in every pass.
  FakeClock clock;
  sim::Device device(
      replace_setup(small_config("license udi pid CSR1000V sn 9FK0UZW73QE\n"), clock));
  device.write_file("bootflash:candidate.cfg",
                    small_config("license udi pid CSR1000V sn 9MVVU09YZFH\n"));
  Terminal t(device);
  const std::string out = t.type("configure replace bootflash:candidate.cfg force");
  EXPECT_EQ(device.running_config(), small_config("license udi pid CSR1000V sn 9FK0UZW73QE\n"));
  EXPECT_EQ(out,
            "configure replace bootflash:candidate.cfg force\r\n"
            "The rollback configlet from the last pass is listed below:\r\n********\r\n"
            "!List of Rollback Commands:\r\nno license udi pid CSR1000V sn 9FK0UZW73QE\r\n"
            "license udi pid CSR1000V sn 9MVVU09YZFH\r\nend\r\n********\r\n\r\n\r\n"
            "Rollback aborted after 5 passes\r\n"
            "The following commands are failed to apply to the IOS image.\r\n********\r\n"
            "license udi pid CSR1000V sn 9MVVU09YZFH\r\n********\r\n\r\n\r\nr1#");
}

TEST(ConfigureReplace, RevertTriggerErrorRestoresTheOriginal) {
  // IOS_BEHAVIOR.md 7.4: the failing sub-command keeps its indentation; the archive copy returns.
  FakeClock clock;
  const std::string original = small_config(kArchiveBlock);
  sim::Device device(replace_setup(original, clock));
  std::string candidate = small_config(kArchiveBlock);
  candidate.replace(candidate.find(" description uplink"), 19, " description core\n bogus 1");
  device.write_file("bootflash:candidate.cfg", candidate);
  Terminal t(device);
  const std::string out =
      t.type("configure replace bootflash:candidate.cfg force revert trigger error");
  EXPECT_EQ(device.running_config(), original);
  EXPECT_EQ(out,
            "configure replace bootflash:candidate.cfg force revert trigger error\r\n\r\n\r\n"
            "Failed to apply command  bogus 1\r\nAborting Rollback.\r\n\r\n"
            "Rollback failed.Reverting back to the original configuration: "
            "bootflash:archive-Mar-11-14-27-51.000-0 ...\r\n\r\n\r\n"
            "Total number of passes: 1\r\nRollback Done\r\n\r\n"
            "The original configuration has been successfully restored.\r\n\r\nr1#");
}

TEST(ConfigureReplace, RevertTriggerErrorThatSucceedsSaysNoErrorWord) {
  // napalm fails a replace whose output holds `error` or `failed`, echo aside.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(kArchiveBlock), clock));
  device.write_file("bootflash:candidate.cfg", small_config(kArchiveBlock, "r2"));
  Terminal t(device);
  const std::string command =
      "configure replace bootflash:candidate.cfg force revert trigger error";
  const std::string out = t.type(command);
  EXPECT_EQ(device.hostname(), "r2");
  EXPECT_EQ(out, command + "\r\n\r\n\r\nTotal number of passes: 1\r\nRollback Done\r\n\r\nr2#");
}

TEST(ConfigureReplace, WithoutForceAsksAndOnlyYesApplies) {
  // IOS_BEHAVIOR.md 7.1: the `[no]` question; Enter (or anything but Y) keeps the config.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:candidate.cfg", small_config("", "r2"));
  Terminal t(device);
  const std::string question =
      "configure replace bootflash:candidate.cfg\r\n"
      "This will apply all necessary additions and deletions\r\n"
      "to replace the current running configuration with the\r\n"
      "contents of the specified configuration file, which is\r\n"
      "assumed to be a complete configuration, not a partial\r\n"
      "configuration. Enter Y if you are sure you want to proceed. ? [no]: ";
  EXPECT_EQ(t.type("configure replace bootflash:candidate.cfg"), question);
  EXPECT_EQ(t.type(""), "\r\nr1#");
  EXPECT_EQ(t.type("configure replace bootflash:candidate.cfg"), question);
  EXPECT_EQ(t.type("n"), "n\r\nr1#");
  EXPECT_EQ(device.hostname(), "r1");
  t.type("configure replace bootflash:candidate.cfg");
  EXPECT_EQ(t.type("Y"), "Y\r\nTotal number of passes: 1\r\nRollback Done\r\n\r\nr2#");
  EXPECT_EQ(device.hostname(), "r2");
}

TEST(ConfigureReplace, FileWithoutVersionOrEndIsNotAConfigFile) {
  // IOS_BEHAVIOR.md 7.5: nothing is applied.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:noversion.cfg", "hostname r9\nend\n");
  device.write_file("bootflash:noend.cfg", "version 16.12\nhostname r9\n");
  Terminal t(device);
  EXPECT_EQ(t.type("configure replace bootflash:noversion.cfg force"),
            "configure replace bootflash:noversion.cfg force\r\n"
            "%The input file is not a valid config file.\r\nr1#");
  EXPECT_EQ(t.type("configure replace bootflash:noend.cfg force"),
            "configure replace bootflash:noend.cfg force\r\n"
            "%The input file is not a valid config file.\r\nr1#");
  EXPECT_EQ(device.running_config(), small_config());
}

TEST(ConfigureReplace, MissingFileIsAnOpenError) {
  // IOS_BEHAVIOR.md 7.5 / 8: the classic `%Error opening` line.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  Terminal t(device);
  EXPECT_EQ(t.type("configure replace flash:/nope.cfg force"),
            "configure replace flash:/nope.cfg force\r\n"
            "%Error opening flash:/nope.cfg (No such file or directory)\r\nr1#");
}

TEST(ConfigureReplace, RevertOptionsNeedTheArchive) {
  // IOS_BEHAVIOR.md 7.4: `%Please turn config archive on`, and nothing is applied.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:candidate.cfg", small_config("", "r2"));
  Terminal t(device);
  for (std::string_view options : {"force revert trigger error", "force time 2",
                                   "force revert timer 5", "force revert trigger error timer 3"}) {
    const std::string command = "configure replace bootflash:candidate.cfg " + std::string(options);
    EXPECT_EQ(
        t.type(command),
        command + "\r\n%Please turn config archive on before using the rollback feature.\r\nr1#");
  }
  EXPECT_EQ(device.hostname(), "r1");
}

TEST(ConfigureReplace, BadOptionsGetIosErrors) {
  // A caret under the first character no option matches; a missing minute count is incomplete.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  device.write_file("bootflash:candidate.cfg", small_config());
  Terminal t(device);
  EXPECT_EQ(t.type("configure replace bootflash:candidate.cfg forcx"),
            "configure replace bootflash:candidate.cfg forcx\r\n"
            "                                                 ^\r\n"
            "% Invalid input detected at '^' marker.\r\n\r\nr1#");
  EXPECT_EQ(t.type("configure replace bootflash:candidate.cfg force time 121"),
            "configure replace bootflash:candidate.cfg force time 121\r\n"
            "                                                        ^\r\n"
            "% Invalid input detected at '^' marker.\r\n\r\nr1#");
  EXPECT_EQ(t.type("configure replace bootflash:candidate.cfg force revert trigger"),
            "configure replace bootflash:candidate.cfg force revert trigger\r\n"
            "% Incomplete command.\r\n\r\nr1#");
}

TEST(ConfigureReplace, ListPrintsEachPass) {
  // IOS_BEHAVIOR.md 7.2: `!Pass 1`, the configlet under its parents, `end`, two empty lines.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(), clock));
  std::string candidate = small_config("logging buffered 64000\n");
  candidate.replace(candidate.find("uplink"), 6, "core");
  device.write_file("bootflash:candidate.cfg", candidate);
  Terminal t(device);
  EXPECT_EQ(t.type("configure replace bootflash:candidate.cfg force list"),
            "configure replace bootflash:candidate.cfg force list\r\n"
            "!Pass 1\r\n!List of Rollback Commands:\r\ninterface GigabitEthernet1\r\n"
            " description core\r\nlogging buffered 64000\r\nend\r\n\r\n\r\n"
            "Total number of passes: 1\r\nRollback Done\r\n\r\nr1#");
  EXPECT_EQ(device.running_config(), candidate);
}

TEST(ConfigureReplace, RemovingAUserAsksNothing) {
  // `no username X` asks `[confirm]` at the terminal; a replace answers it itself.
  FakeClock clock;
  sim::Device device(
      replace_setup(small_config("username old privilege 15 secret 9 $9$abc\n"), clock));
  device.write_file("bootflash:candidate.cfg", small_config());
  Terminal t(device);
  EXPECT_EQ(t.type("configure replace bootflash:candidate.cfg force"),
            "configure replace bootflash:candidate.cfg force\r\n"
            "Total number of passes: 1\r\nRollback Done\r\n\r\nr1#");
  EXPECT_EQ(device.running_config(), small_config());
}

TEST(ConfigureReplace, NapalmSpellingsAreAccepted) {
  // napalm sends `force revert trigger error timer N` and `force revert timer N`.
  FakeClock clock;
  sim::Device device(replace_setup(small_config(kArchiveBlock), clock));
  device.write_file("bootflash:candidate.cfg", small_config(kArchiveBlock));
  Terminal t(device);
  const std::string out =
      t.type("configure replace bootflash:candidate.cfg force revert trigger error timer 5");
  EXPECT_EQ(out.substr(out.find("\r\n") + 2),
            "Rollback Confirmed Change: Backing up current running config to "
            "bootflash:archive-Mar-11-14-27-51.000-0\r\n\r\n"
            "Total number of passes: 0\r\nRollback Done\r\n\r\nr1#");
  t.type("configure confirm");
  const std::string again =
      t.type("configure replace bootflash:candidate.cfg force revert timer 5");
  EXPECT_NE(again.find("Rollback Done"), std::string::npos) << again;
}

}  // namespace
}  // namespace iosctl::test
