#include "iosctl/cli/ios_session.h"

#include "iosctl/driver/inline_transfer.h"
#include "iosctl/error.h"

#include <cctype>
#include <cerrno>
#include <ctime>
#include <random>
#include <signal.h>
#include <unistd.h>

namespace iosctl::cli {

void check_workflow_flags(const WorkflowFlags& flags) {
  const std::pair<const char*, const ios::FileName*> names[] = {
      {"--candidate-file", &flags.files.candidate},
      {"--merge-file", &flags.files.merge},
      {"--rollback-file", &flags.files.rollback}};
  for (std::size_t i = 0; i < std::size(names); ++i) {
    for (std::size_t j = i + 1; j < std::size(names); ++j) {
      if (*names[i].second != *names[j].second) continue;
      throw Error(Failure::usage, std::string(names[i].first) + " and " + names[j].first +
                                      " both name '" + names[i].second->str() +
                                      "': give each file its own name");
    }
  }
}

namespace {

// This process as a run journal names it: a fresh id, the machine and the pid.
driver::RunIdentity this_run() {
  driver::RunIdentity self;
  std::random_device random;
  static constexpr std::string_view kHex = "0123456789abcdef";
  for (int i = 0; i < 12; ++i) self.run_id += kHex[random() % 16];
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) name[0] = '\0';
  // The name goes into a file on the device: keep it to one plain word.
  for (const char* c = name; *c; ++c) {
    const bool plain = std::isalnum(static_cast<unsigned char>(*c)) || *c == '.' || *c == '-';
    self.machine += plain ? *c : '_';
  }
  if (self.machine.empty()) self.machine = "unknown";
  self.pid = static_cast<long>(getpid());
  self.now = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
  self.process_alive = [](long pid) {
    return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
  };
  return self;
}

}  // namespace

std::string user_of(const std::string& target) {
  const std::size_t at = target.find('@');
  return at == std::string::npos ? "" : target.substr(0, at);
}

IosSession::IosSession(const driver::Connection& connection, const DeviceFlags& flags,
                       const WorkflowFlags& workflow, Env& env)
    : session_(connection, flags.verbose, env) {
  driver::FileTransfer* transfer = nullptr;
  if (workflow.inline_transfer) {
    inline_transfer_ = std::make_unique<driver::InlineTransfer>(session_.driver());
    transfer = inline_transfer_.get();
  } else {
    transfer = session_.link().file_transfer();
  }
  if (!transfer) throw Error(Failure::usage, "this connection cannot copy files to the device");
  driver::DriverSettings settings;
  settings.file_system = workflow.file_system;
  settings.files = workflow.files;
  settings.auto_file_prompt = workflow.auto_file_prompt;
  settings.username = user_of(session_.target());
  settings.scp_transfer = !workflow.inline_transfer;
  settings.identity = this_run();
  settings.warn = [this, &env](std::string_view line) {
    env.err << "iosctl: warning: " << session_.target() << ": " << line << '\n';
  };
  const bool verbose = flags.verbose;
  auto note = [this, verbose, &env](std::string_view line) {
    if (verbose) env.err << "iosctl: " << session_.target() << ": " << line << '\n';
  };
  ios_ =
      std::make_unique<driver::IosDriver>(session_.driver(), *transfer, std::move(settings), note);
}

// Every way out of a command, failures included, gives the device back.
IosSession::~IosSession() {
  if (ios_) ios_->release_device();
}

}  // namespace iosctl::cli
