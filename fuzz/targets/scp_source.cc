// iosim's SCP source (`scp -f`): a client's answers to a file being sent,
// in the chunking the input gives (fuzz/input_split.h). The first chunk is
// the file, or no file when it is empty.

#include "fuzz/input_split.h"
#include "fuzz/targets.h"
#include "iosctl/sim/scp_protocol.h"

namespace iosctl::fuzz {

void scp_source(std::string_view input) {
  const std::vector<std::string_view> chunks = length_prefixed_chunks(input);
  if (chunks.empty()) return;
  std::optional<std::string> file;
  if (!chunks.front().empty()) file = std::string(chunks.front());
  sim::ScpSource source("flash:/f.txt", file);
  for (std::size_t i = 1; i < chunks.size() && !source.done(); ++i) (void)source.feed(chunks[i]);
}

}  // namespace iosctl::fuzz
