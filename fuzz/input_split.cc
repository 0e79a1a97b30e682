#include "fuzz/input_split.h"

namespace iosctl::fuzz {

std::pair<std::string_view, std::string_view> split_at_nul(std::string_view input) {
  const std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return {input, {}};
  return {input.substr(0, nul), input.substr(nul + 1)};
}

std::vector<std::string_view> length_prefixed_chunks(std::string_view input) {
  std::vector<std::string_view> chunks;
  std::size_t at = 0;
  while (at < input.size()) {
    const std::size_t length = static_cast<unsigned char>(input[at]) + 1u;
    ++at;
    chunks.push_back(input.substr(at, length));
    at += length;
  }
  return chunks;
}

}  // namespace iosctl::fuzz
