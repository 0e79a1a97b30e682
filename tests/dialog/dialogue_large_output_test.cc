#include "iosctl/dialog/dialogue.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

namespace iosctl::dialog {
namespace {

// A device that answers `show tech-support` with `total` bytes of 60-byte
// CRLF lines, handed out in reads of `chunk` bytes (cut anywhere in a line),
// then its prompt. Built on the fly: no transcript file of that size.
class BigOutputStream : public Stream {
 public:
  BigOutputStream(std::size_t total, std::size_t chunk) : total_(total), chunk_(chunk) {
    for (int i = 0; block_.size() < (1u << 20); ++i) {
      std::string line = "interface GigabitEthernet0/0/" + std::to_string(i % 1000) + " up up";
      line.resize(58, '.');
      block_ += line + "\r\n";
    }
  }

  void write(std::string_view bytes) override {
    if (bytes == "\n") pending_ += "\r\nr1#";
    if (bytes == "show tech-support\n") {
      pending_ += "show tech-support\r\n";
      streaming_ = true;
    }
  }

  std::string read(std::chrono::steady_clock::time_point) override {
    if (!pending_.empty()) return std::exchange(pending_, {});
    if (!streaming_) return {};
    if (sent_ == total_) {
      streaming_ = false;
      return "\r\nr1#";
    }
    const std::size_t n = std::min(chunk_, total_ - sent_);
    std::string out;
    out.reserve(n);
    for (std::size_t done = 0; done < n;) {
      const std::size_t at = (sent_ + done) % block_.size();
      const std::size_t take = std::min(n - done, block_.size() - at);
      out.append(block_, at, take);
      done += take;
    }
    sent_ += n;
    return out;
  }

  // Bytes of the output, line ends included, before the prompt.
  std::size_t total() const { return total_; }

 private:
  std::size_t total_;
  std::size_t chunk_;
  std::string block_;
  std::string pending_;
  bool streaming_ = false;
  std::size_t sent_ = 0;
};

// Runs the command and returns bytes examined while reading its reply.
std::uint64_t examined_for(BigOutputStream& stream, std::size_t& output_size) {
  PlatformProfile ios = driver::platform_profile("cisco_ios");
  ios.prepare.clear();
  Dialogue dialogue(stream, ios, {});
  dialogue.open();
  const std::uint64_t before = dialogue.bytes_examined();
  const CommandResult result = dialogue.send_command("show tech-support");
  output_size = result.output.size();
  EXPECT_EQ(result.error, std::nullopt);
  EXPECT_TRUE(result.output.starts_with("interface GigabitEthernet0/0/0 up up...."))
      << result.output.substr(0, 80);
  return dialogue.bytes_examined() - before;
}

TEST(DialogLargeOutput, FiftyMegabytesAreScannedInLinearTime) {
  // A 50 MB reply in 64 KiB reads: the matcher looks at the tail of each read
  // only, so it examines fewer bytes than arrived (a whole-buffer search per
  // read would examine about 20 GB).
  BigOutputStream stream((50u << 20) / 60 * 60, 64u << 10);
  std::size_t output_size = 0;
  const std::uint64_t examined = examined_for(stream, output_size);
  EXPECT_EQ(output_size, stream.total() / 60 * 59 + 1);  // CRLF -> LF, plus the blank line
  EXPECT_LE(examined, stream.total());
  EXPECT_GT(examined, 0u);
}

TEST(DialogLargeOutput, TinyReadsStayLinear) {
  // In 100-byte reads every byte may be looked at, but only a bounded number of times.
  BigOutputStream stream((1u << 20) / 60 * 60, 100);
  std::size_t output_size = 0;
  const std::uint64_t examined = examined_for(stream, output_size);
  EXPECT_EQ(output_size, stream.total() / 60 * 59 + 1);
  EXPECT_LE(examined, 3 * static_cast<std::uint64_t>(stream.total()));
}

}  // namespace
}  // namespace iosctl::dialog
