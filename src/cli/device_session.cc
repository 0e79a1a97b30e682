#include "iosctl/cli/device_session.h"

#include "iosctl/cli/private_file.h"
#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"

namespace iosctl::cli {

DeviceSession::DeviceSession(const driver::Connection& connection, bool verbose, Env& env)
    : env_(env), verbose_(verbose) {
  if (!env.connect) throw Error(Failure::usage, "this build of iosctl cannot reach devices");
  if (!connection.session_log.empty()) {
    log_file_ = open_private_file(connection.session_log, "--session-log");
    if (!log_file_.is_open()) {
      throw Error(Failure::usage, "--session-log " + connection.session_log +
                                      ": cannot write the file (check the folder exists)");
    }
  }
  link_ = env.connect(connection, [&env](std::string_view warning) {
    env.err << "iosctl: warning: " << warning << '\n';
  });
  target_ = link_->target();
  dialog::Options options;
  options.timeout = connection.timeout;
  options.enable_secret = connection.secret;
  if (!connection.password.empty()) options.secrets.push_back(connection.password);
  if (log_file_.is_open() || verbose_) {
    options.log = [this](dialog::LogDirection d, std::string_view bytes) { log(d, bytes); };
  }
  driver_ = std::make_unique<driver::GenericDriver>(
      link_->stream(), driver::platform_profile(connection.device_type), std::move(options));
  try {
    driver_->open();
    // Only a login that lands at `r1>` needs the secret, so it is asked for
    // here rather than before connecting.
    if (!connection.secret && driver_->needs_enable() && env.read_secret) {
      if (std::optional<std::string> typed =
              env.read_secret("enable secret for " + target_ + ": ")) {
        driver_->enable(*typed);
      }
    }
  } catch (const Error& e) {
    throw Error(e.failure(), target_ + ": " + e.what());
  }
}

void DeviceSession::log(dialog::LogDirection direction, std::string_view bytes) {
  // Like Netmiko's session_log (record_writes off), the file holds what the
  // device printed, which already includes the echo of each command.
  if (direction == dialog::LogDirection::received) {
    if (log_file_.is_open()) log_received(bytes);
    return;
  }
  if (!verbose_) return;
  std::string_view line = bytes;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  env_.err << "iosctl: " << target_ << ": > " << line << '\n';
}

void DeviceSession::log_received(std::string_view bytes) {
  // The dialogue's channel hands over whole lines, each already masked
  // (dialog::SecretMask, config::redact_line), so the file is written as given.
  log_file_ << bytes;
  log_file_.flush();
}

DeviceSession::~DeviceSession() = default;

}  // namespace iosctl::cli
