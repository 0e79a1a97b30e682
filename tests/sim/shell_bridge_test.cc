#include "iosctl/sim/shell_bridge.h"

#include <gtest/gtest.h>

#include <vector>

namespace iosctl::sim {
namespace {

using std::chrono::milliseconds;
using Clock = ShellBridge::Clock;

// A CLI that echoes what it is given and answers each line end with
// `[N]` (N counting lines) and the prompt `r1#`; `exit` closes it.
class EchoCli : public CliSession {
 public:
  explicit EchoCli(std::vector<std::string>* inputs) : inputs_(inputs) {}
  std::string open() override { return "\r\nr1#"; }
  std::string input(std::string_view typed) override {
    inputs_->emplace_back(typed);
    if (typed.find_first_of("\r\n") == std::string_view::npos) {
      line_ += typed;
      return std::string(typed);
    }
    if (line_ == "exit") {
      closed_ = true;
      return "\r\n";
    }
    line_.clear();
    return "\r\n[" + std::to_string(++answers_) + "]\r\nr1#";
  }
  bool closed() const override { return closed_; }

 private:
  std::vector<std::string>* inputs_;
  std::string line_;
  int answers_ = 0;
  bool closed_ = false;
};

constexpr std::size_t kAll = 1 << 20;

struct Bridge {
  std::vector<std::string> inputs;
  ShellBridge bridge;
  explicit Bridge(ShellPacing pacing) : bridge(std::make_unique<EchoCli>(&inputs), pacing) {}
};

const Clock::time_point kStart = Clock::time_point() + std::chrono::hours(1);

TEST(ShellBridge, WithoutPacingAnswersAtOnce) {
  // No latency, no rate: the opening and each answer come out immediately.
  Bridge b({});
  b.bridge.open(kStart);
  EXPECT_EQ(b.bridge.take_output(kStart, kAll), "\r\nr1#");
  b.bridge.receive("show version\n", kStart);
  EXPECT_EQ(b.bridge.take_output(kStart, kAll), "show version\r\n[1]\r\nr1#");
  EXPECT_EQ(b.bridge.next_wakeup(), std::nullopt);
}

TEST(ShellBridge, LatencyDelaysTheAnswerButNotTheEcho) {
  // The text of a line is echoed at once; its line end is handed on `latency` later.
  Bridge b({milliseconds(100), 0});
  b.bridge.receive("show version\n", kStart);
  EXPECT_EQ(b.bridge.take_output(kStart, kAll), "show version");
  EXPECT_EQ(b.bridge.next_wakeup(), kStart + milliseconds(100));
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(99), kAll), "");
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(100), kAll), "\r\n[1]\r\nr1#");
}

TEST(ShellBridge, LatencyQueuesLinesOneAfterAnother) {
  // Two commands sent together are answered 100 ms and 200 ms later, in order.
  Bridge b({milliseconds(100), 0});
  b.bridge.receive("a\r\nb\r\n", kStart);
  EXPECT_EQ(b.bridge.take_output(kStart, kAll), "a");
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(100), kAll), "\r\n[1]\r\nr1#b");
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(199), kAll), "");
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(200), kAll), "\r\n[2]\r\nr1#");
  // A CR LF pair reaches the CLI as one line end.
  EXPECT_EQ(b.inputs, (std::vector<std::string>{"a", "\r\n", "b", "\r\n"}));
}

TEST(ShellBridge, SlowOutputIsReleasedAtTheRate) {
  // At 1000 bytes/s, 100 bytes take 100 ms: one byte at once, then in proportion.
  Bridge b({milliseconds(0), 1000});
  b.bridge.receive(std::string(100, 'x'), kStart);
  EXPECT_EQ(b.bridge.take_output(kStart, kAll).size(), 1u);
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(50), kAll).size(), 49u);
  EXPECT_EQ(b.bridge.next_wakeup(), kStart + milliseconds(70));
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(100), kAll).size(), 50u);
  EXPECT_EQ(b.bridge.next_wakeup(), std::nullopt);
}

TEST(ShellBridge, SlowOutputDoesNotSaveUpWhileIdle) {
  // A quiet spell earns no burst: output after a pause is paced from then on.
  Bridge b({milliseconds(0), 1000});
  b.bridge.receive("xx", kStart);
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(10), kAll), "x");
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(20), kAll), "x");
  b.bridge.receive(std::string(50, 'y'), kStart + milliseconds(5000));
  EXPECT_EQ(b.bridge.take_output(kStart + milliseconds(5000), kAll).size(), 1u);
}

TEST(ShellBridge, OutputRespectsTheWindow) {
  // No more than `max_bytes` (the SSH window) is handed out; the rest waits.
  Bridge b({});
  b.bridge.open(kStart);
  EXPECT_EQ(b.bridge.take_output(kStart, 2), "\r\n");
  EXPECT_EQ(b.bridge.take_output(kStart, kAll), "r1#");
}

TEST(ShellBridge, FinishedOnceClosedAndDrained) {
  // `exit` closes the CLI; the bridge is finished when its last bytes are taken.
  Bridge b({});
  b.bridge.receive("exit\n", kStart);
  EXPECT_FALSE(b.bridge.finished());
  EXPECT_EQ(b.bridge.take_output(kStart, 4), "exit");
  EXPECT_FALSE(b.bridge.finished());
  EXPECT_EQ(b.bridge.take_output(kStart, kAll), "\r\n");
  EXPECT_TRUE(b.bridge.finished());
  b.bridge.receive("more\n", kStart);
  EXPECT_EQ(b.bridge.take_output(kStart, kAll), "");
}

}  // namespace
}  // namespace iosctl::sim
