#pragma once

// Ways the targets cut one fuzz input into the several inputs they need,
// so that libFuzzer's mutations reach each part.

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace iosctl::fuzz {

// Splits `input` at its first NUL byte: the part before and the part after
// (empty when there is none).
std::pair<std::string_view, std::string_view> split_at_nul(std::string_view input);

// Cuts `input` into chunks whose lengths come from the input itself: each
// chunk is preceded by one length byte (1-256 bytes follow). Models a
// stream's reads arriving in arbitrary pieces.
std::vector<std::string_view> length_prefixed_chunks(std::string_view input);

}  // namespace iosctl::fuzz
