#pragma once

#include "iosctl/driver/file_transfer.h"
#include "iosctl/driver/generic_driver.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iosctl::driver {

// The longest Tcl command line InlineTransfer types (inline_transfer.cc says why).
inline constexpr std::size_t kTclLineWidth = 200;

// Returns `bytes` written for the inside of a double-quoted Tcl 8.3 word:
// printable ASCII as is, Tcl's special characters (and `?`) backslashed,
// every other byte as a 3-digit octal escape (`\003`). Only printable ASCII results.
std::string tcl_escape(std::string_view bytes);

// Returns `puts -nonewline $<channel_var> "..."` commands that together write
// `bytes` exactly, each at most `max_width` characters (one escaped byte more
// if `max_width` leaves no room), a line of `bytes` never split when it fits.
std::vector<std::string> tcl_puts_lines(std::string_view bytes, std::string_view channel_var,
                                        std::size_t max_width = kTclLineWidth);

// Stores files through the device's Tcl shell (NAPALM's inline_transfer), for
// devices without an SCP server: `tclsh`, open, `puts` lines, close, `tclquit`.
class InlineTransfer : public FileTransfer {
 public:
  // Types into `driver`'s session (which must outlive this and be at the privileged prompt).
  explicit InlineTransfer(GenericDriver& driver);

  // Stores `bytes` byte for byte as `remote_path`, then leaves tclsh. Throws
  // Error{invalid} naming the fix if the device refuses tclsh or a Tcl
  // command fails (after trying `tclquit`), Error{unreachable} if it stops answering.
  void push(std::string_view bytes, const ios::DevicePath& remote_path) override;

 private:
  // Masks the secrets of `bytes`' config lines in the session log.
  void hide_secrets(std::string_view bytes);
  // Sends `tclsh` and waits for `host(tcl)#`; fails if the device refuses it.
  void enter_tclsh(std::string_view remote_path);
  // Sends one Tcl `command` (named `shown` in messages); fails on any answer
  // but the Tcl prompt, or a one-word result when `prints_result`.
  void run_tcl(const std::string& command, std::string_view shown, bool prints_result,
               std::string_view remote_path);
  // Tries `tclquit` if still in tclsh, then throws Error{invalid} for `answer` to `step`.
  [[noreturn]] void fail(std::string_view step, std::string_view answer,
                         std::string_view remote_path);

  GenericDriver& driver_;
  bool in_tclsh_ = false;
};

}  // namespace iosctl::driver
