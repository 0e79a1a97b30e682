// --json with bytes that are not UTF-8, against iosim over SSH: a Latin-1
// description (legal on IOS) is committed and saved, every document parses,
// and python3 gets the exact bytes back with the surrogateescape error
// handler; failures print one document too.

#include "integration/support_device_test.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace iosctl::test {
namespace {

// A Latin-1 description: e9 is 'e' acute, a9 the copyright sign.
const std::string kLatin1 = " description caf\xe9 r\xe9seau \xa9 lab";

// Reads the JSON document in argv[1] with python3's json module (which reads
// \udcXX escapes), prints its exit_code, then for each string value
// containing argv[2] (hex) once re-encoded with surrogateescape, "found"; it
// writes the string at the JSON pointer argv[3] (if any), re-encoded, to argv[4].
constexpr const char* kReader = R"(import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
want = bytes.fromhex(sys.argv[2])
def strings(v):
    if isinstance(v, str): yield v
    elif isinstance(v, dict):
        for k, x in v.items(): yield k; yield from strings(x)
    elif isinstance(v, list):
        for x in v: yield from strings(x)
print(doc.get('exit_code'))
print('found' if any(want in s.encode('utf-8', 'surrogateescape') for s in strings(doc)) else 'missing')
if len(sys.argv) > 4:
    v = doc
    for part in sys.argv[3].split('/')[1:]:
        v = v[int(part)] if isinstance(v, list) else v[part]
    open(sys.argv[4], 'wb').write(v.encode('utf-8', 'surrogateescape'))
)";

std::string hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 0xf];
  }
  return out;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class CliJsonBytes : public DeviceTest {
 protected:
  // The running config with the uplink's description in Latin-1.
  std::string latin1_candidate() {
    std::string text = running();
    const std::string old = " description uplink to lab core";
    const std::size_t at = text.find(old);
    EXPECT_NE(at, std::string::npos) << text;
    return text.replace(at, old.size(), kLatin1);
  }
  // What kReader prints for `document`, looking for `bytes`.
  std::string read_with_python(const std::string& document, const std::string& bytes,
                               const std::string& pointer = "",
                               const std::filesystem::path& extract = {}) {
    const auto file = dir_.write("doc.json", document);
    const auto script = dir_.write("reader.py", kReader);
    std::vector<std::string> argv = {"/usr/bin/python3", script.string(), file.string(),
                                     hex(bytes)};
    if (!pointer.empty()) {
      argv.push_back(pointer);
      argv.push_back(extract.string());
    }
    const RunResult r = run_program(argv, deadline_in(60));
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
};

TEST_F(CliJsonBytes, Latin1CommitPrintsOneDocumentWithTheBytes) {
  // The case as found (exit 1 "json type_error.316"): now exit 0, one
  // document, the bytes recovered, and the device has them, saved.
  start();
  const std::string candidate = latin1_candidate();
  const auto file = dir_.write("latin1.cfg", candidate);
  const RunResult r = run({"--json", "commit", file.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_with_python(r.out, kLatin1.substr(1)), "0\nfound\n") << r.out;
  EXPECT_NE(r.out.find("caf\\udce9 r\\udce9seau \\udca9 lab"), std::string::npos) << r.out;
  EXPECT_EQ(running(), candidate);
  const RunResult startup = run({"send-command", "show startup-config"});
  EXPECT_NE(startup.out.find(kLatin1 + "\n"), std::string::npos) << startup.out;
}

TEST_F(CliJsonBytes, GetConfigJsonGivesTheExactBytesBack) {
  // get-config --json of a Latin-1 config: python3 gets the config byte for byte.
  LabEntry device = device_with({" description uplink to lab core"}, {});
  start(device);
  ASSERT_EQ(run({"send-config", "interface GigabitEthernet2", kLatin1}).status, 0);
  const std::string config = running();
  ASSERT_NE(config.find(kLatin1), std::string::npos) << config;
  const RunResult r = run({"--json", "get-config"});
  EXPECT_EQ(r.status, 0) << r.err;
  const auto extracted = dir_.path() / "output.bin";
  EXPECT_EQ(read_with_python(r.out, kLatin1, "/results/0/output", extracted), "None\nfound\n");
  EXPECT_EQ(read_all(extracted), config);
}

TEST_F(CliJsonBytes, FailedLineQuotedInLatin1IsOneDocument) {
  // A rejected Latin-1 line: exit 4, the failure's document still parses
  // and holds the line's bytes; the device is back on its old config.
  start();
  const std::string before = running();
  const std::string bad = "caf\xe9 is no command";
  const auto file = dir_.write("bad.cfg", running_plus(bad));
  const RunResult r = run({"--json", "commit", file.string()});
  EXPECT_EQ(r.status, 4) << r.err;
  EXPECT_EQ(read_with_python(r.out, bad), "4\nfound\n") << r.out;
  EXPECT_EQ(running(), before);
}

TEST_F(CliJsonBytes, UnreachableDeviceIsOneDocument) {
  // Nothing listens: exit 6, and stdout is still one JSON document.
  start();
  const std::uint16_t closed = free_port();
  const auto file = dir_.write("c.cfg", latin1_candidate());
  std::vector<std::string> args = login_args(closed, dir_.path() / "known_hosts");
  args.insert(args.end(), {"--json", "commit", file.string()});
  const RunResult r = run_iosctl_on(args);
  EXPECT_EQ(r.status, 6) << r.err;
  EXPECT_EQ(read_with_python(r.out, ""), "6\nfound\n") << r.out;
}

TEST_F(CliJsonBytes, FleetJsonKeepsTheBytes) {
  // With -i, the run's document embeds the host's as written: the bytes come
  // back exactly (the fleet used to replace them with U+FFFD).
  start();
  const auto file = dir_.write("r1.cfg", latin1_candidate());
  const auto inventory = dir_.write(
      "fleet.yaml", "defaults:\n  username: admin\n  password_env: " + std::string(kPasswordVar) +
                        "\nhosts:\n  r1: {hostname: 127.0.0.1, port: " + std::to_string(port_) +
                        ", candidate: \"" + file.string() + "\"}\n");
  ASSERT_EQ(run({"get-config"}).status, 0);  // learns the host key
  const RunResult r = run_iosctl_on({"-i", inventory.string(), "--known-hosts",
                                     (dir_.path() / "known_hosts").string(), "--json", "compare"});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(read_with_python(r.out, kLatin1.substr(1)), "2\nfound\n") << r.out;
  EXPECT_EQ(r.out.find("\xef\xbf\xbd"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace iosctl::test
