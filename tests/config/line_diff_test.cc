#include "iosctl/config/line_diff.h"

#include <gtest/gtest.h>

#include <random>

namespace iosctl::config {
namespace {

// Replays `script` on `a` and returns the sequence it produces, checking
// that it walks both sequences in order.
std::vector<int> replay(const std::vector<Edit>& script, const std::vector<int>& a,
                        const std::vector<int>& b) {
  std::vector<int> out;
  int next_a = 0;
  int next_b = 0;
  for (const Edit& e : script) {
    if (e.kind != EditKind::added) {
      EXPECT_EQ(e.a, next_a++);
    }
    if (e.kind != EditKind::removed) {
      EXPECT_EQ(e.b, next_b++);
    }
    if (e.kind == EditKind::common) {
      EXPECT_EQ(a[static_cast<std::size_t>(e.a)], b[static_cast<std::size_t>(e.b)]);
      out.push_back(a[static_cast<std::size_t>(e.a)]);
    }
    if (e.kind == EditKind::added) out.push_back(b[static_cast<std::size_t>(e.b)]);
  }
  EXPECT_EQ(next_a, static_cast<int>(a.size()));
  return out;
}

int changed_lines(const std::vector<Edit>& script) {
  int n = 0;
  for (const Edit& e : script) n += e.kind != EditKind::common;
  return n;
}

// A script always turns A into B, whatever the sequences.
TEST(LineDiffTest, ScriptTurnsAIntoB) {
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    std::vector<int> a, b;
    const int alphabet = 1 + round % 12;  // few symbols: many repeats
    for (int i = 0; i < round % 40; ++i) a.push_back(static_cast<int>(random() % alphabet));
    b = a;
    for (int edits = 0; edits < 1 + round % 5; ++edits) {
      const auto at = b.empty() ? 0 : random() % b.size();
      if (random() % 2 && !b.empty()) {
        b.erase(b.begin() + static_cast<long>(at));
      } else {
        b.insert(b.begin() + static_cast<long>(at), static_cast<int>(random() % (alphabet + 3)));
      }
    }
    EXPECT_EQ(replay(diff_lines(a, b), a, b), b) << "round " << round;
  }
}

// Equal sequences give an all-common script; an empty side is all one kind.
TEST(LineDiffTest, EqualAndEmptySequences) {
  const std::vector<int> a = {1, 2, 3};
  EXPECT_EQ(changed_lines(diff_lines(a, a)), 0);
  EXPECT_EQ(changed_lines(diff_lines(a, {})), 3);
  EXPECT_EQ(changed_lines(diff_lines({}, a)), 3);
}

// One changed line among many is one removal and one addition.
TEST(LineDiffTest, OneChangeIsMinimal) {
  std::vector<int> a;
  for (int i = 0; i < 1000; ++i) a.push_back(i % 50 == 0 ? 9999 : i);  // repeats as well
  std::vector<int> b = a;
  b[500] = 5000;
  const std::vector<Edit> script = diff_lines(a, b);
  EXPECT_EQ(changed_lines(script), 2);
  EXPECT_EQ(replay(script, a, b), b);
}

}  // namespace
}  // namespace iosctl::config
