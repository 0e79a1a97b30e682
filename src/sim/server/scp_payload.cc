#include "channel_payload.h"
#include "iosctl/sim/scp_protocol.h"

namespace iosctl::sim {
namespace {

// A transfer that is refused before it starts: one reply, then close.
class RefusedScp : public ChannelPayload {
 public:
  explicit RefusedScp(std::string reply) : reply_(std::move(reply)) {}
  void receive(std::string_view, Clock::time_point) override {}
  void client_eof() override {}
  std::string take_output(Clock::time_point, std::size_t max_bytes) override {
    std::string taken = reply_.substr(0, max_bytes);
    reply_.erase(0, taken.size());
    return taken;
  }
  std::optional<Clock::time_point> next_wakeup() const override { return std::nullopt; }
  bool finished() const override { return reply_.empty(); }
  int exit_status() const override { return 1; }

 private:
  std::string reply_;
};

// Bytes waiting to be sent, handed out within the channel window.
class Outbox {
 public:
  void add(std::string bytes) { pending_ += bytes; }
  std::string take(std::size_t max_bytes) {
    std::string taken = pending_.substr(0, max_bytes);
    pending_.erase(0, taken.size());
    return taken;
  }
  bool empty() const { return pending_.empty(); }

 private:
  std::string pending_;
};

// `scp -t`: the device receives files into flash.
class ScpUpload : public ChannelPayload {
 public:
  ScpUpload(Device& device, std::string target, std::optional<std::uint64_t> drop_after)
      : sink_(std::move(target),
              [&device](const std::string& path, std::string bytes) {
                return device.write_file(path, std::move(bytes));
              }),
        drop_after_(drop_after) {
    out_.add(sink_.start());
  }
  void receive(std::string_view bytes, Clock::time_point) override {
    if (drop_after_) {
      // Fault drop_scp_after_bytes: the link dies after that many file bytes,
      // before the file is complete.
      const std::uint64_t left = *drop_after_ - std::min(*drop_after_, sink_.data_bytes());
      if (bytes.size() > left) {
        bytes = bytes.substr(0, left);
        dropped_ = true;
      }
    }
    out_.add(sink_.feed(bytes));
  }
  void client_eof() override { eof_ = true; }
  std::string take_output(Clock::time_point, std::size_t max_bytes) override {
    return out_.take(max_bytes);
  }
  std::optional<Clock::time_point> next_wakeup() const override { return std::nullopt; }
  bool finished() const override { return (eof_ || sink_.done()) && out_.empty(); }
  int exit_status() const override { return sink_.failed() ? 1 : 0; }
  bool drop_connection() const override { return dropped_; }

 private:
  ScpSink sink_;
  Outbox out_;
  std::optional<std::uint64_t> drop_after_;
  bool eof_ = false;
  bool dropped_ = false;
};

// `scp -f`: the device sends one flash file.
class ScpDownload : public ChannelPayload {
 public:
  ScpDownload(std::string path, std::optional<std::string> bytes)
      : source_(std::move(path), std::move(bytes)) {}
  void receive(std::string_view bytes, Clock::time_point) override {
    out_.add(source_.feed(bytes));
  }
  void client_eof() override { eof_ = true; }
  std::string take_output(Clock::time_point, std::size_t max_bytes) override {
    return out_.take(max_bytes);
  }
  std::optional<Clock::time_point> next_wakeup() const override { return std::nullopt; }
  bool finished() const override { return (eof_ || source_.done()) && out_.empty(); }
  int exit_status() const override { return source_.failed() ? 1 : 0; }

 private:
  ScpSource source_;
  Outbox out_;
  bool eof_ = false;
};

}  // namespace

std::unique_ptr<ChannelPayload> make_scp_payload(const SessionContext& context,
                                                 std::string_view command) {
  std::optional<ScpCommand> scp = parse_scp_command(command);
  if (!scp) return nullptr;
  // Without `ip scp server enable` there is no SCP server to answer. No
  // transcript shows what IOS sends then (IOS_BEHAVIOR.md 5); we close the
  // channel without the ready byte, which python-scp reports as "No response
  // from server" and OpenSSH scp as a lost connection.
  if (!context.device.scp_enabled()) return std::make_unique<RefusedScp>("");
  // SCP needs privilege 15 at login; `enable` cannot help on this channel
  // (Cisco's OpenSSH 9 tech note; scp_sidecar #16 traceback).
  if (context.privilege < 15) return std::make_unique<RefusedScp>(scp_error("Privilege denied."));
  if (!scp->error.empty()) return std::make_unique<RefusedScp>(scp_error(scp->error));
  if (scp->mode == ScpMode::source) {
    std::optional<std::string> bytes = context.device.read_file(scp->path);
    return std::make_unique<ScpDownload>(scp->path, std::move(bytes));
  }
  return std::make_unique<ScpUpload>(context.device, scp->path,
                                     context.lab.faults.drop_scp_after_bytes);
}

}  // namespace iosctl::sim
