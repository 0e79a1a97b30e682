#include "iosctl/sim/scp_protocol.h"

#include <gtest/gtest.h>

#include <map>

namespace iosctl::sim {
namespace {

using namespace std::string_literals;

// A flash that records what the sink stored; refuses paths in `full`.
struct FakeFlash {
  std::map<std::string, std::string> files;
  std::string full;
  ScpStore store() {
    return [this](const std::string& path, std::string bytes) -> std::optional<std::string> {
      if (!full.empty() && path == full)
        return "%Error copying " + path + " (No space left on device)";
      files[path] = std::move(bytes);
      return std::nullopt;
    };
  }
};

TEST(ParseScpCommand, SinkAndSource) {
  // `-t` makes the device receive, `-f` send; the path is kept as written.
  const auto to = parse_scp_command("scp -t flash:/candidate_config.txt");
  ASSERT_TRUE(to);
  EXPECT_EQ(to->mode, ScpMode::sink);
  EXPECT_EQ(to->path, "flash:/candidate_config.txt");
  EXPECT_EQ(to->error, "");
  const auto from = parse_scp_command("scp -f bootflash:rollback_config.txt");
  ASSERT_TRUE(from);
  EXPECT_EQ(from->mode, ScpMode::source);
  EXPECT_EQ(from->path, "bootflash:rollback_config.txt");
}

TEST(ParseScpCommand, VerboseFlagAndDoubleDashAreAccepted) {
  // OpenSSH `scp -v` adds `-v`; a path starting with `-` comes after `--`.
  const auto command = parse_scp_command("scp -v -t -- flash:/x");
  ASSERT_TRUE(command);
  EXPECT_EQ(command->path, "flash:/x");
  EXPECT_EQ(command->error, "");
}

TEST(ParseScpCommand, QuotedAndUnquotedPathsWithSpaces) {
  // python-scp single-quotes unusual paths; OpenSSH sends them as typed.
  EXPECT_EQ(parse_scp_command("scp -t 'flash:/my file.txt'")->path, "flash:/my file.txt");
  EXPECT_EQ(parse_scp_command("scp -t flash:/my file.txt")->path, "flash:/my file.txt");
  EXPECT_EQ(parse_scp_command("scp -t \"flash:/a b\"")->path, "flash:/a b");
}

TEST(ParseScpCommand, PreserveAndDirectoryOptionsAreRefused) {
  // IOS answers `scp -t -d <dir>` with this text (IOS_BEHAVIOR.md 5).
  EXPECT_EQ(parse_scp_command("scp -t -d flash:")->error, "-p -d options not supported");
  EXPECT_EQ(parse_scp_command("scp -p -t flash:x")->error, "-p -d options not supported");
  EXPECT_EQ(parse_scp_command("scp -r -t flash:")->error, "-r option not supported");
}

TEST(ParseScpCommand, MalformedCommandsSayWhatIsMissing) {
  // Neither or both of -t/-f, or no path, are errors the client is shown.
  EXPECT_EQ(parse_scp_command("scp flash:x")->error, "need exactly one of -t and -f");
  EXPECT_EQ(parse_scp_command("scp -t -f flash:x")->error, "need exactly one of -t and -f");
  EXPECT_EQ(parse_scp_command("scp -t")->error, "need a file name");
}

TEST(ParseScpCommand, OtherCommandsAreNotScp) {
  // An exec of anything but scp is not an SCP transfer.
  EXPECT_FALSE(parse_scp_command("show version"));
  EXPECT_FALSE(parse_scp_command(""));
  EXPECT_TRUE(parse_scp_command("/usr/bin/scp -t flash:x"));
}

TEST(ScpSink, ReceivesOneFileByteExact) {
  // Ready byte, ack of the C line, ack after the data: the file is stored as sent.
  FakeFlash flash;
  ScpSink sink("flash:/candidate_config.txt", flash.store());
  EXPECT_EQ(sink.start(), "\0"s);
  EXPECT_EQ(sink.feed("C0644 8 local.cfg\n"), "\0"s);
  EXPECT_EQ(sink.feed("a\r\nb\0\x03z\n"s), "");
  EXPECT_EQ(sink.feed("\0"s), "\0"s);
  EXPECT_EQ(flash.files.at("flash:/candidate_config.txt"), "a\r\nb\0\x03z\n"s);
  EXPECT_EQ(sink.data_bytes(), 8u);
  EXPECT_FALSE(sink.failed());
  EXPECT_FALSE(sink.done());
}

TEST(ScpSink, AnyChunkingGivesTheSameResult) {
  // Bytes may arrive one by one; replies come out in the same order.
  FakeFlash flash;
  ScpSink sink("flash:/x", flash.store());
  const std::string stream = "C0644 5 x\nhello\0"s;
  std::string replies;
  for (char c : stream) replies += sink.feed(std::string(1, c));
  EXPECT_EQ(replies, "\0\0"s);
  EXPECT_EQ(flash.files.at("flash:/x"), "hello");
}

TEST(ScpSink, FileSystemTargetTakesTheSentName) {
  // `scp -t flash:` (or a folder ending in `/`) stores under the C line's name.
  FakeFlash flash;
  ScpSink bare("flash:", flash.store());
  bare.feed("C0644 1 a.txt\nA\0"s);
  ScpSink slash("bootflash:/", flash.store());
  slash.feed("C0644 1 b.txt\nB\0"s);
  EXPECT_EQ(flash.files.at("flash:a.txt"), "A");
  EXPECT_EQ(flash.files.at("bootflash:/b.txt"), "B");
}

TEST(ScpSink, EmptyFileIsStored) {
  // A zero-length file has no data bytes, only the end byte.
  FakeFlash flash;
  ScpSink sink("flash:/empty", flash.store());
  EXPECT_EQ(sink.feed("C0644 0 empty\n\0"s), "\0\0"s);
  EXPECT_EQ(flash.files.at("flash:/empty"), "");
}

TEST(ScpSink, StoreErrorIsSentAsScpError) {
  // The device's error text goes back after byte 1, and the sink reports failure.
  FakeFlash flash;
  flash.full = "flash:/big";
  ScpSink sink("flash:/big", flash.store());
  EXPECT_EQ(sink.feed("C0644 2 big\nxy\0"s),
            "\0\x01%Error copying flash:/big (No space left on device)\n"s);
  EXPECT_TRUE(sink.failed());
}

TEST(ScpSink, TimesLineIsAcknowledged) {
  // A `T` line (times) is accepted and ignored.
  FakeFlash flash;
  ScpSink sink("flash:/x", flash.store());
  EXPECT_EQ(sink.feed("T1700000000 0 1700000000 0\n"), "\0"s);
}

TEST(ScpSink, DirectoriesAndBadLinesEndTheTransfer) {
  // A `D` line or a malformed `C` line is a fatal error.
  FakeFlash flash;
  ScpSink folder("flash:", flash.store());
  EXPECT_EQ(folder.feed("D0755 0 dir\n"), "\x01scp: directories are not supported\n");
  EXPECT_TRUE(folder.done());
  ScpSink bad("flash:", flash.store());
  EXPECT_EQ(bad.feed("C0644 lots x\n"), "\x01scp: protocol error: bad file line\n");
  EXPECT_TRUE(bad.done());
  ScpSink escape("flash:", flash.store());
  EXPECT_EQ(escape.feed("C0644 1 ../x\n"), "\x01scp: protocol error: bad file line\n");
  EXPECT_TRUE(flash.files.empty());
}

TEST(ScpSink, ClientErrorAfterDataIsAnsweredAndNothingStored) {
  // OpenSSH sends `\1message\n` when its file read fails mid-way, then waits for us.
  FakeFlash flash;
  ScpSink sink("flash:/x", flash.store());
  EXPECT_EQ(sink.feed("C0644 3 x\nabc"), "\0"s);
  EXPECT_EQ(sink.feed("\x01scp: x: read error\n"), "\0"s);
  EXPECT_TRUE(flash.files.empty());
  EXPECT_TRUE(sink.failed());
}

TEST(ScpSink, FatalClientErrorEnds) {
  // Byte 2 from the client is fatal: nothing is answered.
  FakeFlash flash;
  ScpSink sink("flash:/x", flash.store());
  EXPECT_EQ(sink.feed("\x02scp: gone\n"), "");
  EXPECT_TRUE(sink.done());
}

TEST(ScpSource, SendsHeaderDataAndEndByteEachAfterAnAck) {
  // The client speaks first (byte 0), then acknowledges header and data.
  ScpSource source("flash:/rollback_config.txt", "abc\r\n"s);
  EXPECT_EQ(source.feed("\0"s), "C0644 5 rollback_config.txt\n");
  EXPECT_EQ(source.feed("\0"s), "abc\r\n\0"s);
  EXPECT_FALSE(source.done());
  EXPECT_EQ(source.feed("\0"s), "");
  EXPECT_TRUE(source.done());
  EXPECT_FALSE(source.failed());
}

TEST(ScpSource, NameWithoutSlashAfterFileSystem) {
  // `flash:x` names the file `x`.
  ScpSource source("flash:x.cfg", "1"s);
  EXPECT_EQ(source.feed("\0"s), "C0644 1 x.cfg\n");
}

TEST(ScpSource, MissingFileIsReportedInIosWords) {
  // IOS's wording for a file that is not there (IOS_BEHAVIOR.md 8).
  ScpSource source("flash:/nope", std::nullopt);
  EXPECT_EQ(source.feed("\0"s), "\x01%Error opening flash:/nope (No such file or directory)\n");
  EXPECT_TRUE(source.done());
  EXPECT_TRUE(source.failed());
}

TEST(ScpSource, ClientErrorEndsTheTransfer) {
  // The client refusing the file (`\1message\n`) ends it as failed.
  ScpSource source("flash:/x", "abc"s);
  source.feed("\0"s);
  EXPECT_EQ(source.feed("\x01scp: x: Permission denied\n"), "");
  EXPECT_TRUE(source.done());
  EXPECT_TRUE(source.failed());
}

}  // namespace
}  // namespace iosctl::sim
