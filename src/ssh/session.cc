#include "iosctl/ssh/session.h"

#include "algorithms.h"
#include "auth.h"
#include "configure.h"
#include "host_key_check.h"
#include "iosctl/error.h"
#include "session_access.h"

// ssh_send_keepalive is declared with the server API but is what a client
// sends too: OpenSSH's ServerAliveInterval request, keepalive@openssh.com.
#include <libssh/server.h>

namespace iosctl::ssh {
namespace {

std::string text_or_empty(const char* text) { return text != nullptr ? text : ""; }

// The handshake failed: says whether the device never greeted, greeted and
// then shared no algorithms, or was too slow.
Error handshake_failure(ssh_session session, const std::string& where,
                        std::chrono::milliseconds limit, Clock::duration took,
                        const ResolvedTarget& target, bool legacy) {
  const std::string error = libssh_error(session, "");
  const bool timed_out = took >= limit || error.find("imeout") != std::string::npos;
  if (ssh_get_serverbanner(session) == nullptr) {
    if (timed_out) {
      return Error(Failure::unreachable, "no SSH greeting from " + where + " within " +
                                             describe_duration(limit) +
                                             " (is this the device's SSH port?)");
    }
    if (!target.proxy_command.empty()) {
      return Error(Failure::unreachable, "cannot reach " + where + " through the ssh config's " +
                                             "ProxyCommand/ProxyJump '" + target.proxy_command +
                                             "': " + error);
    }
    return Error(Failure::unreachable,
                 where +
                     " closed the connection before the SSH greeting (check that SSH is "
                     "enabled on the device and that its vty lines take it: "
                     "transport input ssh)");
  }
  if (timed_out) {
    return Error(Failure::unreachable, "key exchange with " + where + " timed out after " +
                                           describe_duration(limit) +
                                           " (allow more time with --timeout)");
  }
  return algorithm_mismatch(session, where, legacy);
}

void handshake(SessionAccess::Impl& self, const ResolvedTarget& target,
               const SessionOptions& options) {
  std::chrono::milliseconds limit = options.timeouts.banner;
  if (target.proxy_command.empty()) {
    self.socket = tcp_connect(target.host, target.port, options.timeouts.connect, self.where);
    const int fd = self.socket.fd();
    ssh_options_set(self.handle.get(), SSH_OPTIONS_FD, &fd);
  } else {
    // libssh starts the proxy command and greets in one step.
    limit += options.timeouts.connect;
  }
  set_blocking_timeout(self.handle.get(), limit);
  const Clock::time_point started = Clock::now();
  if (ssh_connect(self.handle.get()) != SSH_OK) {
    throw handshake_failure(self.handle.get(), self.where, limit, Clock::now() - started, target,
                            options.legacy_algorithms);
  }
}

void record_negotiation(SessionAccess::Impl& self) {
  ssh_session session = self.handle.get();
  self.info.server_banner = text_or_empty(ssh_get_serverbanner(session));
  self.info.kex = text_or_empty(ssh_get_kex_algo(session));
  self.info.cipher = text_or_empty(ssh_get_cipher_out(session));
  self.info.mac = text_or_empty(ssh_get_hmac_out(session));
  self.info.host_key = host_key_fingerprint(session);
}

}  // namespace

Session::Impl::~Impl() {
  if (handle && ssh_is_connected(handle.get()) != 0) ssh_disconnect(handle.get());
}

Session::Session(const SessionOptions& options) : impl_(std::make_unique<Impl>()) {
  Impl& self = *impl_;
  self.handle.reset(ssh_new());
  if (!self.handle) throw Error(Failure::internal, "libssh could not make a session");
  const ResolvedTarget target = configure_session(self.handle.get(), options);
  self.where = target.host + ":" + std::to_string(target.port);
  self.info.user = target.user;
  self.info.host = target.host;
  self.info.port = target.port;
  self.request_timeout = options.timeouts.request;
  self.keepalive_interval = options.keepalive_interval;
  // Key files are read before any packet goes out: a wrong path or
  // passphrase is the user's to fix, not the network's.
  const std::vector<KeyHandle> keys = load_key_files(options);
  handshake(self, target, options);
  record_negotiation(self);
  check_host_key(self.handle.get(), options, target, self.where);
  self.info.auth_method = authenticate(self.handle.get(), options, target, keys, this->target(),
                                       Clock::now() + options.timeouts.auth);
  const CString banner(ssh_get_issue_banner(self.handle.get()));
  if (banner) self.info.login_banner = banner.get();
  set_blocking_timeout(self.handle.get(), self.request_timeout);
  self.last_traffic = Clock::now();
}

Session::~Session() = default;

const SessionInfo& Session::info() const { return impl_->info; }

std::string Session::target() const { return impl_->info.user + "@" + impl_->where; }

void Session::keep_alive(Clock::time_point now) {
  Impl& self = *impl_;
  if (self.keepalive_interval.count() == 0 || now - self.last_traffic < self.keepalive_interval) {
    return;
  }
  set_blocking_timeout(self.handle.get(), self.request_timeout);
  ssh_send_keepalive(self.handle.get());
  self.last_traffic = now;
  if (ssh_is_connected(self.handle.get()) == 0) {
    throw Error(Failure::unreachable, connection_lost(self.handle.get(), self.where));
  }
}

}  // namespace iosctl::ssh
