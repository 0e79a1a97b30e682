#pragma once

// Internal to ssh/: what a Session holds, for the channels built on it.

#include "handles.h"
#include "iosctl/ssh/session.h"
#include "tcp_connect.h"

#include <libssh/libssh.h>

#include <chrono>
#include <string>

namespace iosctl::ssh {

struct Session::Impl {
  Impl() = default;
  ~Impl();
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Declared before `handle` so that libssh lets go of the socket first.
  TcpSocket socket;
  SessionHandle handle;
  SessionInfo info;
  std::string where;  // `host:port`, as messages name the device
  std::chrono::milliseconds request_timeout{0};
  std::chrono::seconds keepalive_interval{0};
  Clock::time_point last_traffic;
};

// The ssh/ layer's way into a Session.
struct SessionAccess {
  using Impl = Session::Impl;
  static Session::Impl& impl(Session& session) { return *session.impl_; }
  static ssh_session native(Session& session) { return session.impl_->handle.get(); }
};

}  // namespace iosctl::ssh
