// iosim's Tcl 8.3 word splitter: quoting, substitution parts, syntax errors
// and the completeness check interactive tclsh uses for `+>`.

#include "iosctl/sim/tcl_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iosctl::sim {
namespace {

// The words' sources of the first command of `script`.
std::vector<std::string> sources(std::string_view script) {
  const TclParse parse = parse_tcl_command(script, 0);
  EXPECT_EQ(parse.error, "") << script;
  std::vector<std::string> out;
  if (parse.command) {
    for (const TclWord& word : parse.command->words) out.push_back(word.source);
  }
  return out;
}

TEST(TclWords, BracketsNestedPastTclsLimitAreAnErrorNotACrash) {
  // 100,000 `[` once ran the parser off its stack (a client typing them
  // into tclsh would have stopped iosim); 999 levels still parse.
  const TclParse deep = parse_tcl_command(std::string(100'000, '['), 0);
  EXPECT_EQ(deep.error, "too many nested evaluations (infinite loop?)");
  const std::string allowed = "puts " + std::string(999, '[') + "x" + std::string(999, ']');
  EXPECT_EQ(parse_tcl_command(allowed, 0).error, "");
}

TEST(TclWords, QuotesBracesAndBracketsEachMakeOneWord) {
  // A bracket's spaces, a quoted `]` and a brace's `"` stay inside their word.
  EXPECT_EQ(sources(R"(set f [open "a b]" w] {x " y} tail)"),
            (std::vector<std::string>{"set", "f", R"([open "a b]" w])", R"({x " y})", "tail"}));
}

TEST(TclWords, PartsSeparateTextVariablesAndScripts) {
  // `a$x\n[cmd]` is text, a variable, text after the escape, then a script.
  const TclParse parse = parse_tcl_command(R"(puts "a$x\n[cmd y]${z w}")", 0);
  ASSERT_TRUE(parse.command);
  const std::vector<TclPart>& parts = parse.command->words[1].parts;
  ASSERT_EQ(parts.size(), 5u);
  EXPECT_EQ(parts[0].value, "a");
  EXPECT_EQ(parts[1].kind, TclPart::Kind::variable);
  EXPECT_EQ(parts[1].value, "x");
  EXPECT_EQ(parts[2].value, "\n");
  EXPECT_EQ(parts[3].kind, TclPart::Kind::script);
  EXPECT_EQ(parts[3].value, "cmd y");
  EXPECT_EQ(parts[4].value, "z w");
}

TEST(TclWords, CommandsSplitAtSemicolonsAndNewlinesButNotInsideBraces) {
  // A comment line is skipped; `;` ends a command outside braces only.
  const std::string script = "# note; more\nset a {1;2}; set b 3\n";
  TclParse first = parse_tcl_command(script, 0);
  ASSERT_TRUE(first.command);
  EXPECT_EQ(first.command->source, "set a {1;2}");
  TclParse second = parse_tcl_command(script, first.next);
  ASSERT_TRUE(second.command);
  EXPECT_EQ(second.command->source, "set b 3");
  EXPECT_FALSE(parse_tcl_command(script, second.next).command);
}

TEST(TclWords, SyntaxErrorsUseTclMessages) {
  // Text glued to a closing brace or quote is an error, as in Tcl.
  EXPECT_EQ(parse_tcl_command("puts {a}b", 0).error, "extra characters after close-brace");
  EXPECT_EQ(parse_tcl_command("puts \"a\"b", 0).error, "extra characters after close-quote");
  const TclParse open = parse_tcl_command("puts [open x", 0);
  EXPECT_EQ(open.error, "missing close-bracket");
  EXPECT_TRUE(open.incomplete);
}

TEST(TclWords, CompletenessFollowsQuotesBracesBracketsAndContinuations) {
  // What makes tclsh prompt `+>` for more.
  EXPECT_FALSE(tcl_command_complete("puts {a"));
  EXPECT_FALSE(tcl_command_complete("puts \"a"));
  EXPECT_FALSE(tcl_command_complete("puts [open x"));
  EXPECT_FALSE(tcl_command_complete("puts a \\"));
  EXPECT_TRUE(tcl_command_complete("puts \"{\""));
  EXPECT_TRUE(tcl_command_complete("puts \\{"));
  EXPECT_TRUE(tcl_command_complete("puts {a}b"));  // complete, though an error
}

TEST(TclWords, BackslashSequences) {
  // Letters, octal (at most three digits), greedy hex, and unknown escapes.
  const auto one = [](std::string_view text) {
    std::size_t pos = 0;
    std::string out;
    while (pos < text.size()) {
      out += text[pos] == '\\' ? tcl_backslash(text, pos) : std::string(1, text[pos++]);
    }
    return out;
  };
  EXPECT_EQ(one(R"(\t\r\n\a)"), "\t\r\n\a");
  EXPECT_EQ(one(R"(\0033\777)"),
            "\x03"
            "3\xff");
  EXPECT_EQ(one(R"(\x0041\xq)"), "Axq");
  EXPECT_EQ(one(R"(\{\$\q)"), "{$q");
  EXPECT_EQ(one("a\\\n   b"), "a b");
}

}  // namespace
}  // namespace iosctl::sim
