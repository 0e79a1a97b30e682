#include "iosctl/cli/ios_session.h"

#include "iosctl/driver/inline_transfer.h"
#include "iosctl/error.h"

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

IosSession::~IosSession() = default;

}  // namespace iosctl::cli
