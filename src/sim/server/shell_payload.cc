#include "channel_payload.h"
#include "iosctl/sim/shell_bridge.h"

namespace iosctl::sim {
namespace {

// The device's CLI on a pty shell channel.
class ShellPayload : public ChannelPayload {
 public:
  ShellPayload(std::unique_ptr<CliSession> session, ShellPacing pacing, Clock::time_point now)
      : bridge_(std::move(session), pacing) {
    bridge_.open(now);
  }
  void receive(std::string_view bytes, Clock::time_point now) override {
    bridge_.receive(bytes, now);
  }
  // A shell outlives the client's EOF only long enough to flush: IOS ends
  // the line when its input goes away.
  void client_eof() override { eof_ = true; }
  std::string take_output(Clock::time_point now, std::size_t max_bytes) override {
    return bridge_.take_output(now, max_bytes);
  }
  std::optional<Clock::time_point> next_wakeup() const override { return bridge_.next_wakeup(); }
  bool finished() const override { return bridge_.finished() || (eof_ && !bridge_.next_wakeup()); }
  int exit_status() const override { return 0; }
  // Fault drop_during_replace: the echo of the replace goes out, then the
  // connection dies with no exit status and no EOF.
  bool drop_connection() const override { return bridge_.dropped(); }

 private:
  ShellBridge bridge_;
  bool eof_ = false;
};

}  // namespace

std::unique_ptr<ChannelPayload> make_shell_payload(const SessionContext& context,
                                                   Clock::time_point now) {
  ShellPacing pacing;
  pacing.latency = std::chrono::milliseconds(context.lab.latency_ms);
  pacing.bytes_per_second = context.lab.faults.slow_output_bps;
  return std::make_unique<ShellPayload>(
      context.device.open_cli(context.username, context.privilege), pacing, now);
}

}  // namespace iosctl::sim
