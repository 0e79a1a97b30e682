#include "iosctl/sim/replace_plan.h"

#include "iosctl/sim/command_tables.h"

#include <gtest/gtest.h>

namespace iosctl::test {
namespace {

// The commands plan_replace() would type, one per line: parents, then `line`.
std::string planned(std::string_view running, std::string_view candidate, bool ignorecase = false) {
  const sim::Grammar grammar(sim::command_grammar_text());
  const sim::IndexedConfig from(running);
  const sim::IndexedConfig to(candidate);
  std::string out;
  for (const sim::ReplaceCommand& c : sim::plan_replace(from, to, ignorecase, grammar)) {
    for (const std::string& p : c.path) out += p + " > ";
    out += c.line + (c.moved ? " (moved)" : "") + "\n";
  }
  return out;
}

TEST(ReplacePlan, AnEntryInsertedMidListRetypesTheEntriesAfterIt) {
  // New ACL entries go last on IOS, so those that must follow the new one are typed again.
  EXPECT_EQ(planned("ip access-list extended A\n permit tcp any any\n deny   ip any any\nend\n",
                    "ip access-list extended A\n permit tcp any any\n permit udp any any\n"
                    " deny   ip any any\nend\n"),
            "ip access-list extended A > no deny   ip any any (moved)\n"
            "ip access-list extended A > permit udp any any\n"
            "ip access-list extended A > deny   ip any any\n");
}

TEST(ReplacePlan, AnOverwrittenLineIsNotRemovedFirst) {
  // `hostname` and `logging buffered` take the old line's place; `ntp server` adds a second one.
  EXPECT_EQ(planned("hostname a\nlogging buffered 4096\nntp server 10.0.0.1\nend\n",
                    "hostname b\nlogging buffered 8192\nntp server 10.0.0.2\nend\n"),
            "no ntp server 10.0.0.1\nhostname b\nlogging buffered 8192\nntp server 10.0.0.2\n");
}

TEST(ReplacePlan, ANoLineIsRemovedByTypingItsPositiveForm) {
  // Dropping `no ip http server` means `ip http server`; `no ip address` goes with the address.
  EXPECT_EQ(planned("no ip http server\ninterface Gi1\n no ip address\nend\n",
                    "interface Gi1\n ip address 192.0.2.1 255.255.255.0\nend\n"),
            "ip http server\ninterface Gi1 > ip address 192.0.2.1 255.255.255.0\n");
}

TEST(ReplacePlan, ARemovedBlockGoesWithOneCommand) {
  // `no interface X` takes its lines along; they are not typed one by one.
  EXPECT_EQ(planned("interface Gi1.300\n encapsulation dot1Q 300\n ip address 10.3.0.1 "
                    "255.255.255.0\nend\n",
                    "end\n"),
            "no interface Gi1.300\n");
}

TEST(ReplacePlan, IgnorecaseKeepsLinesThatDifferOnlyInCase) {
  // `configure replace ... ignorecase`.
  EXPECT_EQ(planned("interface Gi1\n description Uplink\nend\n",
                    "interface Gi1\n description UPLINK\nend\n", true),
            "");
}

}  // namespace
}  // namespace iosctl::test
