#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace iosctl::sim {

// The two ends of the SCP protocol (rcp's, as `scp -O` speaks it): `scp -t`
// makes the device the sink of an upload, `scp -f` the source of a download.
enum class ScpMode { sink, source };

// What an exec request's `scp ...` command asks for.
struct ScpCommand {
  ScpMode mode = ScpMode::sink;
  std::string path;   // as the client wrote it, unquoted: `flash:/x`, `bootflash:`
  std::string error;  // non-empty: refuse the transfer with this SCP error text
};

// Returns the parsed `command` ("scp -t flash:/x", shell quoting undone), or
// nullopt when it does not run scp at all.
std::optional<ScpCommand> parse_scp_command(std::string_view command);

// Returns the SCP error reply for `text`: byte 1, the text, a newline.
std::string scp_error(std::string_view text);

// Stores a received file at `path`; returns an IOS error text or nullopt.
using ScpStore =
    std::function<std::optional<std::string>(const std::string& path, std::string bytes)>;

// The receiving end of an upload, as a pure state machine: bytes from the
// client go in, the bytes to answer come out, files go to `store`.
class ScpSink {
 public:
  // `target` is the `-t` path: a file, or a file system / folder (`flash:`,
  // `flash:/`, `x/`) to which the name from the `C` line is added.
  ScpSink(std::string target, ScpStore store);

  // Returns the first reply (the ready byte 0).
  std::string start();
  // Consumes what the client sent and returns the replies.
  std::string feed(std::string_view bytes);
  // True once the transfer can go no further (protocol error, fatal error).
  bool done() const { return state_ == State::done; }
  // True when any file was refused or the protocol broke.
  bool failed() const { return failed_; }
  // File bytes received so far, over all files.
  std::uint64_t data_bytes() const { return data_bytes_; }

 private:
  enum class State { line, data, data_end, done };
  std::string on_line(const std::string& line);
  std::string on_file_line(const std::string& line);
  std::string fatal(std::string_view text);

  std::string target_;
  ScpStore store_;
  State state_ = State::line;
  std::string line_;
  std::string path_;
  std::string file_;
  std::uint64_t remaining_ = 0;
  std::uint64_t data_bytes_ = 0;
  bool failed_ = false;
  bool error_after_data_ = false;
};

// The sending end of a download: waits for the client's ready byte, sends
// `C0644 SIZE NAME`, the bytes and the end byte, each after an acknowledgement.
class ScpSource {
 public:
  // `bytes` is the file at `path`, nullopt when there is none.
  ScpSource(std::string path, std::optional<std::string> bytes);

  // Consumes what the client sent and returns what to send.
  std::string feed(std::string_view bytes);
  bool done() const { return state_ == State::done; }
  bool failed() const { return failed_; }

 private:
  enum class State { wait_ready, wait_header_ack, wait_data_ack, client_error, done };
  std::string path_;
  std::optional<std::string> bytes_;
  State state_ = State::wait_ready;
  bool failed_ = false;
};

}  // namespace iosctl::sim
