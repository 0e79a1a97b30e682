#pragma once

#include "iosctl/cli/cli.h"
#include "iosctl/cli/device_commands.h"
#include "iosctl/cli/device_session.h"
#include "iosctl/driver/connection.h"
#include "iosctl/driver/ios_driver.h"

#include <memory>
#include <optional>
#include <string>

// One device opened for the config workflow (compare, commit, confirm,
// rollback, discard, status): the session, its file transfer and IosDriver.
namespace iosctl::cli {

// The options every config-workflow command shares.
struct WorkflowFlags {
  std::optional<ios::FileSystem> file_system;  // --dest-file-system; nullopt: discovered
  driver::DeviceFiles files;               // --candidate-file, --merge-file, --rollback-file
  bool auto_file_prompt = true;            // --no-auto-file-prompt clears it
  bool inline_transfer = false;            // copy files through tclsh instead of SCP
};

// Throws Error{usage} when two of the files share a name: one would
// overwrite the other (a candidate named like the checkpoint, say). The
// names themselves are valid by their type (ios/device_args.h).
void check_workflow_flags(const WorkflowFlags& flags);

class IosSession {
 public:
  // Connects (see DeviceSession) and sets up IosDriver; progress lines go to
  // stderr with -v. Throws as DeviceSession does.
  IosSession(const driver::Connection& connection, const DeviceFlags& flags,
             const WorkflowFlags& workflow, Env& env);
  ~IosSession();

  driver::IosDriver& ios() { return *ios_; }
  DeviceSession& device() { return session_; }
  // `user@host:port`, as messages name the device.
  const std::string& target() const { return session_.target(); }

 private:
  DeviceSession session_;
  std::unique_ptr<driver::FileTransfer> inline_transfer_;
  std::unique_ptr<driver::IosDriver> ios_;
};

// The login user of `target` (`user@host:port`).
std::string user_of(const std::string& target);

}  // namespace iosctl::cli
