#pragma once

#include "iosctl/sim/cli_session.h"
#include "iosctl/sim/command_context.h"
#include "iosctl/sim/device_core.h"
#include "iosctl/sim/pager.h"

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

namespace iosctl::sim {

// The CliSession Device::open_cli hands out: line editing and echo, the
// prompt, questions (`Password: `, `[confirm]`) and ` --More-- ` paging
// around the command interpreter. Holds the device state it shares with the
// other sessions, so it may outlive the Device object.
class Session : public CliSession {
 public:
  Session(std::shared_ptr<DeviceShared> shared, std::string_view user, int privilege);
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  std::string open() override;
  std::string input(std::string_view typed) override;
  bool closed() const override { return closed_; }
  bool drop_requested() const override { return state_.drop_requested; }

 private:
  void on_byte(char c, std::string& out);
  void on_enter(std::string& out);
  void on_ctrl_z(std::string& out);
  void answer_key(char c, std::string& out);
  void run_line(const std::string& line, std::string& out);
  void show(Reply reply, std::string& out);
  std::string current_prompt() const;

  std::shared_ptr<DeviceShared> shared_;
  DeviceCore& core_;
  SessionState state_;
  std::string buffer_;
  bool after_cr_ = false;
  std::shared_ptr<Question> question_;
  Pager pager_;
  std::atomic<bool> closed_ = false;
};

}  // namespace iosctl::sim
