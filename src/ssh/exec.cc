#include "iosctl/ssh/exec.h"

#include "channel.h"
#include "iosctl/error.h"
#include "session_access.h"

namespace iosctl::ssh {

ExecResult exec(Session& session, std::string_view command, Deadline deadline) {
  const std::string where = SessionAccess::impl(session).where;
  const std::string what = "'" + std::string(command) + "' on " + where;
  ChannelHandle channel = open_channel(session, "an exec channel");
  if (ssh_channel_request_exec(channel.get(), std::string(command).c_str()) != SSH_OK) {
    throw Error(Failure::invalid, "the device at " + where + " refused to run '" +
                                      std::string(command) +
                                      "' on an exec channel (use a shell instead)");
  }
  ssh_channel_send_eof(channel.get());
  ExecResult result;
  // Errors may come on stderr; taken as they arrive so its window never fills.
  const auto take_stderr = [&channel, &result] {
    char bytes[4096];
    int n = 0;
    while ((n = ssh_channel_read_nonblocking(channel.get(), bytes, sizeof bytes, 1)) > 0) {
      result.err.append(bytes, static_cast<std::size_t>(n));
    }
  };
  ChannelReader reader(session, channel.get(), what);
  while (const std::optional<std::string> piece = reader.some(64 * 1024, deadline)) {
    result.out += *piece;
    take_stderr();
  }
  take_stderr();
  result.exit_status = ssh_channel_get_exit_status(channel.get());
  return result;
}

}  // namespace iosctl::ssh
