#include "connection.h"

#include <algorithm>

namespace iosctl::sim {
namespace {

// IOS drops a client that has not logged in within `ip ssh time-out`,
// 120 seconds by default.
constexpr auto kLoginGraceTime = std::chrono::seconds(120);
// How long a dropped connection may take to flush its last output.
constexpr int kDropFlushMs = 200;

Connection& self_of(void* userdata) { return *static_cast<Connection*>(userdata); }

// Returns `key` as an OpenSSH public key line without comment: `type base64`.
std::string key_line(ssh_key key) {
  char* blob = nullptr;
  if (ssh_pki_export_pubkey_base64(key, &blob) != SSH_OK) return "";
  std::string line = std::string(ssh_key_type_to_char(ssh_key_type(key))) + " " + blob;
  ssh_string_free_char(blob);
  return line;
}

}  // namespace

Connection::Connection(Device& device, const LabDevice& lab, ssh_session session)
    : device_(device), lab_(lab), session_(session), accepted_at_(Clock::now()) {}

Connection::~Connection() {
  for (auto& channel : channels_) channel->detach();
  if (event_ != nullptr) ssh_event_remove_session(event_, session_);
  ssh_disconnect(session_);
  ssh_free(session_);
}

bool Connection::start(ssh_event event) {
  callbacks_.userdata = this;
  callbacks_.auth_none_function = &Connection::on_auth_none;
  callbacks_.auth_password_function = &Connection::on_auth_password;
  callbacks_.auth_pubkey_function = &Connection::on_auth_pubkey;
  callbacks_.channel_open_request_session_function = &Connection::on_channel_open;
  ssh_callbacks_init(&callbacks_);
  ssh_set_server_callbacks(session_, &callbacks_);
  // Keyboard-interactive has no server callback in libssh 0.10: it arrives
  // as a message once the callbacks above have passed on it.
  ssh_set_message_callback(session_, &Connection::on_message, this);
  ssh_set_auth_methods(
      session_, SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_PUBLICKEY | SSH_AUTH_METHOD_INTERACTIVE);
  ssh_set_blocking(session_, 0);
  if (ssh_handle_key_exchange(session_) == SSH_ERROR) return false;
  if (ssh_event_add_session(event, session_) != SSH_OK) return false;
  event_ = event;
  return true;
}

void Connection::service(Clock::time_point now) {
  if (channels_.empty() || event_ == nullptr) return;
  // libssh flushes after a channel write, EOF or close (and ssh_blocking_flush
  // below) by polling the poll context that holds this session's socket: in
  // the shared event, every connection's socket. When another connection's
  // client has just hung up, its socket's poll callback returns -2, the poll
  // returns SSH_ERROR, and ssh_handle_packets marks THIS session
  // SSH_SESSION_STATE_ERROR with no message: a healthy shell or SCP channel
  // on another device died ("connection lost", about 1 fleet compare in 75).
  // Out of the event, those polls see this session's own socket only.
  ssh_event_remove_session(event_, session_);
  service_channels(now);
  ssh_event_add_session(event_, session_);
}

void Connection::service_channels(Clock::time_point now) {
  for (std::size_t i = 0; i < channels_.size(); ++i) {
    channels_[i]->service(now);
    if (channels_[i]->drop_connection()) {
      // Fault: the TCP connection dies without an SSH goodbye. libssh frees
      // the channels with it, so they are let go first.
      for (auto& channel : channels_) channel->detach();
      channels_.clear();
      dropped_ = true;
      // What was written just before (the echo of the line that dropped)
      // still reaches the client; a stuck client costs at most this wait.
      ssh_blocking_flush(session_, kDropFlushMs);
      ssh_silent_disconnect(session_);
      return;
    }
  }
  std::erase_if(channels_, [](const auto& channel) { return channel->gone(); });
}

std::optional<Clock::time_point> Connection::next_wakeup() const {
  std::optional<Clock::time_point> wakeup;
  if (!login_) wakeup = accepted_at_ + kLoginGraceTime;
  for (const auto& channel : channels_) {
    const std::optional<Clock::time_point> next = channel->next_wakeup();
    if (next) wakeup = wakeup ? std::min(*wakeup, *next) : *next;
  }
  return wakeup;
}

bool Connection::finished(Clock::time_point now) const {
  if (dropped_ || (ssh_get_status(session_) & (SSH_CLOSED | SSH_CLOSED_ERROR)) != 0) return true;
  return !login_ && now - accepted_at_ > kLoginGraceTime;
}

void Connection::send_login_banner() {
  if (banner_sent_ || lab_.faults.login_banner.empty()) return;
  banner_sent_ = true;
  std::string text = lab_.faults.login_banner;
  if (!text.ends_with('\n')) text += "\r\n";
  ssh_string banner = ssh_string_from_char(text.c_str());
  ssh_send_issue_banner(session_, banner);
  ssh_string_free(banner);
}

int Connection::accept_login(const std::string& user, std::optional<int> privilege) {
  if (!privilege || lab_.faults.refuse_auth) return SSH_AUTH_DENIED;
  login_.emplace(SessionContext{device_, lab_, user, *privilege});
  return SSH_AUTH_SUCCESS;
}

std::optional<int> Connection::password_privilege(std::string_view user,
                                                  std::string_view password) const {
  for (const LabUser& account : lab_.users) {
    if (account.username == user && !account.password.empty() && account.password == password) {
      return account.privilege;
    }
  }
  return std::nullopt;
}

std::optional<int> Connection::key_privilege(std::string_view user, std::string_view key) const {
  for (const LabUser& account : lab_.users) {
    if (account.username == user && !account.public_key.empty() && account.public_key == key) {
      return account.privilege;
    }
  }
  return std::nullopt;
}

int Connection::on_auth_none(ssh_session, const char*, void* userdata) {
  self_of(userdata).send_login_banner();
  return SSH_AUTH_DENIED;
}

int Connection::on_auth_password(ssh_session, const char* user, const char* password,
                                 void* userdata) {
  Connection& self = self_of(userdata);
  self.send_login_banner();
  return self.accept_login(user, self.password_privilege(user, password));
}

int Connection::on_auth_pubkey(ssh_session, const char* user, ssh_key_struct* key,
                               char signature_state, void* userdata) {
  Connection& self = self_of(userdata);
  self.send_login_banner();
  if (signature_state == SSH_PUBLICKEY_STATE_WRONG) return SSH_AUTH_DENIED;
  const std::optional<int> privilege = self.key_privilege(user, key_line(key));
  // Without a signature the client only asks whether this key would do.
  if (signature_state == SSH_PUBLICKEY_STATE_NONE) {
    return privilege && !self.lab_.faults.refuse_auth ? SSH_AUTH_SUCCESS : SSH_AUTH_DENIED;
  }
  return self.accept_login(user, privilege);
}

int Connection::on_message(ssh_session, ssh_message message, void* userdata) {
  if (ssh_message_type(message) == SSH_REQUEST_AUTH &&
      ssh_message_subtype(message) == SSH_AUTH_METHOD_INTERACTIVE) {
    return self_of(userdata).keyboard_interactive(message) ? 0 : 1;
  }
  return 1;  // libssh's default reply: refuse
}

// IOS asks for the password in one keyboard-interactive prompt, `Password: `
// without echo; clients that prefer this method (PuTTY, some netmiko set-ups)
// use it. Returns false to have libssh refuse.
bool Connection::keyboard_interactive(ssh_message message) {
  if (ssh_message_auth_kbdint_is_response(message) == 0) {
    const char* user = ssh_message_auth_user(message);
    kbdint_user_ = user != nullptr ? user : "";
    send_login_banner();
    const char* prompts[] = {"Password: "};
    char echo[] = {0};
    ssh_message_auth_interactive_request(message, "", "", 1, prompts, echo);
    return true;
  }
  const char* answer = ssh_userauth_kbdint_getnanswers(session_) == 1
                           ? ssh_userauth_kbdint_getanswer(session_, 0)
                           : nullptr;
  const std::optional<int> privilege =
      answer != nullptr ? password_privilege(kbdint_user_, answer) : std::nullopt;
  if (accept_login(kbdint_user_, privilege) != SSH_AUTH_SUCCESS) return false;
  ssh_message_auth_reply_success(message, 0);
  return true;
}

ssh_channel Connection::on_channel_open(ssh_session session, void* userdata) {
  Connection& self = self_of(userdata);
  if (!self.login_) return nullptr;
  ssh_channel channel = ssh_channel_new(session);
  if (channel == nullptr) return nullptr;
  self.channels_.push_back(std::make_unique<SessionChannel>(*self.login_, channel));
  return channel;
}

}  // namespace iosctl::sim
