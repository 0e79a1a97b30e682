#include "iosctl/sim/grammar.h"

#include "iosctl/sim/command_tables.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace iosctl::sim {
namespace {

const char* kSmall = R"(
@mode priv
show running-config        ; act=run pipe
show startup-config        ; act=start
write memory               ; act=wr
terminal length <0-512>    ; act=len
@mode config
interface <ifname>         ; mode=config-if
hostname <word>            ; key=1
ip address <ip> <ip>       ; key=2 keepno
neighbor <ip>              ; noonly
neighbor <ip> remote-as <1-65535>  ; key=3
)";

TEST(Grammar, TheBuiltInTablesCompile) {
  // Every mode iosim serves has a tree.
  const Grammar grammar(command_grammar_text());
  for (const char* mode : {"exec", "priv", "config", "config-if", "config-subif", "config-line",
                           "config-router", "config-router-af", "config-ext-nacl",
                           "config-std-nacl", "config-route-map", "config-archive", "config-pmap",
                           "config-pmap-c", "config-cmap", "config-vrf", "config-keyring"}) {
    EXPECT_TRUE(grammar.has_mode(mode)) << mode;
  }
}

TEST(Grammar, UniquePrefixesSpellKeywordsOut) {
  // `sh run` is `show running-config`, `wr mem` is `write memory`.
  const Grammar grammar(kSmall);
  const Match m = grammar.match("priv", "sh run", false);
  ASSERT_EQ(m.status, MatchStatus::ok);
  EXPECT_EQ(m.words, (std::vector<std::string>{"show", "running-config"}));
  EXPECT_EQ(m.command->action, "run");
  EXPECT_TRUE(m.command->pipe);
  EXPECT_EQ(grammar.match("priv", "wr mem", false).command->action, "wr");
  EXPECT_EQ(grammar.match("priv", "SHOW START", false).command->action, "start");
}

TEST(Grammar, ReportsWhereMatchingStopped) {
  // The column is the first character no command accepts; numbers are range-checked.
  const Grammar grammar(kSmall);
  const Match bad = grammar.match("priv", "show runx", false);
  EXPECT_EQ(bad.status, MatchStatus::invalid);
  EXPECT_EQ(bad.column, 8u);
  EXPECT_EQ(grammar.match("priv", "terminal length 513", false).column, 16u);
  EXPECT_EQ(grammar.match("priv", "show", false).status, MatchStatus::incomplete);
  EXPECT_EQ(grammar.match("priv", "s", false).status, MatchStatus::incomplete);
  EXPECT_EQ(grammar.match("priv", "show s", false).command->action, "start");
}

TEST(Grammar, AmbiguousPrefixes) {
  // `show r` is ambiguous only when two keywords start so.
  const Grammar grammar(R"(
@mode priv
show running-config ; act=a
show redundancy ; act=b
)");
  const Match m = grammar.match("priv", "show r", false);
  EXPECT_EQ(m.status, MatchStatus::ambiguous);
  EXPECT_EQ(m.column, 5u);
  EXPECT_EQ(grammar.match("priv", "show ru", false).command->action, "a");
}

TEST(Grammar, InterfaceNamesAreCanonical) {
  // `int gi0/0/1.100` and `interface GigabitEthernet 1` name full interfaces.
  const Grammar grammar(kSmall);
  EXPECT_EQ(grammar.match("config", "int gi0/0/1.100", true).words[1], "GigabitEthernet0/0/1.100");
  EXPECT_EQ(grammar.match("config", "interface GigabitEthernet 1", true).words[1],
            "GigabitEthernet1");
  EXPECT_EQ(grammar.match("config", "interface lo0", true).words[1], "Loopback0");
  EXPECT_EQ(canonical_interface("po10"), "Port-channel10");
  EXPECT_EQ(canonical_interface("gi"), "");
}

TEST(Grammar, NoFormsStopAtTheKey) {
  // `no ip address` is complete (key 2); `no neighbor X` only exists negated.
  const Grammar grammar(kSmall);
  const Match no_address = grammar.match("config", "no ip address", true);
  ASSERT_EQ(no_address.status, MatchStatus::ok);
  EXPECT_TRUE(no_address.negated);
  EXPECT_EQ(no_address.words, (std::vector<std::string>{"ip", "address"}));
  EXPECT_EQ(grammar.match("config", "no ip", true).status, MatchStatus::incomplete);
  EXPECT_EQ(grammar.match("config", "no neighbor 1.1.1.1", true).status, MatchStatus::ok);
  EXPECT_EQ(grammar.match("config", "neighbor 1.1.1.1", true).status, MatchStatus::incomplete);
  EXPECT_EQ(grammar.match("config", "n", true).status, MatchStatus::ambiguous);
}

TEST(Grammar, BadTablesNameTheLine) {
  // A grammar mistake is a programming error with the line and the reason.
  try {
    Grammar bad("@mode config\nhostname <wrod>\n");
    FAIL() << "compiled";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "grammar line 2: bad token '<wrod>': hostname <wrod>");
  }
}

}  // namespace
}  // namespace iosctl::sim
