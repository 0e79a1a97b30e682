#include "iosctl/dialog/prompt_rules.h"

#include "iosctl/driver/platform_profile.h"
#include "iosctl/error.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace iosctl::dialog {
namespace {

PromptRules rules_for(std::string_view platform) {
  return PromptRules(driver::platform_profile(platform));
}

// Parses `line` (with `previous` above it) and returns "host|mode|sub_mode", or "none".
std::string parsed(const PromptRules& rules, std::string_view line,
                   std::string_view previous = "") {
  const std::optional<Prompt> p = rules.parse(line, previous);
  if (!p) return "none";
  return p->host + "|" + std::string(mode_name(p->mode)) + "|" + p->sub_mode;
}

TEST(PromptRules, IosModesComeFromTheMarkAndTheParentheses) {
  // `>` is user EXEC, `#` privileged, `(config...)#` config with its level.
  const PromptRules ios = rules_for("cisco_ios");
  EXPECT_EQ(parsed(ios, "csr1000v>"), "csr1000v|user EXEC|");
  EXPECT_EQ(parsed(ios, "csr1000v#"), "csr1000v|privileged EXEC|");
  EXPECT_EQ(parsed(ios, "csr1000v(config)#"), "csr1000v|config|config");
  EXPECT_EQ(parsed(ios, "host(config-if)#"), "host|config|config-if");
  EXPECT_EQ(parsed(ios, "9300-24UX-1(config-line)#"), "9300-24UX-1|config|config-line");
  EXPECT_EQ(parsed(ios, "Router(config-archive)#"), "Router|config|config-archive");
  EXPECT_EQ(parsed(ios, "r1(cfg-crypto-trans)#"), "r1|config|cfg-crypto-trans");
}

TEST(PromptRules, IosOutputLinesAreNotPrompts) {
  // Lines that merely end in `#` or `>` must not end a command early.
  const PromptRules ios = rules_for("cisco_ios");
  EXPECT_EQ(parsed(ios, "interface GigabitEthernet1"), "none");
  EXPECT_EQ(parsed(ios, "######"), "none");
  EXPECT_EQ(parsed(ios, "banner motd #"), "none");
  EXPECT_EQ(parsed(ios, "Password:"), "none");
  EXPECT_EQ(parsed(ios, "csr1000v(tcl)#"), "none");
  EXPECT_EQ(parsed(ios, ""), "none");
  EXPECT_EQ(parsed(ios, std::string(600, 'a') + "#"), "none");
}

TEST(PromptRules, TruncatedConfigHostIsTheSameDevice) {
  // IOS shows 20 hostname characters in config mode; exec prompts show them all.
  const PromptRules ios = rules_for("cisco_ios");
  EXPECT_EQ(parsed(ios, "veryveryverylonghost(config)#"), "veryveryverylonghost|config|config");
  EXPECT_TRUE(ios.same_host("veryveryverylonghost", "veryveryverylonghostname"));
  EXPECT_TRUE(ios.same_host("THIS.IS.A.PARTICULARLY.LONG", "THIS.IS.A.PARTICULAR"));
  EXPECT_FALSE(ios.same_host("veryveryverylonghost", "veryveryverylongHOSTname"));
  EXPECT_FALSE(ios.same_host("r1", "r10"));
  EXPECT_FALSE(ios.same_host("short", "shorter"));
}

TEST(PromptRules, SameHostWithoutLimitNeedsEquality) {
  // Platforms that do not truncate compare whole hosts.
  EXPECT_TRUE(same_host("leaf1", "leaf1", 0));
  EXPECT_FALSE(same_host("veryveryverylonghostA", "veryveryverylonghostB", 0));
  EXPECT_TRUE(same_host("veryveryverylonghostA", "veryveryverylonghostB", 20));
}

TEST(PromptRules, NxosPromptsEndInASpace) {
  // NX-OS prints `switch# `; the trailing space is gone from the visible line.
  const PromptRules nxos = rules_for("cisco_nxos");
  EXPECT_EQ(parsed(nxos, "n9k-1#"), "n9k-1|privileged EXEC|");
  EXPECT_EQ(parsed(nxos, "n9k-1(config-if)#"), "n9k-1|config|config-if");
}

TEST(PromptRules, XrPromptsCarryTheRouteProcessor) {
  // IOS XR prompts start with the node: `RP/0/RP0/CPU0:xr1#`.
  const PromptRules xr = rules_for("cisco_xr");
  EXPECT_EQ(parsed(xr, "RP/0/RP0/CPU0:xr1#"), "RP/0/RP0/CPU0:xr1|privileged EXEC|");
  EXPECT_EQ(parsed(xr, "RP/0/RSP0/CPU0:pe1(config-if)#"), "RP/0/RSP0/CPU0:pe1|config|config-if");
  EXPECT_EQ(parsed(xr, "RP/0/RP0/CPU0:xr1>"), "none");
}

TEST(PromptRules, EosSubModesNameTheInterface) {
  // EOS levels look like `(config-if-Et1)`.
  const PromptRules eos = rules_for("arista_eos");
  EXPECT_EQ(parsed(eos, "leaf1>"), "leaf1|user EXEC|");
  EXPECT_EQ(parsed(eos, "leaf1(config-if-Et1)#"), "leaf1|config|config-if-Et1");
}

TEST(PromptRules, JunosConfigLevelIsOnTheLineAbove) {
  // `user@host>` operational; `[edit ...]` above `user@host#` in configuration.
  const PromptRules junos = rules_for("juniper_junos");
  EXPECT_EQ(parsed(junos, "admin@vmx1>"), "admin@vmx1|privileged EXEC|");
  EXPECT_EQ(parsed(junos, "admin@vmx1>", "{master:0}"), "admin@vmx1|privileged EXEC|");
  EXPECT_EQ(parsed(junos, "admin@vmx1#", "[edit]"), "admin@vmx1|config|");
  EXPECT_EQ(parsed(junos, "admin@vmx1#", "[edit interfaces ge-0/0/0]"),
            "admin@vmx1|config|interfaces ge-0/0/0");
  EXPECT_EQ(parsed(junos, "admin@vmx1#", "{master:0}[edit]"), "admin@vmx1|config|");
  EXPECT_TRUE(junos.is_context_line("[edit protocols bgp]"));
  EXPECT_FALSE(junos.is_context_line(""));
  EXPECT_TRUE(junos.is_context_line("{master:0}"));
  EXPECT_FALSE(junos.is_context_line("Screen length set to 0"));
  EXPECT_EQ(parsed(junos, "vmx1>"), "none");
}

TEST(PromptRules, SrosModeComesFromTheContextLine) {
  // MD-CLI: `[/]` operational; `(pr)[/]` or `*[pr:/configure ...]` in a candidate.
  const PromptRules sros = rules_for("nokia_sros");
  EXPECT_EQ(parsed(sros, "A:admin@pe1#", "[/]"), "A:admin@pe1|privileged EXEC|");
  EXPECT_EQ(parsed(sros, "A:admin@pe1#", "(pr)[/]"), "A:admin@pe1|config|/");
  EXPECT_EQ(parsed(sros, "A:admin@pe1#", "*[pr:/configure router \"Base\"]"),
            "A:admin@pe1|config|/configure router \"Base\"");
  EXPECT_EQ(parsed(sros, "A:admin@pe1#", "!*[ro:/configure]"), "A:admin@pe1|config|/configure");
  EXPECT_TRUE(sros.is_context_line("[/]"));
  EXPECT_FALSE(sros.is_context_line("INFO: CLI #2070: Entering private configuration mode"));
}

TEST(PromptRules, PagerLinesPerPlatform) {
  // Each platform's "more" prompt, as the visible line shows it.
  EXPECT_TRUE(rules_for("cisco_ios").is_paging(" --More--"));
  EXPECT_FALSE(rules_for("cisco_ios").is_paging("--More-- or less"));
  EXPECT_TRUE(rules_for("juniper_junos").is_paging("---(more)---"));
  EXPECT_TRUE(rules_for("juniper_junos").is_paging("---(more 45%)---"));
  EXPECT_TRUE(rules_for("nokia_sros").is_paging("Press any key to continue (Q to quit)"));
}

TEST(PromptRules, IosAnswersKnownQuestions) {
  // The default table: confirmations and file names get Enter, yes/no gets yes, passwords the
  // secret.
  const PromptRules ios = rules_for("cisco_ios");
  const auto reply = [&](std::string_view line) -> std::string {
    const std::optional<std::size_t> i = ios.find_question(line);
    if (!i) return "none";
    const Answer& a = ios.answers()[*i];
    return a.reply_with_secret ? "<secret>" : a.reply;
  };
  EXPECT_EQ(reply("Delete bootflash:/x.txt? [confirm]"), "\n");
  EXPECT_EQ(reply("Destination filename [startup-config]?"), "\n");
  EXPECT_EQ(reply("Source filename [running-config]?"), "\n");
  EXPECT_EQ(reply("Delete filename [candidate_config.txt]?"), "\n");
  EXPECT_EQ(reply("Would you like to enter the initial configuration dialog? [yes/no]:"), "yes\n");
  EXPECT_EQ(reply("Password:"), "<secret>");
  EXPECT_EQ(reply("Enter Y if you are sure you want to proceed. ? [no]:"), "none");
  EXPECT_EQ(reply("[confirm] was printed earlier"), "none");
}

TEST(PromptRules, BadPatternNamesItself) {
  // A profile with a broken regex fails at construction, naming the field.
  PlatformProfile broken = driver::platform_profile("cisco_ios");
  broken.paging_line = "(unclosed";
  try {
    PromptRules rules(broken);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.failure(), Failure::internal);
    EXPECT_TRUE(std::string(e.what()).starts_with(
        "invalid regular expression for cisco_ios paging_line '(unclosed' ("))
        << e.what();
  }
}

}  // namespace
}  // namespace iosctl::dialog
