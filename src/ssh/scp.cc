#include "iosctl/ssh/scp.h"

#include "channel.h"
#include "iosctl/error.h"
#include "session_access.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace iosctl::ssh {
namespace {

// File bytes are handed to the progress callback in pieces of this size.
constexpr std::size_t kPiece = 64 * 1024;

// Quotes `path` for the device's `scp -t`/`-f` command line the way
// python-scp (netmiko's SCP) does: single quotes only when needed, since IOS
// has no shell and takes `flash:/x` as typed.
std::string quote_path(std::string_view path) {
  const bool plain = !path.empty() && path.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789_@%+=:,./~-") == std::string_view::npos;
  if (plain) return std::string(path);
  std::string quoted = "'";
  for (const char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Returns the file name at the end of `path` (after `flash:` and folders).
std::string base_name(std::string_view path) {
  const std::size_t cut = path.find_last_of(":/");
  return std::string(cut == std::string_view::npos ? path : path.substr(cut + 1));
}

// One transfer: its channel, its reader and how to name it in messages.
class Transfer {
 public:
  Transfer(Session& session, const std::string& command, std::string what)
      : session_(session),
        channel_(open_channel(session, "an SCP channel")),
        what_(std::move(what)),
        reader_(session, channel_.get(), what_) {
    if (ssh_channel_request_exec(channel_.get(), command.c_str()) != SSH_OK) {
      throw Error(Failure::invalid, what_ + " failed: the device refused to run '" + command +
                                        "' (is 'ip scp server enable' configured?)");
    }
  }

  void send(std::string_view bytes, Deadline deadline,
            const std::function<void(std::size_t)>& sent = {}) {
    write_all(session_, channel_.get(), bytes, deadline, what_, sent);
  }

  // Reads the device's answer to the last step: 0 is yes; 1 or 2 and a line
  // are its error, given verbatim.
  void expect_ok(Deadline deadline) {
    const std::optional<char> status = reader_.byte(deadline);
    if (!status) throw silent_close();
    if (*status == '\0') return;
    throw device_error(reader_.line(deadline).value_or(""));
  }

  ChannelReader& reader() { return reader_; }

  Error device_error(const std::string& text) const {
    return Error(Failure::invalid, what_ + " failed: " + text);
  }

  // No public transcript shows what IOS sends without an SCP server
  // (IOS_BEHAVIOR.md 5); iosim closes the channel before the first byte.
  Error silent_close() const {
    return Error(Failure::invalid, what_ +
                                       " failed: the device closed the channel without an answer "
                                       "(is 'ip scp server enable' configured?)");
  }

  // Tells the device we are done and waits for it to close its side, after
  // which the file is written (netmiko: "Must close the SCP connection to
  // get the file written").
  void finish(Deadline deadline) {
    ssh_channel_send_eof(channel_.get());
    if (!reader_.drain(deadline)) {
      throw Error(Failure::unreachable, what_ +
                                            " did not finish: the device did not close the "
                                            "channel in time");
    }
  }

 private:
  Session& session_;
  ChannelHandle channel_;
  std::string what_;
  ChannelReader reader_;
};

std::string describe(std::string_view direction, std::string_view path, Session& session) {
  return "scp " + std::string(direction) + " " + std::string(path) + " on " +
         SessionAccess::impl(session).where;
}

// Parses `C0644 SIZE NAME` (the line without its `C`); nullopt if malformed.
std::optional<std::uint64_t> file_size(std::string_view line) {
  const std::size_t space = line.find(' ');
  const std::size_t end = space == std::string_view::npos ? space : line.find(' ', space + 1);
  if (space != 4 || end == std::string_view::npos) return std::nullopt;
  std::uint64_t size = 0;
  const auto [at, ec] = std::from_chars(line.data() + space + 1, line.data() + end, size);
  if (ec != std::errc() || at != line.data() + end) return std::nullopt;
  return size;
}

// Reads the `C` line of the file the device sends, answering `T` lines.
std::uint64_t read_header(Transfer& transfer, Deadline deadline) {
  while (true) {
    const std::optional<std::string> line = transfer.reader().line(deadline);
    if (!line || line->empty()) throw transfer.silent_close();
    const char kind = (*line)[0];
    if (kind == '\x01' || kind == '\x02') throw transfer.device_error(line->substr(1));
    if (kind == 'T') {
      transfer.send(std::string(1, '\0'), deadline);
      continue;
    }
    const std::optional<std::uint64_t> size =
        kind == 'C' ? file_size(std::string_view(*line).substr(1)) : std::nullopt;
    if (!size) throw transfer.device_error("unexpected reply '" + line->substr(0, 40) + "'");
    return *size;
  }
}

std::string read_file(const std::filesystem::path& local) {
  std::ifstream in(local, std::ios::binary);
  if (!in) {
    throw Error(Failure::usage, "cannot read '" + local.string() + "': check the path");
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

void scp_push(Session& session, std::string_view bytes, std::string_view remote_path,
              Deadline deadline, const ScpProgress& progress) {
  const std::string name = base_name(remote_path);
  if (name.empty()) {
    throw Error(Failure::usage, "scp needs a file name in '" + std::string(remote_path) +
                                    "' (e.g. flash:/candidate_config.txt)");
  }
  Transfer transfer(session, "scp -t " + quote_path(remote_path),
                    describe("to", remote_path, session));
  transfer.expect_ok(deadline);
  transfer.send("C0644 " + std::to_string(bytes.size()) + " " + name + "\n", deadline);
  transfer.expect_ok(deadline);
  if (progress) progress(0, bytes.size());
  transfer.send(bytes, deadline, [&](std::size_t sent) {
    if (progress) progress(sent, bytes.size());
  });
  transfer.send(std::string(1, '\0'), deadline);
  transfer.expect_ok(deadline);
  transfer.finish(deadline);
}

void scp_push_file(Session& session, const std::filesystem::path& local,
                   std::string_view remote_path, Deadline deadline, const ScpProgress& progress) {
  const std::string bytes = read_file(local);
  std::string target(remote_path);
  if (target.ends_with(':') || target.ends_with('/')) target += local.filename().string();
  scp_push(session, bytes, target, deadline, progress);
}

std::string scp_pull(Session& session, std::string_view remote_path, Deadline deadline,
                     const ScpProgress& progress) {
  Transfer transfer(session, "scp -f " + quote_path(remote_path),
                    describe("from", remote_path, session));
  transfer.send(std::string(1, '\0'), deadline);
  const std::uint64_t size = read_header(transfer, deadline);
  transfer.send(std::string(1, '\0'), deadline);
  std::string bytes;
  if (progress) progress(0, size);
  while (bytes.size() < size) {
    const std::optional<std::string> piece = transfer.reader().some(
        static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, size - bytes.size())), deadline);
    if (!piece)
      throw transfer.device_error("the device stopped after " + std::to_string(bytes.size()) +
                                  " of " + std::to_string(size) + " bytes");
    bytes += *piece;
    if (progress) progress(bytes.size(), size);
  }
  transfer.expect_ok(deadline);
  transfer.send(std::string(1, '\0'), deadline);
  transfer.finish(deadline);
  return bytes;
}

void scp_pull_file(Session& session, std::string_view remote_path,
                   const std::filesystem::path& local, Deadline deadline,
                   const ScpProgress& progress) {
  const std::string bytes = scp_pull(session, remote_path, deadline, progress);
  // Written beside and renamed, so that a failed write never leaves half a file.
  const std::filesystem::path partial = local.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      throw Error(Failure::usage, "cannot write '" + partial.string() + "': check the folder");
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, local, ec);
  if (ec) {
    throw Error(Failure::usage, "cannot write '" + local.string() + "': " + ec.message());
  }
}

}  // namespace iosctl::ssh
