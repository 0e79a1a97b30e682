#include "iosctl/util/yaml_reader.h"

#include "support/scratch_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>

namespace iosctl::util {
namespace {

using Kind = YamlError::Kind;

// The refusal parsing `text` as f.yaml gives: "KIND|message", or "no error".
std::string refusal(const std::string& text, const YamlOptions& options = {}) {
  try {
    parse_yaml(text, "f.yaml", options);
  } catch (const YamlError& e) {
    return std::to_string(static_cast<int>(e.kind())) + "|" + e.what();
  }
  return "no error";
}

std::string expected(Kind kind, const std::string& what) {
  return std::to_string(static_cast<int>(kind)) + "|" + what;
}

// `depth` flow sequences inside each other: "[[[]]]" for 3.
std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// The "billion laughs" file: lol1 lists 10 strings, each later level lists
// the one before 10 times through an alias, so lol9 stands for 10^9 strings.
std::string billion_laughs(int levels) {
  std::string text = "lol1: &l1 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 2; level <= levels; ++level) {
    const std::string before = "*l" + std::to_string(level - 1);
    text += "lol" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + before;
    text += "]\n";
  }
  return text;
}

TEST(YamlReader, BuildsTheTreeWithLinesAndQuoting) {
  // Maps keep file order, every node knows its line, quoted text is not plain.
  const YamlNode root = parse_yaml("a: 1\nb: '2'\nc:\n  - x\n  - {d: ~}\ne:\n", "f.yaml");
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.size(), 4u);
  EXPECT_EQ(root.entries()[0].key.scalar(), "a");
  EXPECT_TRUE(root.find("a")->plain());
  EXPECT_EQ(root.find("b")->scalar(), "2");
  EXPECT_FALSE(root.find("b")->plain());
  const YamlNode& c = *root.find("c");
  ASSERT_TRUE(c.is_sequence());
  EXPECT_EQ(c.items()[0].line(), 4);
  EXPECT_EQ(c.items()[1].line(), 5);
  EXPECT_TRUE(c.items()[1].find("d")->is_null());
  EXPECT_TRUE(root.find("e")->is_null());
  EXPECT_EQ(root.find("zz"), nullptr);
  EXPECT_EQ(c.find("x"), nullptr);
}

TEST(YamlReader, EmptyTextIsANullDocument) {
  // A file holding only a comment is a null document on line 1.
  const YamlNode root = parse_yaml("# nothing\n", "f.yaml");
  EXPECT_TRUE(root.is_null());
  EXPECT_EQ(root.line(), 1);
}

TEST(YamlReader, AnAliasSharesTheNodeAndHasItsOwnLine) {
  // *a is the list &a names; its line is where the alias is written.
  const YamlNode root = parse_yaml("a: &a [1, 2]\nb: *a\n", "f.yaml");
  const YamlNode& b = *root.find("b");
  ASSERT_TRUE(b.is_sequence());
  EXPECT_EQ(b.items().size(), 2u);
  EXPECT_EQ(b.items()[1].scalar(), "2");
  EXPECT_EQ(b.line(), 2);
}

TEST(YamlReader, SyntaxErrorNamesTheOneBasedLine) {
  // yaml-cpp's message, on the line an editor shows.
  EXPECT_EQ(refusal("a: 1\nb: [1\n"),
            expected(Kind::syntax, "f.yaml:3: not valid YAML: end of sequence flow not found"));
}

TEST(YamlReader, NestingUpToTheDepthIsRead) {
  // 64 levels of lists are fine; 65 are refused on the line of the 65th.
  EXPECT_EQ(refusal(nested(64)), "no error");
  EXPECT_EQ(refusal("a:\n  b: " + nested(63) + "\n"),
            expected(Kind::too_deep,
                     "f.yaml:2: lists and mappings nested more than 64 levels deep (flatten the "
                     "data)"));
}

TEST(YamlReader, VeryDeepNestingIsRefusedWithoutRecursing) {
  // 100,000 levels would overflow a recursive reader's stack; this one stops at 65.
  EXPECT_EQ(refusal(nested(100'000)),
            expected(Kind::too_deep,
                     "f.yaml:1: lists and mappings nested more than 64 levels deep (flatten the "
                     "data)"));
}

TEST(YamlReader, AnAliasCountsItsDepthWhereItIsUsed) {
  // 40 levels under an anchor, used 30 levels down: 70 levels.
  const std::string text =
      "a: &a " + nested(40) + "\nb: " + std::string(30, '[') + "*a" + std::string(30, ']') + "\n";
  EXPECT_EQ(refusal(text),
            expected(Kind::too_deep,
                     "f.yaml:2: lists and mappings nested more than 64 levels deep (flatten the "
                     "data)"));
  YamlOptions roomy;
  roomy.limits.max_depth = 80;
  EXPECT_EQ(refusal(text, roomy), "no error");
}

TEST(YamlReader, NodeLimitCountsKeysAndValues) {
  // {a: 1, b: 2} is 5 nodes: the map, two keys, two values.
  YamlOptions small;
  small.limits.max_nodes = 5;
  EXPECT_EQ(refusal("{a: 1, b: 2}", small), "no error");
  EXPECT_EQ(refusal("{a: 1, b: 2, c: 3}", small),
            expected(Kind::too_many_nodes,
                     "f.yaml:1: more than 5 nodes, aliases expanded (split the file, or alias "
                     "smaller nodes)"));
}

TEST(YamlReader, AnAliasCountsAsTheSizeOfWhatItNames) {
  // [1, 2, 3] is 4 nodes; two more aliases to it make 4 + 1 + 4 + 4 = 13.
  YamlOptions small;
  small.limits.max_nodes = 12;
  EXPECT_EQ(refusal("- &a [1, 2, 3]\n- *a\n- *a\n", small),
            expected(Kind::too_many_nodes,
                     "f.yaml:3: more than 12 nodes, aliases expanded (split the file, or alias "
                     "smaller nodes)"));
  small.limits.max_nodes = 13;
  EXPECT_EQ(refusal("- &a [1, 2, 3]\n- *a\n- *a\n", small), "no error");
}

TEST(YamlReader, BillionLaughsIsRefusedAtSixSevenAndNineLevels) {
  // About 500 bytes that stand for 10^6, 10^7 and 10^9 strings: refused while
  // counting, before anything that large is built.
  const std::string refused =
      "more than 1000000 nodes, aliases expanded (split the file, or alias smaller nodes)";
  EXPECT_EQ(refusal(billion_laughs(6)), expected(Kind::too_many_nodes, "f.yaml:6: " + refused));
  EXPECT_EQ(refusal(billion_laughs(7)), expected(Kind::too_many_nodes, "f.yaml:6: " + refused));
  EXPECT_EQ(refusal(billion_laughs(9)), expected(Kind::too_many_nodes, "f.yaml:6: " + refused));
  EXPECT_EQ(refusal(billion_laughs(5)), "no error");
}

TEST(YamlReader, RecursiveAliasIsRefused) {
  // *x inside the node &x names would be a tree without end.
  EXPECT_EQ(refusal("r1: &x {a: 1, data: {self: *x}}\n"),
            expected(Kind::recursive_alias,
                     "f.yaml:1: alias *x is used inside the node it names (a recursive alias "
                     "never ends; write the value out)"));
  EXPECT_EQ(refusal("- &y\n  - 1\n  - [*y]\n"),
            expected(Kind::recursive_alias,
                     "f.yaml:3: alias *y is used inside the node it names (a recursive alias "
                     "never ends; write the value out)"));
}

TEST(YamlReader, DuplicateKeyNamesBothLines) {
  // yaml-cpp keeps both; the reader refuses the second, at any depth.
  EXPECT_EQ(
      refusal("a: 1\nb: 2\na: 3\n"),
      expected(Kind::duplicate_key, "f.yaml:3: duplicate key 'a' (first on line 1; keep one)"));
  EXPECT_EQ(
      refusal("x:\n  - {k: 1,\n     k: 2}\n"),
      expected(Kind::duplicate_key, "f.yaml:3: duplicate key 'k' (first on line 2; keep one)"));
  // Quoting does not make another key.
  EXPECT_EQ(
      refusal("a: 1\n'a': 2\n"),
      expected(Kind::duplicate_key, "f.yaml:2: duplicate key 'a' (first on line 1; keep one)"));
}

TEST(YamlReader, DuplicateKeyMessageCanNameWhatTheKeysAre) {
  // The caller's words, given the keys leading to the map ("-" for a list item).
  YamlOptions options;
  std::vector<std::string> seen;
  options.duplicate_key_message = [&](std::span<const std::string> parents, std::string_view key,
                                      int first_line) {
    seen.assign(parents.begin(), parents.end());
    return "entry '" + std::string(key) + "' twice (first " + std::to_string(first_line) + ")";
  };
  EXPECT_EQ(refusal("top:\n  - a: 1\n    a: 2\n", options),
            expected(Kind::duplicate_key, "f.yaml:3: entry 'a' twice (first 2)"));
  EXPECT_EQ(seen, (std::vector<std::string>{"top", "-"}));
}

TEST(YamlReader, KeysMustBeSingleValues) {
  // A list, a mapping or nothing as a key is refused where it is written.
  EXPECT_EQ(
      refusal("a: 1\n[b]: 2\n"),
      expected(Kind::bad_key, "f.yaml:2: a key must be a single value, not a list or mapping"));
  EXPECT_EQ(
      refusal("? {b: 1}\n: 2\n"),
      expected(Kind::bad_key, "f.yaml:1: a key must be a single value, not a list or mapping"));
  EXPECT_EQ(refusal("a: 1\n~: 2\n"),
            expected(Kind::bad_key, "f.yaml:2: empty key (write a name before the ':')"));
}

TEST(YamlReader, LoadsAFileOrSaysItCannot) {
  // The file's path names every message.
  const test::ScratchDir scratch("yaml");
  const std::string path = scratch.path() + "/lab.yaml";
  std::ofstream(path) << "a: 1\na: 2\n";
  try {
    load_yaml_file(path);
    ADD_FAILURE() << "no error";
  } catch (const YamlError& e) {
    EXPECT_EQ(std::string(e.what()), path + ":2: duplicate key 'a' (first on line 1; keep one)");
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.message(), "duplicate key 'a' (first on line 1; keep one)");
  }
  try {
    load_yaml_file(scratch.path() + "/nope.yaml");
    ADD_FAILURE() << "no error";
  } catch (const YamlError& e) {
    EXPECT_EQ(e.kind(), Kind::unreadable);
    EXPECT_EQ(std::string(e.what()), scratch.path() +
                                         "/nope.yaml: cannot read it (check that the file "
                                         "exists and is readable)");
  }
  std::ofstream(path) << "a: [1, 2]\n";
  EXPECT_EQ(load_yaml_file(path).find("a")->items().size(), 2u);
}

}  // namespace
}  // namespace iosctl::util
