// The dialogue layer against a device that answers with any bytes: the
// prompt matcher, pager and question handling, echo removal and the reply
// buffer, over reads in arbitrary pieces (fuzz/input_split.h). Each read
// that finds nothing left ends by its deadline, on a clock that moves only
// when read.

#include "iosctl/dialog/dialogue.h"

#include "fuzz/input_split.h"
#include "fuzz/targets.h"
#include "iosctl/dialog/stream.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"

#include <chrono>

namespace iosctl::fuzz {
namespace {

using Clock = std::chrono::steady_clock;

class FuzzStream : public Stream {
 public:
  explicit FuzzStream(std::vector<std::string_view> reads) : reads_(std::move(reads)) {}
  void write(std::string_view) override {}
  std::string read(Clock::time_point deadline) override {
    if (next_ < reads_.size()) return std::string(reads_[next_++]);
    now_ = deadline;  // nothing more arrives: the deadline passes
    return {};
  }
  Clock::time_point now() const { return now_; }

 private:
  std::vector<std::string_view> reads_;
  std::size_t next_ = 0;
  Clock::time_point now_{};
};

}  // namespace

void dialogue(std::string_view input) {
  FuzzStream stream(length_prefixed_chunks(input));
  dialog::Options options;
  options.enable_secret = "lab";
  options.secrets = {"lab"};
  std::string log;
  options.log = [&log](dialog::LogDirection, std::string_view bytes) { log += bytes; };
  options.now = [&stream] { return stream.now(); };
  dialog::Dialogue session(stream, driver::platform_profile("cisco_ios"), options);
  try {
    session.open();
    (void)session.send_command("show running-config");
    dialog::CommandOptions question;
    question.expect = R"(\[confirm\]|\? $)";
    (void)session.send_command("copy running-config startup-config", question);
    (void)session.send_config({"hostname r2", "interface Loopback0", " description x"});
  } catch (const Error&) {
    // A device that answers nonsense or stops answering: a typed error, as
    // the callers expect.
  }
}

}  // namespace iosctl::fuzz
