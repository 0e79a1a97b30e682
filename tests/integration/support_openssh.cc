#include "integration/support_openssh.h"

namespace iosctl::test {

RunResult run_scp(std::uint16_t port, const std::filesystem::path& key, const std::string& from,
                  const std::string& to, const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {"/usr/bin/scp",
                                   "-F",
                                   "/dev/null",
                                   "-P",
                                   std::to_string(port),
                                   "-i",
                                   key.string(),
                                   "-o",
                                   "IdentitiesOnly=yes",
                                   "-o",
                                   "StrictHostKeyChecking=no",
                                   "-o",
                                   "UserKnownHostsFile=/dev/null",
                                   "-o",
                                   "BatchMode=yes",
                                   "-o",
                                   "LogLevel=ERROR"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(from);
  argv.push_back(to);
  return run_program(argv, deadline_in(60));
}

std::string binary_payload(std::size_t size) {
  std::string bytes = "line one\r\nline two\rno newline\n";
  bytes += '\x03';
  bytes += '\0';
  bytes += "end\r\n";
  std::uint32_t state = 2463534242u;  // xorshift32: deterministic, no repeats to speak of
  while (bytes.size() < size) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    bytes += static_cast<char>(state & 0xff);
  }
  bytes.resize(size);
  return bytes;
}

}  // namespace iosctl::test
