// iosim's SCP sink (`scp -t`): the command line, then whatever a client
// sends, in the chunking the input gives (fuzz/input_split.h). The first
// chunk is the command line.

#include "fuzz/input_split.h"
#include "fuzz/targets.h"
#include "iosctl/sim/scp_protocol.h"

#include <cstdlib>

namespace iosctl::fuzz {

void scp_sink(std::string_view input) {
  const std::vector<std::string_view> chunks = length_prefixed_chunks(input);
  if (chunks.empty()) return;
  const std::optional<sim::ScpCommand> command = sim::parse_scp_command(chunks.front());
  const std::string target = command ? command->path : "flash:";
  std::uint64_t stored = 0;
  sim::ScpSink sink(target, [&stored](const std::string&, std::string bytes) {
    stored += bytes.size();
    return std::optional<std::string>();
  });
  (void)sink.start();
  for (std::size_t i = 1; i < chunks.size() && !sink.done(); ++i) (void)sink.feed(chunks[i]);
  // The sink never stores more file bytes than it was sent.
  if (stored > input.size() || sink.data_bytes() > input.size()) std::abort();
}

}  // namespace iosctl::fuzz
