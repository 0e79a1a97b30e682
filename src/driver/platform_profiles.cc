#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"

namespace iosctl::driver {
namespace {

using dialog::Answer;
using dialog::PlatformProfile;

// Cisco-style prompts: `r1>`, `r1#`, `r1(config-if)#` (IOS_BEHAVIOR 1.1;
// scrapli and netmiko use the same host characters). `(tcl)` is tclsh, not
// a config level, so it is not taken for a prompt.
constexpr const char* kCiscoPrompt =
    R"(^([A-Za-z0-9_.\-@/:]{1,63})(?:\(((?!tcl\))[^()\s]{1,40})\))?([>#])$)";

// IOS prints ` --More-- ` (leading and trailing space) until `terminal length 0`.
constexpr const char* kMorePager = R"(^\s*--More--$)";

Answer password_answer() { return Answer{R"([Pp]assword:$)", "", true, 0}; }
Answer confirm_answer() { return Answer{R"(\[confirm\]$)", "\n", false, 0}; }

PlatformProfile cisco_ios(std::string name) {
  PlatformProfile p;
  p.name = std::move(name);
  p.prompt_line = kCiscoPrompt;
  p.user_marks = ">";
  p.config_host_limit = 20;  // `THIS.IS.A.PARTICULAR(config)#` (netmiko #2755, #1786)
  p.prepare = {"terminal length 0", "terminal width 511"};
  p.enable = "enable";
  p.config_enter = "configure terminal";
  p.config_exit = "end";
  // IOS_BEHAVIOR 8: the texts scrapli, netmiko and unicon treat as failures.
  p.error_prefixes = {"% Invalid input",
                      "% Incomplete command",
                      "% Ambiguous command",
                      "%Error",
                      "% Error",
                      "% Unknown command",
                      "% Bad IP address",
                      "% Bad secrets",
                      "% Access denied",
                      "% No password set",
                      "Command authorization failed"};
  p.paging_line = kMorePager;
  // IOS_BEHAVIOR 4.3: copy and delete ask for file names, then `[confirm]`.
  p.answers = {confirm_answer(),
               Answer{R"((Source|Destination|Delete) filename \[[^\]]*\]\?$)", "\n", false, 0},
               Answer{R"(\[yes/no\]:?$)", "yes\n", false, 0}, password_answer()};
  return p;
}

PlatformProfile cisco_nxos() {
  PlatformProfile p = cisco_ios("cisco_nxos");
  p.config_host_limit = 0;
  // NX-OS words its errors differently: `% Invalid command at '^' marker.`
  p.error_prefixes = {
      "% Invalid command",         "% Invalid input",     "% Invalid parameter", "% Invalid number",
      "% Incomplete command",      "% Ambiguous command", "% Permission denied", "ERROR:",
      "Syntax error while parsing"};
  p.answers = {confirm_answer(), Answer{R"(\[yes/no\]:?$)", "yes\n", false, 0}, password_answer()};
  return p;
}

PlatformProfile cisco_xr() {
  PlatformProfile p = cisco_ios("cisco_xr");
  // `RP/0/RP0/CPU0:xr1#`, `RP/0/RP0/CPU0:xr1(config-if)#`: no user EXEC.
  p.prompt_line = R"(^([A-Za-z0-9_.\-@/:]{1,63})(?:\(([^()\s]{1,40})\))?(#)$)";
  p.user_marks.clear();
  p.config_host_limit = 0;
  p.prepare = {"terminal length 0", "terminal width 512"};
  p.enable.clear();
  p.commit = "commit";
  p.discard = "abort";  // drops the candidate and leaves config mode
  p.error_prefixes = {"% Invalid input", "% Incomplete command", "% Ambiguous command",
                      "% Failed to commit", "% Permission denied"};
  // `end` with changes not committed asks; "no" drops them (commit is explicit).
  p.answers = {confirm_answer(),
               Answer{R"(Uncommitted changes found.*\[cancel\]:$)", "no\n", false, 0},
               password_answer()};
  return p;
}

PlatformProfile arista_eos() {
  PlatformProfile p = cisco_ios("arista_eos");
  p.config_host_limit = 0;
  p.prepare = {"terminal length 0", "terminal width 32767"};
  p.error_prefixes = {
      "% Invalid input",       "% Incomplete command", "% Ambiguous command",   "% Error",
      "% Unavailable command", "% Cannot commit",      "% Authorization denied"};
  p.answers = {confirm_answer(), password_answer()};
  return p;
}

PlatformProfile juniper_junos() {
  PlatformProfile p;
  p.name = "juniper_junos";
  // `user@r1>` operational, `user@r1#` configuration with `[edit ...]` above it;
  // on a virtual chassis `{master:0}` stands above, or before `[edit]`.
  p.prompt_line = R"(^([A-Za-z0-9_.\-]+@[A-Za-z0-9_.\-:]+)()([>#])$)";
  p.context_line = R"(^(?=.)(?:\{[^}]*\})?(?:\[edit ?([^\]]*)\])?$)";
  p.config_marks = "#";
  // complete-on-space first, so that the next commands echo as typed.
  p.prepare = {"set cli complete-on-space off", "set cli screen-length 0",
               "set cli screen-width 511"};
  p.config_enter = "configure";
  p.config_exit = "exit configuration-mode";
  p.commit = "commit and-quit";
  p.discard = "rollback 0";
  p.error_prefixes = {"syntax error", "unknown command", "error:", "missing argument",
                      "invalid value"};
  p.error_fragments = {"is ambiguous."};
  p.paging_line = R"(^---\(more( \d+%)?\)---$)";
  p.answers = {Answer{R"(Exit with uncommitted changes\? \[yes,no\] \(yes\)$)", "yes\n", false, 0},
               password_answer()};
  return p;
}

PlatformProfile nokia_sros() {
  PlatformProfile p;
  p.name = "nokia_sros";
  // MD-CLI: `A:admin@r1#` under a context line, `[/]` operational and
  // `(pr)[/]` or `*[pr:/configure]` in a private candidate ('*': changed).
  p.prompt_line = R"(^([AB]:[A-Za-z0-9_.\-]+@[A-Za-z0-9_.\-]+)()(#)$)";
  p.context_line =
      R"(^[!*]*(?:\[/[^\]]*\]|(?:\((?:ex|pr|gl|ro)\)\[|\[(?:ex|pr|gl|ro):)([^\]]*)\])$)";
  p.prepare = {"environment command-completion space false", "environment console width 512",
               "environment more false"};
  p.config_enter = "edit-config private";
  p.config_exit = "quit-config";
  p.commit = "commit";
  p.discard = "discard";
  p.error_prefixes = {"MINOR:", "MAJOR:", "CRITICAL:", "Error:"};
  p.paging_line = R"(^Press any key to continue \(Q to quit\)$)";
  p.answers = {password_answer()};
  return p;
}

}  // namespace

std::vector<std::string> platform_names() {
  return {"cisco_ios",  "cisco_xe",      "cisco_nxos", "cisco_xr",
          "arista_eos", "juniper_junos", "nokia_sros"};
}

std::optional<dialog::PlatformProfile> find_platform_profile(std::string_view name) {
  if (name == "cisco_ios" || name == "cisco_xe") return cisco_ios(std::string(name));
  if (name == "cisco_nxos") return cisco_nxos();
  if (name == "cisco_xr") return cisco_xr();
  if (name == "arista_eos") return arista_eos();
  if (name == "juniper_junos") return juniper_junos();
  if (name == "nokia_sros") return nokia_sros();
  return std::nullopt;
}

dialog::PlatformProfile platform_profile(std::string_view name) {
  if (std::optional<dialog::PlatformProfile> profile = find_platform_profile(name)) {
    return *std::move(profile);
  }
  std::string known;
  for (const std::string& each : platform_names()) known += (known.empty() ? "" : ", ") + each;
  throw Error(Failure::usage,
              "unknown device type '" + std::string(name) + "'; use one of: " + known);
}

}  // namespace iosctl::driver
