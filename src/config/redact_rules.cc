#include "redact_rules.h"

namespace iosctl::config::redact_rules {
namespace {

// rest_of_line() is used where IOS syntax makes the secret the last argument:
// Cisco's command references allow spaces in clear-text enable, user, line,
// BGP, RADIUS and TACACS+ passwords, so the whole tail is the secret.
// Deliberately absent (docs/secrets.md says why): `key-hash ssh-rsa H` (the MD5
// fingerprint of a public key) and the hex lines of public keys and certificates
// grant no access, `tunnel key N` is a GRE demultiplexing id sent in clear in
// every packet, and BGP's `set community` / `match community` name route tags.
constexpr std::array kCommandRules{
    // enable [algorithm-type T] secret|password [level N] [type] SECRET
    starts("enable").after("secret").skipping({kLevel, kType}).rest_of_line(),
    starts("enable").after("password").skipping({kLevel, kType}).rest_of_line(),
    // username NAME [privilege N] [algorithm-type T] secret|password [type] SECRET
    starts("username").after("secret", 1).skipping({kType}).rest_of_line(),
    starts("username").after("password", 1).skipping({kType}).rest_of_line(),
    // line con/vty, dot1x credentials, l2tp-class, trustpoints: password [type] SECRET;
    // but the global `password encryption aes` turns type 6 on and holds no secret.
    starts("password").skipping({kType}).unless({"encryption"}).rest_of_line(),
    // snmp-server community COMMUNITY [view V] [RO|RW] [ACL]
    starts("snmp-server community"),
    // snmp mib community-map COMMUNITY [context C] [engineid E] [security-name S] ...
    starts("snmp mib community-map"),
    // snmp-server user U G v3 [encrypted] auth sha AUTH [priv aes 128 PRIV] [access ACL]
    starts("snmp-server user").after("auth", 2).skipping({kWord}),
    starts("snmp-server user")
        .after("priv", 2)
        .skipping({kWord, optional("128"), optional("192"), optional("256")}),
    // snmp-server host H [vrf V] [informs|traps] [version 1|2c] COMMUNITY [udp-port P] ...;
    // after `version 3 auth|noauth|priv` comes a user name instead.
    starts("snmp-server host")
        .skipping({kWord, optional("vrf", 1), optional("informs"), optional("traps"),
                   optional("version", 1)})
        .unless({"auth", "noauth", "priv"}),
    // tacacs-server|radius-server [host H ...] key [type] KEY, and the same in server groups
    starts("tacacs-server").after("key").skipping({kType}).rest_of_line(),
    starts("radius-server").after("key").skipping({kType}).rest_of_line(),
    starts("server-private").after("key").skipping({kType}).rest_of_line(),
    starts("pac key").skipping({kType}).rest_of_line(),
    // `key [type] KEY` in tacacs server / radius server / isakmp client group blocks;
    // `key N` in a key chain is the key's index, `key chain NAME` starts the chain.
    starts("key")
        .skipping({kType})
        .unless({"chain", "config-key"})
        .numbers_are_indexes()
        .rest_of_line(),
    // key config-key password-encrypt [MASTER], and the older key config-key 1 STRING
    starts("key config-key password-encrypt").rest_of_line(),
    starts("key config-key").skipping({kType}).unless({"password-encrypt"}).rest_of_line(),
    // key chain keys: the key-string is the line's last argument
    starts("key-string").skipping({kType}).rest_of_line(),
    // standby|vrrp|glbp [G] authentication [text] KEY; `md5` leads to key-string or key-chain
    starts("standby").after("authentication").skipping({optional("text")}).unless({"md5"}),
    starts("vrrp").after("authentication").skipping({optional("text")}).unless({"md5"}),
    starts("glbp").after("authentication").skipping({optional("text")}).unless({"md5"}),
    // IKE: crypto isakmp key [type] KEY address A; keyrings: pre-shared-key address A key KEY,
    // IKEv2 pre-shared-key [local|remote] [type] KEY, authentication local pre-share key KEY
    starts("crypto isakmp key").skipping({kType}),
    starts("pre-shared-key").after("key").skipping({kType}).rest_of_line(),
    starts("pre-shared-key")
        .skipping({optional("local"), optional("remote"), kType})
        .unless({"address", "hostname", "ipv6", "key-chain"})
        .rest_of_line(),
    starts("authentication").after("pre-share").skipping({optional("key"), kType}).rest_of_line(),
    // IPsec manual keys in a crypto map: set session-key inbound|outbound ah SPI HEX,
    // set session-key inbound|outbound esp SPI cipher HEX [authenticator HEX]
    starts("set session-key").after("ah").skipping({kWord}),
    starts("set session-key").after("cipher"),
    starts("set session-key").after("authenticator"),
    // PPP, L2TP, VTP, wireless
    starts("ppp chap password").skipping({kType}).rest_of_line(),
    starts("ppp pap sent-username").after("password", 1).skipping({kType}).rest_of_line(),
    starts("l2tp tunnel password").skipping({kType}).rest_of_line(),
    starts("vtp password").rest_of_line(),
    starts("wpa-psk").skipping({kWord, kType}).rest_of_line(),
    starts("security wpa psk set-key").skipping({kWord, kType}).rest_of_line(),
    // Routing protocols. NTP writes the type after the key: `ntp authentication-key 1 md5 K 7`.
    starts("ip ospf authentication-key").skipping({kType}).rest_of_line(),
    starts("area").after("authentication-key").skipping({kType}),
    starts("ntp authentication-key").skipping({kWord, kWord}),
    starts("neighbor").after("password", 1).skipping({kType}).rest_of_line(),
    // ip msdp [vrf V] password peer PEER [type] SECRET: the peer stays visible
    starts("ip msdp").after("password").skipping({optional("peer"), kWord, kType}).rest_of_line(),
    starts("isis password"),
    starts("area-password"),
    starts("domain-password"),
    starts("ip nhrp authentication").rest_of_line(),
    // file transfer clients
    starts("ip ftp password").skipping({kType}).rest_of_line(),
    starts("ip http client password").skipping({kType}).rest_of_line(),
};

// `key` anywhere: `ip mobile secure host A spi N key hex K`. Not `key chain`,
// `crypto key generate rsa`, `crypto key pubkey-chain rsa`, `tunnel key N`, and
// a number after it is an index (`ntp server A key 1 prefer`), never a type:
// the `key 7 K` forms sit at the start of their line (the command rules).
constexpr Rule kKeyRule =
    Rule{}
        .after("key")
        .skipping({optional("hex"), optional("ascii")})
        .unless({"chain", "config-key", "generate", "pubkey-chain", "zeroize", "storage", "import",
                 "export", "encrypt", "decrypt", "move", "lock", "unlock", "key-chain"})
        .unless_after({"crypto", "tunnel"})
        .numbers_are_indexes();

// The design: after one of these keywords, anywhere in a line, the next value
// (past an encryption type digit) is a secret, e.g. `mpls ldp neighbor A
// password 0 S`, `radius-server host H key K`, `vrrp 1 authentication md5
// key-string K`. A user called `secret` (`username secret password 7 X`) is a
// name, and `password encryption aes` / `aaa password restriction` hold none,
// nor do device messages such as IOS 15's `% No password set` (a word of
// English after the keyword; the command rules above have no such exception).
constexpr std::array kKeywordRules{
    Rule{}
        .after("password")
        .skipping({kType})
        .unless({"encryption", "restriction", "set", "is", "was", "for", "required"})
        .unless_after({"username"})
        .rest_of_line(),
    Rule{}
        .after("secret")
        .skipping({kType})
        .unless({"set", "is", "was", "for", "required"})
        .unless_after({"username"})
        .rest_of_line(),
    kKeyRule,
    Rule{}.after("key-string").skipping({kType}),
    Rule{}.after("server-key").skipping({kType}).rest_of_line(),
    Rule{}.after("authentication-key").skipping({kType}),
    Rule{}.after("message-digest-key").skipping({kWord, kWord, kType}),
    Rule{}
        .after("pre-shared-key")
        .skipping({optional("local"), optional("remote"), kType})
        .unless({"address", "hostname", "ipv6", "key-chain"}),
};

// OSPFv3 over IPsec: `ipv6 ospf authentication ipsec spi N md5|sha1 [type] KEY`,
// `ipv6 ospf encryption ipsec spi N esp des|3des|aes-cbc [128|192|256] [type] KEY
// md5|sha1 [type] KEY` (also under `area N` and `ospfv3`): each algorithm is
// followed by its key, except `esp null`.
constexpr std::array<std::string_view, 5> kIpsecAlgorithms{"md5", "sha1", "des", "3des", "aes-cbc"};

// Every rule needs its anchor or its trigger to hold a fragment, or the fast
// path would skip lines the rule redacts.
template <std::size_t N>
constexpr bool fragments_cover(const std::array<Rule, N>& rules) {
  return std::all_of(rules.begin(), rules.end(), [](const Rule& rule) {
    return has_fragment(rule.anchor) || has_fragment(rule.trigger);
  });
}
static_assert(fragments_cover(kCommandRules), "a command rule is not covered by kFragments");
static_assert(fragments_cover(kKeywordRules), "a keyword rule is not covered by kFragments");

}  // namespace

std::span<const Rule> command_rules() { return kCommandRules; }
std::span<const Rule> keyword_rules() { return kKeywordRules; }
std::span<const std::string_view> ipsec_algorithms() { return kIpsecAlgorithms; }

}  // namespace iosctl::config::redact_rules
