// libFuzzer's entry point for one target, chosen when this file is compiled
// (IOSCTL_FUZZ_ENTRY names a function of fuzz/targets.h).

#include "fuzz/targets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  iosctl::fuzz::IOSCTL_FUZZ_ENTRY(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
