// Builds the synthetic running config section by section. Only the raw std::mt19937 sequence
// is used, never a distribution class: their output is implementation-defined, and the pair
// must be byte-identical wherever it is generated.

#include "synthetic_config.h"

#include <algorithm>
#include <random>
#include <utility>

namespace iosctl::bench {
namespace {

constexpr std::size_t kMaxVlanBlocks = 4000;  // VLAN ids stop at 4094

// The running config under construction; `rng` is the only source of variation.
struct Builder {
  std::vector<Line> lines;
  Section section = Section::header;
  std::mt19937 rng{kSeed};
  int max_vlan = 2;
};

// One BGP peer, with its own prefix-list and route-map.
struct Customer {
  int id;
  std::string name;      // CUST-00042
  std::string neighbor;  // 172.16.0.85
  std::string prefix;    // 10.128.42.0
};

std::uint32_t below(std::mt19937& rng, std::uint32_t n) { return rng() % n; }

std::string ipv4(std::uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

std::string padded(int n, int width) {
  std::string s = std::to_string(n);
  return std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
}

void fixed(Builder& b, std::string text) {
  b.lines.push_back({std::move(text), b.section, {}, {}, false});
}

void editable(Builder& b, std::string text, std::string changed, std::string added = {},
              bool removable = true) {
  b.lines.push_back({std::move(text), b.section, std::move(changed), std::move(added), removable});
}

void header(Builder& b) {
  b.section = Section::header;
  for (const char* text : {"!",
                           "version 16.12",
                           "service timestamps debug datetime msec",
                           "service timestamps log datetime msec",
                           "service password-encryption",
                           "no platform punt-keepalive disable-kernel-core",
                           "!",
                           "hostname bench-core-01",
                           "!",
                           "boot-start-marker",
                           "boot-end-marker",
                           "!",
                           "vrf definition MGMT",
                           " !",
                           " address-family ipv4",
                           " exit-address-family",
                           "!",
                           "no aaa new-model",
                           "!",
                           "ip domain name bench.example.net",
                           "!",
                           "login on-success log",
                           "!",
                           "spanning-tree mode rapid-pvst",
                           "spanning-tree extend system-id",
                           "!"}) {
    fixed(b, text);
  }
}

void vlans(Builder& b, std::size_t budget) {
  b.section = Section::vlans;
  const std::size_t blocks = std::clamp<std::size_t>(budget / 3, 2, kMaxVlanBlocks);
  for (std::size_t i = 0; i < blocks; ++i) {
    // 1002-1005 are the reserved legacy VLANs that IOS never shows as `vlan` blocks.
    const int id = static_cast<int>(i) + (i + 2 >= 1002 ? 6 : 2);
    const std::string name =
        " name " + std::string(id % 5 == 0 ? "VOICE-" : "USERS-") + padded(id, 4);
    fixed(b, "vlan " + std::to_string(id));
    editable(b, name, name + "-MOVED", {}, false);
    fixed(b, "!");
    b.max_vlan = id;
  }
}

void access_port(Builder& b, int n) {
  const int desk = 100 + n % 900;
  // VLANs 2..max_vlan exist; the candidate's VLAN is always another one of them.
  const auto range = static_cast<std::uint32_t>(b.max_vlan - 1);
  const std::uint32_t v = below(b.rng, range);
  const std::string vlan = std::to_string(2 + v);
  const std::string other = std::to_string(2 + (v + 1 + below(b.rng, range - 1)) % range);
  editable(b, " description user desk B" + padded(n % 40, 2) + "-" + std::to_string(desk),
           " description user desk B" + padded(n % 40, 2) + "-" + std::to_string(desk + 1));
  editable(b, " switchport access vlan " + vlan, " switchport access vlan " + other, {}, false);
  editable(b, " switchport mode access", {}, " switchport voice vlan 600", false);
  fixed(b, " spanning-tree portfast");
  editable(b, " spanning-tree bpduguard enable", {}, {}, true);
}

void trunk_port(Builder& b, int n) {
  const std::string sw = padded(n % 500, 4);
  const std::string allowed = " switchport trunk allowed vlan 10,20," +
                              std::to_string(100 + n % 50) + "-" + std::to_string(150 + n % 50);
  editable(b, " description uplink to acc-sw-" + sw + " Te1/1/1",
           " description uplink to acc-sw-" + sw + " Te1/1/2");
  editable(b, allowed, allowed + ",600", {}, false);
  fixed(b, " switchport mode trunk");
}

void routed_port(Builder& b, int n) {
  const auto un = static_cast<std::uint32_t>(n);
  const std::uint32_t net =
      (10u << 24) + ((64 + un / 16384) << 16) + ((un / 64 % 256) << 8) + un % 64 * 4;
  const std::string cost = std::to_string(10 * (1 + below(b.rng, 20)));
  editable(b,
           " description p2p to dist-rtr-" + padded(n % 99, 2) + " circuit CX-" +
               std::to_string(400000 + n),
           " description p2p to dist-rtr-" + padded(n % 99, 2) + " circuit CX-" +
               std::to_string(700000 + n));
  fixed(b, " no switchport");
  editable(b, " ip address " + ipv4(net + 1) + " 255.255.255.252",
           " ip address " + ipv4(net + 2) + " 255.255.255.252", {}, false);
  editable(b, " ip ospf network point-to-point", {}, {}, true);
  editable(b, " ip ospf cost " + cost, " ip ospf cost " + cost + "0",
           " bfd interval 300 min_rx 300 multiplier 3");
}

void interfaces(Builder& b, std::size_t until) {
  b.section = Section::interfaces;
  for (const char* text : {"interface Loopback0", " ip address 10.255.0.1 255.255.255.255", "!",
                           "interface GigabitEthernet0/0", " vrf forwarding MGMT",
                           " ip address 192.168.35.10 255.255.255.0", " negotiation auto", "!"}) {
    fixed(b, text);
  }
  // Chassis-style numbering (switch/slot/port) keeps the names plausible at 10,000 ports.
  for (int n = 0; b.lines.size() < until; ++n) {
    fixed(b, "interface GigabitEthernet" + std::to_string(1 + n / 384) + "/" +
                 std::to_string(n / 48 % 8) + "/" + std::to_string(1 + n % 48));
    const std::uint32_t kind = below(b.rng, 100);
    if (kind < 55) {
      access_port(b, n);
    } else if (kind < 70) {
      trunk_port(b, n);
    } else {
      routed_port(b, n);
    }
    if (below(b.rng, 10) == 0) editable(b, " shutdown", {}, {}, true);
    fixed(b, "!");
  }
}

std::vector<Customer> make_customers(std::size_t count) {
  std::vector<Customer> customers;
  for (std::size_t i = 0; i < count; ++i) {
    const auto id = static_cast<std::uint32_t>(i + 1);
    customers.push_back({static_cast<int>(id), "CUST-" + padded(static_cast<int>(id), 5),
                         ipv4((172u << 24) + (16u << 16) + 2 * id + 1),
                         ipv4((10u << 24) + ((128 + id / 256 % 128) << 16) + (id % 256 << 8))});
  }
  return customers;
}

void bgp(Builder& b, const std::vector<Customer>& customers) {
  b.section = Section::bgp;
  for (const char* text :
       {"router bgp 65000", " bgp router-id 10.255.0.1", " bgp log-neighbor-changes"}) {
    fixed(b, text);
  }
  for (const Customer& c : customers) {
    const std::string n = " neighbor " + c.neighbor;
    fixed(b, n + " remote-as " + std::to_string(4200000000u + c.id));
    editable(b, n + " description " + c.name + " circuit CX-" + std::to_string(100000 + c.id),
             n + " description " + c.name + " circuit CX-" + std::to_string(900000 + c.id));
  }
  fixed(b, " !");
  fixed(b, " address-family ipv4");
  for (const Customer& c : customers) {
    editable(b, "  network " + c.prefix + " mask 255.255.255.0",
             "  network " + c.prefix + " mask 255.255.255.128");
  }
  for (const Customer& c : customers) {
    const std::string n = "  neighbor " + c.neighbor;
    fixed(b, n + " activate");
    editable(b, n + " send-community both", n + " send-community");
    editable(b, n + " route-map RM-" + c.name + "-IN in", n + " route-map RM-CUST-DEFAULT-IN in",
             n + " maximum-prefix 1000 80");
  }
  fixed(b, " exit-address-family");
  fixed(b, "!");
  for (const char* text :
       {"ip forward-protocol nd", "no ip http server", "no ip http secure-server",
        "ip ssh version 2", "ip scp server enable", "!"}) {
    fixed(b, text);
  }
}

std::string acl_entry(Builder& b, int seq, std::string_view source) {
  static constexpr std::array<std::string_view, 8> kTcp = {"22",   "www",  "443",  "8080",
                                                           "8443", "3389", "1433", "smtp"};
  static constexpr std::array<std::string_view, 5> kUdp = {"domain", "ntp", "snmp", "syslog",
                                                           "tftp"};
  // One draw per statement: the operands of `+` are evaluated in an unspecified order, and
  // GCC and Clang do differ.
  const std::uint32_t roll = below(b.rng, 20);
  const std::string host = std::to_string(1 + below(b.rng, 254));
  const std::uint32_t port = below(b.rng, 40);
  const std::string head = " " + std::to_string(seq) + " permit ";
  const std::string from = std::string(source) + " 0.0.0.255 ";
  if (roll < 12) {
    return head + "tcp " + from + "host 192.0.2." + host + " eq " + std::string(kTcp[port % 8]);
  }
  if (roll < 17) {
    return head + "udp " + from + "host 198.51.100." + host + " eq " + std::string(kUdp[port % 5]);
  }
  return head + "icmp " + from + "any echo";
}

void acls(Builder& b, std::size_t budget) {
  b.section = Section::acls;
  const std::size_t start = b.lines.size();
  for (int acl = 1; b.lines.size() - start < budget; ++acl) {
    fixed(b, "ip access-list extended ACL-EDGE-" + padded(acl, 4) + "-IN");
    const int entries = 20 + static_cast<int>(below(b.rng, 61));
    for (int e = 1; e < entries; ++e) {
      const std::string source = ipv4((10u << 24) + (static_cast<std::uint32_t>(acl % 256) << 16) +
                                      (static_cast<std::uint32_t>(e % 256) << 8));
      // Separate statements: function arguments are evaluated in an unspecified order, and
      // each call draws from `rng`.
      std::string text = acl_entry(b, e * 10, source);
      std::string changed = acl_entry(b, e * 10, source);
      std::string added = acl_entry(b, e * 10 + 5, source);
      // A redraw can repeat the original; a change that changes nothing is not an edit.
      if (changed == text) changed += " log";
      editable(b, std::move(text), std::move(changed), std::move(added));
    }
    fixed(b, " " + std::to_string(entries * 10) + " deny ip any any log");
  }
  fixed(b, "!");
}

void prefix_lists(Builder& b, const std::vector<Customer>& customers) {
  b.section = Section::prefix_lists;
  for (const Customer& c : customers) {
    const std::string pl = "ip prefix-list PL-" + c.name + "-IN seq ";
    const std::string half = c.prefix.substr(0, c.prefix.size() - 1) + "128/25";
    editable(b, pl + "5 permit " + c.prefix + "/24", pl + "5 permit " + c.prefix + "/24 le 25",
             pl + "7 permit " + half);
    editable(b, pl + "10 permit " + c.prefix + "/24 ge 25 le 28",
             pl + "10 permit " + c.prefix + "/24 ge 25 le 27");
    fixed(b, pl + "20 deny 0.0.0.0/0 le 32");
  }
  fixed(b, "!");
}

void route_maps(Builder& b, const std::vector<Customer>& customers) {
  b.section = Section::route_maps;
  for (const char* text :
       {"route-map RM-CUST-DEFAULT-IN permit 10", " set local-preference 100", "!"}) {
    fixed(b, text);
  }
  for (const Customer& c : customers) {
    const std::string community = " set community 65000:" + std::to_string(c.id % 65536);
    fixed(b, "route-map RM-" + c.name + "-IN permit 10");
    fixed(b, " match ip address prefix-list PL-" + c.name + "-IN");
    editable(b, " set local-preference 200", " set local-preference 150", {}, false);
    editable(b, community, community + " additive", " set metric 100");
    fixed(b, "!");
  }
}

void trailer(Builder& b) {
  b.section = Section::trailer;
  for (const char* text : {"control-plane", "!", "line con 0", " exec-timeout 15 0", " stopbits 1",
                           "line vty 0 4", " login local", " transport input ssh", "line vty 5 15",
                           " login local", " transport input ssh", "!", "end"}) {
    fixed(b, text);
  }
}

}  // namespace

// Returns the running config in IOS section order, `total` lines give or take one interface.
std::vector<Line> synthetic_running_config(std::size_t total) {
  Builder b;
  header(b);
  vlans(b, total * 6 / 100);
  // Interfaces come next in the file but are generated last, so that they fill exactly what
  // the other sections leave of `total`; std::rotate then moves them into place.
  const std::size_t interfaces_at = b.lines.size();
  const std::vector<Customer> customers =
      make_customers(std::max<std::size_t>(1, total * 34 / 100 / 14));  // 14 lines each
  bgp(b, customers);
  acls(b, total * 20 / 100);
  prefix_lists(b, customers);
  route_maps(b, customers);
  trailer(b);
  const std::size_t tail_end = b.lines.size();
  interfaces(b, std::max(total, tail_end + 1));
  std::rotate(b.lines.begin() + static_cast<std::ptrdiff_t>(interfaces_at),
              b.lines.begin() + static_cast<std::ptrdiff_t>(tail_end), b.lines.end());
  return std::move(b.lines);
}

}  // namespace iosctl::bench
