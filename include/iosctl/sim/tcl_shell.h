#pragma once

#include <map>
#include <string>
#include <vector>

namespace iosctl::sim {

struct DeviceCore;

// A channel `open` returned (`file0`): the bytes `puts` wrote, kept until
// `close` (or leaving tclsh) writes them to flash.
struct TclChannel {
  std::string url;     // as given to `open`: `flash:candidate_config.txt`
  std::string mode;    // `w`, `w+`, `a`, `a+`, `r` or `r+`
  std::string buffer;  // written, not yet on flash
};

// What one tclsh keeps between the lines typed into it.
struct TclState {
  std::map<std::string, std::string> variables;
  std::map<std::string, TclChannel> channels;  // by handle: `file0`, `file1`, ...
  int next_channel = 0;
};

// What a Tcl command returned: its result, or its error message.
struct TclValue {
  std::string text;
  bool error = false;
};

// `open fileName ?access? ?permissions?` on `device`'s flash; returns the handle.
TclValue tcl_open(const DeviceCore& device, TclState& state, const std::vector<std::string>& args);
// `puts ?-nonewline? ?channelId? string`; what goes to stdout is added to `printed`.
TclValue tcl_puts(TclState& state, const std::vector<std::string>& args, std::string& printed);
// `close channelId`: writes the channel's bytes to flash.
TclValue tcl_close(DeviceCore& device, TclState& state, const std::vector<std::string>& args);
// Closes every channel still open, as Tcl does when its interpreter ends
// (`tclquit`), and forgets the variables.
void tcl_reset(DeviceCore& device, TclState& state);

}  // namespace iosctl::sim
