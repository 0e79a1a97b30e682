#include "iosctl/config/redact.h"

#include "config/redact_cases.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace iosctl::config {
namespace {

TEST(Redact, ReplacementTextIsTheDocumentedMarker) {
  // Other layers and users grep for this marker, so its spelling is part of the contract.
  EXPECT_EQ(kRedacted, "<redacted>");
}

TEST(Redact, EnableSecretAndPasswordKeepTheirTypeAndLevel) {
  // The encryption type and privilege level stay; only the hash or password goes.
  expect_redacted({
      {"enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM",
       "enable secret 9 <redacted>"},
      {"enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "enable secret 5 <redacted>"},
      {"enable secret mypass", "enable secret <redacted>"},
      {"enable password 7 0822455D0A16", "enable password 7 <redacted>"},
      {"enable password level 15 7 094F471A1A0A", "enable password level 15 7 <redacted>"},
      {"enable secret level 5 5 $1$abcd$efgh", "enable secret level 5 5 <redacted>"},
      {"enable algorithm-type scrypt secret Cl3arText",
       "enable algorithm-type scrypt secret <redacted>"},
  });
}

TEST(Redact, UsernameSecretsAndPasswords) {
  // The user name, privilege and type stay visible; the hash or password does not.
  expect_redacted({
      {"username admin privilege 15 secret 9 $9$4VJbT1ENpAXHgE$Zz0.abc",
       "username admin privilege 15 secret 9 <redacted>"},
      {"username bob password 0 cleartext", "username bob password 0 <redacted>"},
      {"username x secret 5 $1$Qb8D$3nVx8P4XyQ0m2", "username x secret 5 <redacted>"},
      {"username ops privilege 1 password 7 104D000A0618",
       "username ops privilege 1 password 7 <redacted>"},
      {"username carol algorithm-type sha256 secret Pl4in",
       "username carol algorithm-type sha256 secret <redacted>"},
      // A user called "secret" is a name, not the keyword.
      {"username secret password 7 0822455D0A16", "username secret password 7 <redacted>"},
  });
}

TEST(Redact, ClearTextPasswordWithSpacesIsRedactedToTheEnd) {
  // IOS takes the rest of the line as a clear-text password, spaces included.
  expect_redacted({
      {"username bob password 0 correct horse battery", "username bob password 0 <redacted>"},
      {"enable password two words", "enable password <redacted>"},
      {" password open sesame", " password <redacted>"},
  });
}

TEST(Redact, SnmpCommunitiesAndUsers) {
  // Communities and SNMPv3 auth/priv passphrases go; access mode, ACL, algorithms stay.
  expect_redacted({
      {"snmp-server community S3cr3t RO 10", "snmp-server community <redacted> RO 10"},
      {"snmp-server community Wr1te view V1 RW SNMP-ACL",
       "snmp-server community <redacted> view V1 RW SNMP-ACL"},
      {"snmp-server user U G v3 auth sha AUTHPASS priv aes 128 PRIVPASS",
       "snmp-server user U G v3 auth sha <redacted> priv aes 128 <redacted>"},
      {"snmp-server user U G v3 auth md5 AUTHPASS priv 3des PRIVPASS access 99",
       "snmp-server user U G v3 auth md5 <redacted> priv 3des <redacted> access 99"},
      {"snmp-server user U G v3 auth sha AUTHPASS", "snmp-server user U G v3 auth sha <redacted>"},
      {"snmp-server host 192.0.2.9 version 2c C0mm",
       "snmp-server host 192.0.2.9 version 2c <redacted>"},
      {"snmp-server host 192.0.2.9 vrf MGMT informs version 2c C0mm udp-port 1162 config",
       "snmp-server host 192.0.2.9 vrf MGMT informs version 2c <redacted> udp-port 1162 config"},
      {"snmp-server host 192.0.2.9 C0mm", "snmp-server host 192.0.2.9 <redacted>"},
  });
}

TEST(Redact, SnmpLinesWithoutSecretsStay) {
  // Groups, traps and SNMPv3 host lines name users and features, not secrets.
  expect_unchanged({
      "snmp-server enable traps",
      "snmp-server enable traps snmp authentication linkdown linkup",
      "snmp-server group G v3 priv",
      "snmp-server user U G v3",
      "snmp-server host 192.0.2.9 version 3 priv U",
      "snmp-server contact noc@example.net",
  });
}

TEST(Redact, KeyStringsInKeyChainsAndFirstHopRedundancy) {
  // Key chain and HSRP/VRRP/GLBP keys go; group numbers, md5 and timeouts stay.
  expect_redacted({
      {"  key-string 7 060506324F41", "  key-string 7 <redacted>"},
      {"  key-string Pl41n", "  key-string <redacted>"},
      {" standby 1 authentication md5 key-string 7 01100F175804",
       " standby 1 authentication md5 key-string 7 <redacted>"},
      {" standby 1 authentication md5 key-string 7 01100F175804 timeout 300",
       " standby 1 authentication md5 key-string 7 <redacted> timeout 300"},
      {" standby 1 authentication text SECRET", " standby 1 authentication text <redacted>"},
      {" standby 1 authentication SECRET", " standby 1 authentication <redacted>"},
      {" vrrp 10 authentication text V1", " vrrp 10 authentication text <redacted>"},
      {" glbp 2 authentication md5 key-string G1",
       " glbp 2 authentication md5 key-string <redacted>"},
      {" authentication key-string XXXX", " authentication key-string <redacted>"},
  });
}

TEST(Redact, KeyChainStructureStays) {
  // The chain name, key index and key-chain references are not secrets.
  expect_unchanged({
      "key chain KC1",
      " key 1",
      " key 2147483647",
      " standby 1 authentication md5 key-chain HSRP-KC",
      "  accept-lifetime 00:00:00 Jan 1 2024 infinite",
      // A public key block's key-string has its hex on the following lines.
      "  key-string",
  });
}

TEST(Redact, AaaServerKeys) {
  // TACACS+ and RADIUS shared keys, global, per host, per server block and per group.
  expect_redacted({
      {"tacacs-server key 7 0835495D1D", "tacacs-server key 7 <redacted>"},
      {"tacacs-server host 192.0.2.5 key 7 0835495D1D",
       "tacacs-server host 192.0.2.5 key 7 <redacted>"},
      {"radius-server key 0 XXXX", "radius-server key 0 <redacted>"},
      {"radius-server host 192.0.2.6 auth-port 1645 acct-port 1646 key sh4red key",
       "radius-server host 192.0.2.6 auth-port 1645 acct-port 1646 key <redacted>"},
      {" key 7 XXXX", " key 7 <redacted>"},
      {" key 6 AbCdEf", " key 6 <redacted>"},
      {" key Pl41nT4cacs", " key <redacted>"},
      {" pac key 7 XXXX", " pac key 7 <redacted>"},
      {" server-private 192.0.2.7 key 7 XXXX", " server-private 192.0.2.7 key 7 <redacted>"},
      {" client 192.0.2.8 server-key 7 XXXX", " client 192.0.2.8 server-key 7 <redacted>"},
  });
}

TEST(Redact, IkePreSharedKeys) {
  // ISAKMP keys and keyring keys go; peer addresses and directions stay.
  expect_redacted({
      {"crypto isakmp key 6 XXXX address 0.0.0.0",
       "crypto isakmp key 6 <redacted> address 0.0.0.0"},
      {"crypto isakmp key Cl34r address 192.0.2.1 no-xauth",
       "crypto isakmp key <redacted> address 192.0.2.1 no-xauth"},
      {"  pre-shared-key local 6 XXXX", "  pre-shared-key local 6 <redacted>"},
      {"  pre-shared-key remote R3m0te", "  pre-shared-key remote <redacted>"},
      {" pre-shared-key XXXX", " pre-shared-key <redacted>"},
      {" pre-shared-key address 192.0.2.1 key XXXX",
       " pre-shared-key address 192.0.2.1 key <redacted>"},
      {" pre-shared-key hostname peer.example.net key 6 XXXX",
       " pre-shared-key hostname peer.example.net key 6 <redacted>"},
      {" authentication local pre-share key 6 XXXX",
       " authentication local pre-share key 6 <redacted>"},
  });
}

TEST(Redact, LinkAndRoutingProtocolPasswords) {
  // PPP, OSPF, BGP, IS-IS, NHRP, NTP and VTP keys go; key numbers and algorithms stay.
  expect_redacted({
      {" ppp chap password 7 XXXX", " ppp chap password 7 <redacted>"},
      {" ppp pap sent-username bob password 7 XXXX",
       " ppp pap sent-username bob password 7 <redacted>"},
      {" ip ospf authentication-key 7 XXXX", " ip ospf authentication-key 7 <redacted>"},
      {" ip ospf message-digest-key 1 md5 7 XXXX",
       " ip ospf message-digest-key 1 md5 7 <redacted>"},
      {" ip ospf message-digest-key 2 md5 Cl34r", " ip ospf message-digest-key 2 md5 <redacted>"},
      {" area 0 virtual-link 192.0.2.2 message-digest-key 1 md5 XXXX",
       " area 0 virtual-link 192.0.2.2 message-digest-key 1 md5 <redacted>"},
      {" area 0 virtual-link 192.0.2.2 authentication-key 7 XXXX",
       " area 0 virtual-link 192.0.2.2 authentication-key 7 <redacted>"},
      {" ipv6 ospf authentication ipsec spi 256 md5 0123456789ABCDEF",
       " ipv6 ospf authentication ipsec spi 256 md5 <redacted>"},
      {" neighbor 192.0.2.1 password 7 XXXX", " neighbor 192.0.2.1 password 7 <redacted>"},
      {" neighbor PEERS password Cl34r", " neighbor PEERS password <redacted>"},
      {"ntp authentication-key 1 md5 XXXX 7", "ntp authentication-key 1 md5 <redacted> 7"},
      {" isis password XXXX level-1", " isis password <redacted> level-1"},
      {" area-password XXXX", " area-password <redacted>"},
      {" domain-password XXXX authenticate snp validate",
       " domain-password <redacted> authenticate snp validate"},
      {" ip nhrp authentication XXXX", " ip nhrp authentication <redacted>"},
      {"vtp password XXXX", "vtp password <redacted>"},
      {" l2tp tunnel password 7 XXXX", " l2tp tunnel password 7 <redacted>"},
  });
}

TEST(Redact, LinePasswordsWirelessAndFileTransferClients) {
  // Line passwords, WPA pre-shared keys and FTP/HTTP client passwords go.
  expect_redacted({
      {" password 7 XXXX", " password 7 <redacted>"},
      {" password Cl34r", " password <redacted>"},
      {" wpa-psk ascii 0 XXXX", " wpa-psk ascii 0 <redacted>"},
      {" wpa-psk hex 7 XXXX", " wpa-psk hex 7 <redacted>"},
      {" security wpa psk set-key ascii 0 XXXX", " security wpa psk set-key ascii 0 <redacted>"},
      {"ip ftp password XXXX", "ip ftp password <redacted>"},
      {"ip ftp password 7 XXXX", "ip ftp password 7 <redacted>"},
      {"ip http client password XXXX", "ip http client password <redacted>"},
  });
}

TEST(Redact, ConfigKeyOnlyWhenTheMasterKeyIsOnTheLine) {
  // `key config-key password-encrypt` alone holds no secret; with a word after it, that is the key.
  expect_unchanged({"key config-key password-encrypt"});
  expect_redacted({
      {"key config-key password-encrypt M4ster", "key config-key password-encrypt <redacted>"},
      {"key config-key 1 M4ster", "key config-key 1 <redacted>"},
  });
}

TEST(Redact, PasswordsInUrls) {
  // A URL's user-info password goes; scheme, user, host and path stay.
  expect_redacted({
      {" path ftp://backup:Pa55@192.0.2.10/configs/$h",
       " path ftp://backup:<redacted>@192.0.2.10/configs/$h"},
      {"boot system tftp://u:p@192.0.2.10/image.bin",
       "boot system tftp://u:<redacted>@192.0.2.10/image.bin"},
  });
  expect_unchanged({" path flash:archive", " path tftp://192.0.2.10/cfg", "ip http secure-server"});
}

TEST(Redact, NegatedCommandsAreRedactedToo) {
  // `no` lines in a generated change set carry the same secret as the line they remove.
  expect_redacted({
      {"no snmp-server community S3cr3t RO", "no snmp-server community <redacted> RO"},
      {"no username bob password 0 cleartext", "no username bob password 0 <redacted>"},
  });
  expect_unchanged({"no enable password", "no enable secret", "no username bob"});
}

TEST(Redact, LinesWithoutSecretsAreUnchanged) {
  // Keywords that merely look like secrets must not hide configuration from a diff.
  expect_unchanged({
      "service password-encryption",
      "password encryption aes",
      "security passwords min-length 8",
      "ip ospf authentication message-digest",
      " ip ospf authentication message-digest",
      "aaa authentication login default group TACACS local",
      "aaa authorization exec default group TACACS local",
      " tunnel key 100",
      "crypto key generate rsa modulus 2048",
      "crypto key pubkey-chain rsa",
      "ip ssh pubkey-chain",
      "  username bob",
      // key-hash is the MD5 fingerprint of a public key: it grants nothing.
      "   key-hash ssh-rsa 8FB4F858DD7E5AFB372780EC653DB371",
      "  30820122 300D0609 2A864886 F70D0101 01050003 82010F00 3082010A 02820101",
      "  quit",
      "crypto pki trustpoint TP-self-signed-1234",
      " description password reset desk",
      " description uses key-string 7 for hsrp",
      " remark allow radius-server key sync",
      "username bob privilege 15",
      "username bob nopassword",
      " authentication local pre-share",
      " standby 1 authentication md5 key-chain KC",
      "hostname r1",
      "interface GigabitEthernet1",
      "!",
      "",
      "   ",
  });
}

TEST(Redact, IndentationAndSpacingArePreservedExactly) {
  // Only the secret's bytes change: leading, inner and trailing spaces and tabs stay.
  expect_redacted({
      {"   key-string 7 0605", "   key-string 7 <redacted>"},
      {"enable secret 9 $9$x   ", "enable secret 9 <redacted>   "},
      {"snmp-server  community   S3cr3t    RO", "snmp-server  community   <redacted>    RO"},
      {"\tpassword 7 XXXX\t", "\tpassword 7 <redacted>\t"},
      {"username bob password 0 two  words  ", "username bob password 0 <redacted>  "},
  });
}

TEST(Redact, KeywordsAreMatchedAsWholeWords) {
  // A keyword inside a longer word (password-encryption, keyring) triggers nothing.
  expect_unchanged({
      "crypto keyring KR1",
      "crypto isakmp keepalive 10 periodic",
      "no service password-recovery",
      " ip ospf authentication key-chain OSPF-KC",
      " ip rip authentication key-chain RIP-KC",
  });
}

TEST(Redact, LoneTypeDigitIsTakenAsTheSecret) {
  // With nothing after it, the digit can only be the secret itself, so it is hidden.
  expect_redacted({
      {"enable secret 5", "enable secret <redacted>"},
      {"tacacs-server key 7", "tacacs-server key <redacted>"},
  });
}

TEST(Redact, RedactingTwiceChangesNothing) {
  // Redacted output fed back in (a diff of redacted configs) stays exactly as it is.
  const std::vector<std::string_view> lines = {
      "enable secret 9 $9$abc",
      "enable password level 15 7 XXXX",
      "username bob password 0 two words",
      "snmp-server user U G v3 auth sha A priv aes 256 P",
      "snmp-server host 192.0.2.9 version 2c C0mm",
      "ntp authentication-key 1 md5 XXXX 7",
      " key 7 XXXX",
      " key Pl41n",
      " pre-shared-key address 192.0.2.1 key XXXX",
      " standby 1 authentication md5 key-string 7 XXXX timeout 30",
      " path ftp://backup:Pa55@192.0.2.10/cfg",
  };
  for (const std::string_view line : lines) {
    const std::string once = redact_secrets(line);
    EXPECT_NE(once, line);
    EXPECT_EQ(redact_secrets(once), once);
  }
}

}  // namespace
}  // namespace iosctl::config
