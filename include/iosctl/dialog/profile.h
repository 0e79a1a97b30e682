#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace iosctl::dialog {

// One known interactive question and how to answer it.
struct Answer {
  std::string question;            // ECMAScript regex matched against the end of the last line
  std::string reply;               // bytes sent when it matches (include the "\n")
  bool reply_with_secret = false;  // send the enable secret and "\n" instead; masked in the log
  unsigned max_uses = 0;           // answers given per command at most; 0: no limit
};

// What the dialogue must know about one device platform: how its prompts,
// modes, paging, questions and errors look. Plain data; driver/ holds the
// seven profiles (platform_profile.h), and callers may adjust a copy.
//
// Prompt lines are matched after the last line has been rendered as a
// terminal shows it (`\r` and `\b` applied) and trailing spaces removed.
struct PlatformProfile {
  std::string name;  // device type as the user writes it: "cisco_ios"
  // Regex for a whole prompt line with three groups: 1 the host part (what
  // must stay the same from prompt to prompt), 2 a config level shown in the
  // prompt (`config-if`; empty when the platform shows none), 3 the mark.
  std::string prompt_line;
  // Regex for the line above the prompt on two-line prompts (Junos `[edit]`,
  // SR OS `(pr)[/configure]`); group 1 takes part only in config mode and
  // holds the level. Empty: the platform has one-line prompts.
  std::string context_line;
  std::string user_marks;             // marks of user EXEC (enable still needed): ">" on IOS
  std::string config_marks;           // marks that mean config mode by themselves: "#" on Junos
  std::size_t config_host_limit = 0;  // host chars shown in config prompts (IOS 20); 0: all
  std::vector<std::string> prepare;   // session preparation commands, in order
  std::string enable;                 // command to reach privileged EXEC; empty: none
  std::string config_enter;           // "configure terminal"
  std::string config_exit;            // "end": back to EXEC from any config level
  std::string commit;                 // empty unless changes need one ("commit and-quit")
  std::string discard;                // drops uncommitted changes ("abort"); commit platforms
  std::vector<std::string> error_prefixes;   // a line starting with one is a device error
  std::vector<std::string> error_fragments;  // a line containing one is a device error
  std::string paging_line;                   // regex for the pager line (` --More-- `)
  std::vector<Answer> answers;               // default answers to known questions
};

}  // namespace iosctl::dialog
