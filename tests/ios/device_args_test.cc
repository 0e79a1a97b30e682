// The typed device-command arguments: every rule, and the messages word for word.

#include "iosctl/ios/device_args.h"

#include "iosctl/error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::ios {
namespace {

// The message of the Error{usage} `make` throws; "" when it throws nothing.
template <typename Make>
std::string refusal(Make make) {
  try {
    make();
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::usage);
    return e.what();
  }
  return "";
}

std::string file_system_refusal(std::string_view value) {
  return refusal([&] { FileSystem(value, "--dest-file-system"); });
}

std::string file_name_refusal(std::string_view value) {
  return refusal([&] { FileName(value, "--candidate-file"); });
}

std::string command_refusal(std::string_view value) {
  return refusal([&] { CliCommand(value, "send-command"); });
}

std::string config_refusal(const std::vector<std::string>& lines) {
  return refusal([&] {
    config_lines(lines, [](std::size_t i) { return "f.txt:" + std::to_string(i + 1) + ":"; });
  });
}

TEST(ShownValue, ControlBytesAreEscapedAndLongValuesCut) {
  // Nothing raw reaches a message: named escapes, \xNN for the rest, cut at 60 bytes.
  EXPECT_EQ(shown_value("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(shown_value(std::string("x\0y", 3)), "x\\0y");
  EXPECT_EQ(shown_value("\x1b[2J\x7f\xc3\xa9\\"), "\\x1b[2J\\x7f\\xc3\\xa9\\\\");
  EXPECT_EQ(shown_value(std::string(100'000, 'A')), std::string(60, 'A') + "...");
  EXPECT_EQ(shown_value(std::string(60, 'A')), std::string(60, 'A'));
}

TEST(FileSystemArg, AcceptsDeviceFileSystems) {
  // Letters, digits and '-' ending in ':'.
  for (const char* fs : {"flash:", "bootflash:", "usb0:", "stby-bootflash:", "disk0:"}) {
    EXPECT_EQ(FileSystem(fs, "--dest-file-system").str(), fs);
  }
}

TEST(FileSystemArg, RefusesEverythingElseWordForWord) {
  // The original attack, then each broken rule: the same one-line message, value escaped.
  EXPECT_EQ(file_system_refusal("bootflash:\nconfigure terminal\nusername evil privilege 15 "
                                "secret x\nend"),
            "--dest-file-system 'bootflash:\\nconfigure terminal\\nusername evil privilege 15 "
            "sec...': a file system is up to 32 letters, digits and '-' ending in ':' (e.g. "
            "bootflash:)");
  const std::string rule = std::string("': ") + std::string(kFileSystemRule);
  EXPECT_EQ(file_system_refusal("flash"), "--dest-file-system 'flash" + rule);
  EXPECT_EQ(file_system_refusal(":"), "--dest-file-system ':" + rule);
  EXPECT_EQ(file_system_refusal(""), "--dest-file-system '" + rule);
  EXPECT_EQ(file_system_refusal("flash:/x"), "--dest-file-system 'flash:/x" + rule);
  EXPECT_EQ(file_system_refusal("fl ash:"), "--dest-file-system 'fl ash:" + rule);
  EXPECT_EQ(file_system_refusal("flash:\r"), "--dest-file-system 'flash:\\r" + rule);
  EXPECT_EQ(file_system_refusal("fl?:"), "--dest-file-system 'fl?:" + rule);
  EXPECT_EQ(file_system_refusal(std::string(32, 'a') + ":"),
            "--dest-file-system '" + std::string(32, 'a') + ":" + rule);
  EXPECT_EQ(file_system_refusal(std::string(31, 'a') + ":"), "");
}

TEST(FileSystemArg, FromDeviceOutputIsNulloptWhenInvalid) {
  // A name read from `dir` goes through the same rule, without throwing.
  EXPECT_EQ(FileSystem::from("bootflash:")->str(), "bootflash:");
  EXPECT_FALSE(FileSystem::from("flash:\x1b"));
  EXPECT_FALSE(FileSystem::from("flash"));
}

TEST(FileNameArg, AcceptsPlainNames) {
  // Letters, digits, '.', '_' and '-'.
  for (const char* name : {"candidate_config.txt", "r1-2024.cfg", "_x", "A9"}) {
    EXPECT_EQ(FileName(name, "--candidate-file").str(), name);
  }
}

TEST(FileNameArg, RefusesPathsSpacesQuotesHelpAndControlBytes) {
  // Each broken rule gives the same message with the value escaped.
  const std::string rule = std::string("': ") + std::string(kFileNameRule);
  EXPECT_EQ(file_name_refusal("x.txt\nwrite memory"),
            "--candidate-file 'x.txt\\nwrite memory': a file name is up to 128 letters, digits, "
            "'.', '_' and '-', with no path, not starting with '.' or '-' (e.g. "
            "candidate_config.txt)");
  for (const char* bad : {"", "a/b", "flash:x", "x y", "x'y", "x\"y", "x?", "x\ty", ".hidden",
                          "..", "-x", "x|y", "x\\y"}) {
    EXPECT_EQ(file_name_refusal(bad), "--candidate-file '" + shown_value(bad) + rule) << bad;
  }
  EXPECT_EQ(file_name_refusal(std::string("x\0y", 3)), "--candidate-file 'x\\0y" + rule);
  EXPECT_EQ(file_name_refusal(std::string(129, 'a')),
            "--candidate-file '" + std::string(60, 'a') + "..." + rule);
  EXPECT_EQ(file_name_refusal(std::string(128, 'a')), "");
}

TEST(DevicePathArg, JoinsFileSystemAndName) {
  // `FS/NAME`, and text joins it as a string.
  const DevicePath path(FileSystem("flash:", "t"), FileName("c.txt", "t"));
  EXPECT_EQ(path.str(), "flash:/c.txt");
  EXPECT_EQ("verify /md5 " + path, "verify /md5 flash:/c.txt");
  EXPECT_EQ(path + " running-config", "flash:/c.txt running-config");
}

TEST(CliCommandArg, AcceptsOnePrintableLine) {
  // Pipes, UTF-8 and 4096 characters are fine.
  EXPECT_EQ(CliCommand("show run | include caf\xc3\xa9", "send-command").str(),
            "show run | include caf\xc3\xa9");
  EXPECT_EQ(command_refusal(std::string(4096, 'x')), "");
}

TEST(CliCommandArg, RefusesControlBytesHelpAndLength) {
  // Newline, CR, NUL, ESC, TAB, DEL, `?` and 4097 characters: one message.
  const std::string rule = std::string("': ") + std::string(kCliCommandRule);
  EXPECT_EQ(command_refusal("show clock\nreload"),
            "send-command 'show clock\\nreload': a command is one line of up to 4096 printable "
            "characters, without '?' (IOS answers '?' with help; give one command per argument)");
  for (const std::string& bad :
       {std::string("show\r"), std::string("show\0x", 6), std::string("show\x1b[A"),
        std::string("sh\tver"), std::string("show\x7f"), std::string("show ?"),
        std::string(4097, 'x')}) {
    EXPECT_EQ(command_refusal(bad), "send-command '" + shown_value(bad) + rule);
  }
}

TEST(ConfigLinesArg, PlainLinesTakePrintableCharactersAndTabs) {
  // TAB is kept (a certificate's `quit` line); each line stays as given.
  const std::vector<ConfigLine> lines = config_lines({"hostname r1", "  quit\t"}, {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(strings_of(lines), (std::vector<std::string>{"hostname r1", "  quit\t"}));
}

TEST(ConfigLinesArg, RefusesControlBytesHelpAndStrayEtxOutsideBanners) {
  // The line is named by `where`; the value escaped.
  const std::string rule = std::string("': ") + std::string(kConfigLineRule);
  EXPECT_EQ(config_refusal({"hostname r1", "ntp server 1.1.1.1\rwrite memory"}),
            "f.txt:2: 'ntp server 1.1.1.1\\rwrite memory': a config line is up to 4096 printable "
            "characters or TABs, with '?' only in a banner's text (write a banner's ETX delimiter "
            "as ^C, or send the file with commit --merge)");
  for (const std::string& bad :
       {std::string("description a\0b", 15), std::string("description \x1b"),
        std::string("description why?"), std::string("description \x03"),
        std::string(4097, 'x')}) {
    EXPECT_EQ(config_refusal({bad}), "f.txt:1: '" + shown_value(bad) + rule) << shown_value(bad);
  }
}

TEST(ConfigLinesArg, BannersKeepQuestionMarksButNotEtx) {
  // `banner motd ^C` opens text that may hold `?` up to its delimiter; ETX
  // (Ctrl-C at the CLI) is refused even as a delimiter.
  EXPECT_EQ(config_refusal({"banner motd ^C", "Who goes there?", "^C", "hostname r1"}), "");
  EXPECT_EQ(config_refusal({"banner motd \x03", "Who goes there?", "\x03"}),
            "f.txt:1: 'banner motd \\x03': " + std::string(kConfigLineRule));
  EXPECT_EQ(config_refusal({"banner login ^CAuthorised only?^C", "hostname r1"}), "");
  EXPECT_EQ(config_refusal({"banner exec #", "ok?", "#"}), "");
  // After the banner closes, the usual rules are back.
  EXPECT_EQ(config_refusal({"banner motd #", "hi", "#", "description x?"}),
            "f.txt:4: 'description x?': " + std::string(kConfigLineRule));
  // Control bytes other than TAB are refused inside a banner too.
  EXPECT_EQ(config_refusal({"banner motd ^C", "a\x1b[2Jb", "^C"}),
            "f.txt:2: 'a\\x1b[2Jb': " + std::string(kConfigLineRule));
}

TEST(SecretArg, RefusesControlBytesWithoutShowingTheValue) {
  // `enable` types the secret: one printable line; the message never holds it.
  EXPECT_EQ(refusal([] { check_secret("s3cr3t ?!", "--secret-env S"); }), "");
  EXPECT_EQ(refusal([] { check_secret("pw\nconfigure terminal", "--secret-env S"); }),
            "--secret-env S: an enable secret is one line of up to 4096 printable characters "
            "(the value is not shown)");
  EXPECT_EQ(refusal([] { check_secret(std::string(4097, 'x'), "x"); }),
            "x: " + std::string(kSecretRule));
}

}  // namespace
}  // namespace iosctl::ios
