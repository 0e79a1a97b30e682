// iosim's command interpreter: one session's typed input, any bytes, in any
// chunking. The first byte picks the login's privilege (odd: 15, even: 1)
// and the chunk size (1-64 bytes); the rest is what the client types.

#include "fuzz/targets.h"
#include "iosctl/sim/cli_session.h"
#include "iosctl/sim/command_tables.h"
#include "iosctl/sim/device.h"
#include "iosctl/sim/grammar.h"

#include <chrono>
#include <memory>

namespace iosctl::fuzz {
namespace {

constexpr std::string_view kConfig =
    "version 17.3\n"
    "hostname r1\n"
    "enable secret 0 lab\n"
    "archive\n"
    " path bootflash:archive\n"
    " maximum 3\n"
    "ip scp server enable\n"
    "interface GigabitEthernet1\n"
    " description uplink\n"
    " ip address 192.0.2.1 255.255.255.0\n"
    "banner motd ^C\n"
    "lab device\n"
    "^C\n"
    "line vty 0 4\n"
    " login local\n"
    "end\n";

sim::DeviceSetup setup() {
  // Compiled once: the grammar is read-only and the same for every input.
  static const auto grammar = std::make_shared<const sim::Grammar>(sim::command_grammar_text());
  sim::DeviceSetup s;
  s.name = "r1";
  s.running_config = std::string(kConfig);
  s.startup_config = s.running_config;
  s.flash_size = 1 << 20;
  // A fixed clock: the same input always takes the same path.
  s.clock = [] { return std::chrono::system_clock::time_point(std::chrono::hours(500000)); };
  s.grammar = grammar;
  return s;
}

}  // namespace

void sim_session(std::string_view input) {
  if (input.empty()) return;
  const auto first = static_cast<unsigned char>(input[0]);
  const int privilege = (first & 1) != 0 ? 15 : 1;
  const std::size_t chunk = (first >> 1) % 64 + 1;
  input.remove_prefix(1);
  sim::Device device(setup());
  std::unique_ptr<sim::CliSession> session = device.open_cli("admin", privilege);
  (void)session->open();
  for (std::size_t at = 0; at < input.size() && !session->closed() && !session->drop_requested();
       at += chunk) {
    (void)session->input(input.substr(at, chunk));
    device.tick();
  }
}

}  // namespace iosctl::fuzz
