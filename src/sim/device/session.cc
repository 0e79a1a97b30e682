#include "iosctl/sim/session.h"

#include "iosctl/sim/config_lock.h"
#include "iosctl/sim/revert_timer.h"
#include "iosctl/sim/text_util.h"

#include <mutex>
#include <utility>

namespace iosctl::sim {
namespace {

constexpr char kBackspace = '\x08';
constexpr char kDelete = '\x7f';
constexpr char kCtrlZ = '\x1a';
constexpr char kEtx = '\x03';
// IOS keeps the last commands for `show history` (default size 10; we keep more).
constexpr std::size_t kHistorySize = 20;

bool is_enter(char c) { return c == '\r' || c == '\n'; }

}  // namespace

Session::Session(std::shared_ptr<DeviceShared> shared, std::string_view user, int privilege)
    : shared_(std::move(shared)), core_(shared_->core) {
  state_.user = std::string(user);
  {
    const std::lock_guard lock(shared_->mutex);
    state_.tty = core_.next_tty++;
  }
  state_.privileged = privilege >= 15;
  state_.privilege_at_login = privilege;
}

// A session that goes while in configuration mode frees the lock it held.
Session::~Session() {
  const std::lock_guard lock(shared_->mutex);
  release_config_lock(core_, state_, true);
}

// The 16.12 replay shows only blank lines before the first prompt
// (IOS_BEHAVIOR.md 0).
std::string Session::open() {
  const std::lock_guard lock(shared_->mutex);
  return "\r\n" + current_prompt();
}

std::string Session::input(std::string_view typed) {
  std::string out;
  std::function<void()> notify;
  {
    const std::lock_guard lock(shared_->mutex);
    // A revert timer that ran out while the line was idle fires before the
    // next command is read, so its prompt is the reverted one.
    fire_due_timers(core_);
    for (char c : typed) {
      if (closed_ || state_.drop_requested) break;
      on_byte(c, out);
    }
    release_config_lock(core_, state_, false);
    if (core_.dirty && shared_->on_change) notify = shared_->on_change;
    core_.dirty = false;
  }
  if (notify) notify();
  return out;
}

void Session::on_byte(char c, std::string& out) {
  // CR LF (and LF alone, and CR alone) is one Enter.
  if (after_cr_ && c == '\n') {
    after_cr_ = false;
    return;
  }
  after_cr_ = c == '\r';
  if (pager_.waiting()) {
    out += pager_.key(c);
    if (!pager_.waiting()) out += current_prompt();
    return;
  }
  if (question_ && question_->input == Question::Input::key) return answer_key(c, out);
  const bool secret = question_ && question_->input == Question::Input::secret;
  if (is_enter(c)) return on_enter(out);
  if (c == kCtrlZ) return on_ctrl_z(out);
  if (c == kBackspace || c == kDelete) {
    if (buffer_.empty()) return;
    buffer_.pop_back();
    if (!secret) out += "\b \b";
    return;
  }
  // Other control keys are dropped, except ETX in tclsh: a banner in a file
  // sent inline keeps its delimiter (IOS_BEHAVIOR.md 9).
  const bool kept = c == '\t' || (c == kEtx && state_.tcl);
  if (static_cast<unsigned char>(c) < 0x20 && !kept) return;
  buffer_ += c;
  if (!secret) out += c;
}

void Session::answer_key(char c, std::string& out) {
  out += "\r\n";
  const std::shared_ptr<Question> question = std::move(question_);
  show(question->answer(is_enter(c) ? std::string() : std::string(1, c)), out);
}

void Session::on_enter(std::string& out) {
  out += "\r\n";
  std::string line = std::move(buffer_);
  buffer_.clear();
  if (question_) {
    const std::shared_ptr<Question> question = std::move(question_);
    return show(question->answer(line), out);
  }
  run_line(line, out);
}

// Ctrl-Z ends configuration mode from any depth, after running what was
// typed on the line (IOS_BEHAVIOR.md 1.1).
void Session::on_ctrl_z(std::string& out) {
  if (state_.frames.empty() || question_) return;
  out += "^Z\r\n";
  const std::string line = std::move(buffer_);
  buffer_.clear();
  if (!trim_view(line).empty()) {
    const std::size_t size = current_prompt().size();
    out += to_crlf(run_config_line(core_, state_, line, size).text);
  }
  state_.frames.clear();
  out += current_prompt();
}

void Session::run_line(const std::string& line, std::string& out) {
  if (state_.tcl) return show(run_tcl_line(core_, state_, line, current_prompt().size()), out);
  if (trim_view(line).empty()) {
    out += current_prompt();
    return;
  }
  state_.history.push_back(line);
  if (state_.history.size() > kHistorySize) state_.history.erase(state_.history.begin());
  const std::size_t prompt_size = current_prompt().size();
  show(state_.frames.empty() ? run_exec_line(core_, state_, line, prompt_size)
                             : run_config_line(core_, state_, line, prompt_size),
       out);
}

void Session::show(Reply reply, std::string& out) {
  if (reply.question) {
    out += to_crlf(reply.text);
    out += to_crlf(reply.question->prompt);
    question_ = std::move(reply.question);
    return;
  }
  if (state_.closed) {
    out += to_crlf(reply.text);
    closed_ = true;
    return;
  }
  if (state_.drop_requested) return;  // the connection goes; no prompt follows
  out += pager_.start(std::move(reply.text), state_.length);
  if (!pager_.waiting()) out += current_prompt();
}

std::string Session::current_prompt() const { return prompt(core_, state_); }

}  // namespace iosctl::sim
