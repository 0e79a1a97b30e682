#pragma once

#include <vector>

namespace iosctl::config {

enum class EditKind { common, removed, added };

// One step of an edit script from sequence A to sequence B.
struct Edit {
  EditKind kind;
  int a;  // index in A (common, removed), else the A position it comes before
  int b;  // index in B (common, added), else the B position it comes before
};

// Returns an edit script turning `a` into `b` (sequences of line ids: equal
// lines, equal ids). Removals come before additions within a change.
std::vector<Edit> diff_lines(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace iosctl::config
