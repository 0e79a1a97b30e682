#include "iosctl/fleet/inventory.h"

#include "iosctl/error.h"
#include "support/fixtures.h"
#include "support/scratch_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace iosctl::fleet {
namespace {

namespace fs = std::filesystem;

std::string write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Loads `text` as a single-file inventory.
Inventory load_single(const std::string& text) {
  const test::ScratchDir scratch("inventory");
  return load_inventory(write_file(scratch.path() + "/inventory.yaml", text));
}

const char* kind_name(SecretRef::Kind kind) {
  switch (kind) {
    case SecretRef::Kind::none:
      return "none";
    case SecretRef::Kind::clear_text:
      return "clear_text";
    case SecretRef::Kind::env:
      return "env";
    case SecretRef::Kind::file:
      return "file";
  }
  return "?";
}

std::string settings(const std::vector<Setting>& list) {
  std::string text;
  for (const Setting& s : list) text += s.name + "=" + s.value + " ";
  return text;
}

// Everything a resolved host says apart from where it was written, one line
// per field, so that two loads compare field by field.
std::string summary(const Host& h) {
  std::string groups;
  for (const std::string& g : h.groups) groups += g + " ";
  return "name " + h.name + "\ngroups " + groups + "\nhostname " + h.hostname.value_or("-") +
         "\nport " + (h.port ? std::to_string(*h.port) : "-") + "\nusername " +
         h.username.value_or("-") + "\nplatform " + h.platform.value_or("-") + "\npassword " +
         kind_name(h.password.kind) + " " + h.password.value + "\nsecret " +
         kind_name(h.secret.kind) + " " + h.secret.value + "\ncandidate " +
         (h.candidate ? h.candidate->value : "-") + "\nnetmiko " + settings(h.netmiko_options) +
         "\nnapalm " + settings(h.napalm_options) + "\ndata " + h.data.dump() + "\n";
}

const Host& host_named(const Inventory& inventory, const std::string& name) {
  for (const Host& host : inventory.hosts) {
    if (host.name == name) return host;
  }
  throw std::runtime_error("no host " + name);
}

TEST(InventoryLoad, NornirDirectoryResolvesEachHost) {
  // The Nornir layout resolves host, groups (parents after their child) and defaults.
  const Inventory inv = load_inventory(test::fixture_path("inventories/nornir"));
  ASSERT_EQ(inv.hosts.size(), 2u);
  EXPECT_EQ(summary(inv.hosts[1]),
            "name core-1\ngroups core ios lab \nhostname 127.0.0.11\nport 2201\n"
            "username labuser\nplatform cisco_xe\npassword env CORE1_PASSWORD\n"
            "secret env IOS_ENABLE\ncandidate configs/{name}.cfg\n"
            "netmiko conn_timeout=10 global_delay_factor=1 \n"
            "napalm auto_rollback_on_error=true dest_file_system=flash: \n"
            "data {\"domain\":\"lab.example\",\"role\":\"core\",\"site\":\"ams\",\"tier\":1}\n");
  EXPECT_EQ(summary(inv.hosts[0]),
            "name edge-2\ngroups lab \nhostname 127.0.0.12\nport -\nusername labuser\n"
            "platform -\npassword file secrets/edge-2.pass\nsecret env IOS_ENABLE\n"
            "candidate configs/{name}.cfg\nnetmiko global_delay_factor=2 conn_timeout=10 \n"
            "napalm \ndata {\"domain\":\"lab.example\",\"site\":\"lab\"}\n");
  EXPECT_EQ(inv.groups, (std::vector<std::string>{"core", "lab", "ios"}));
  EXPECT_TRUE(inv.warnings.empty());
}

TEST(InventoryLoad, SingleFileAndHostsYamlPathLoadLikeTheDirectory) {
  // The single file and a path to hosts.yaml (siblings read too) give the same hosts.
  const Inventory dir = load_inventory(test::fixture_path("inventories/nornir"));
  const Inventory single = load_inventory(test::fixture_path("inventories/single-file.yaml"));
  const Inventory file = load_inventory(test::fixture_path("inventories/nornir/hosts.yaml"));
  ASSERT_EQ(single.hosts.size(), dir.hosts.size());
  ASSERT_EQ(file.hosts.size(), dir.hosts.size());
  for (std::size_t i = 0; i < dir.hosts.size(); ++i) {
    EXPECT_EQ(summary(single.hosts[i]), summary(dir.hosts[i]));
    EXPECT_EQ(summary(file.hosts[i]), summary(dir.hosts[i]));
  }
  EXPECT_EQ(single.groups, dir.groups);
}

TEST(InventoryLoad, OriginsNameTheFileAsGivenAndTheLine) {
  // Origins join the -i path with the file name and give 1-based lines.
  const std::string dir = test::fixture_path("inventories/nornir");
  const Inventory inv = load_inventory(dir);
  const Host& core = host_named(inv, "core-1");
  EXPECT_EQ(core.origin, dir + "/hosts.yaml:12");
  EXPECT_EQ(core.password.origin, dir + "/hosts.yaml:20");
  EXPECT_EQ(core.secret.origin, dir + "/defaults.yaml:3");
  ASSERT_TRUE(core.candidate.has_value());
  EXPECT_EQ(core.candidate->origin, dir + "/defaults.yaml:4");
  EXPECT_EQ(core.napalm_options.at(0).origin, dir + "/groups.yaml:19");
}

TEST(InventoryLoad, KeepsHostsInFileOrder) {
  // Hosts come back in the order the file lists them, not sorted.
  const Inventory inv = load_single("hosts:\n  zeta: {}\n  alpha:\n  mid: {port: 22}\n");
  ASSERT_EQ(inv.hosts.size(), 3u);
  EXPECT_EQ(inv.hosts[0].name, "zeta");
  EXPECT_EQ(inv.hosts[1].name, "alpha");
  EXPECT_EQ(inv.hosts[2].name, "mid");
}

TEST(InventoryLoad, YmlNamesWorkInADirectory) {
  // hosts.yml and groups.yml are found as well as .yaml.
  const test::ScratchDir scratch("inventory");
  const std::string& dir = scratch.path();
  write_file(dir + "/hosts.yml", "r1:\n  groups: [lab]\n");
  write_file(dir + "/groups.yml", "lab:\n  port: 2222\n");
  const Inventory inv = load_inventory(dir);
  EXPECT_EQ(inv.hosts.at(0).port, 2222);
}

TEST(InventoryResolve, HostThenGroupThenItsParentsThenNextGroupThenDefaults) {
  // Nornir's depth-first order: host, g1, g1's parent p1, g2, defaults.
  const Inventory inv = load_single(R"(
defaults: {hostname: d, port: 5, username: d, platform: d, candidate: d.cfg}
groups:
  g1: {groups: [p1], port: 2}
  g2: {port: 4, username: g2, platform: g2}
  p1: {port: 3, username: p1}
hosts:
  r1: {hostname: h, groups: [g1, g2]}
)");
  const Host& h = inv.hosts.at(0);
  EXPECT_EQ(h.groups, (std::vector<std::string>{"g1", "p1", "g2"}));
  EXPECT_EQ(h.hostname, "h");
  EXPECT_EQ(h.port, 2);
  EXPECT_EQ(h.username, "p1");
  EXPECT_EQ(h.platform, "g2");
  EXPECT_EQ(h.candidate->value, "d.cfg");
}

TEST(InventoryResolve, SharedParentGroupCountsOnce) {
  // A parent reached through two groups sits where it is first reached.
  const Inventory inv = load_single(R"(
groups:
  a: {groups: [base]}
  b: {groups: [base], port: 2}
  base: {port: 1}
hosts:
  r1: {groups: [a, b]}
)");
  EXPECT_EQ(inv.hosts.at(0).groups, (std::vector<std::string>{"a", "base", "b"}));
  EXPECT_EQ(inv.hosts.at(0).port, 1);
}

TEST(InventoryResolve, DataMergesKeyByKeyAndKeepsYamlTypes) {
  // Each data key comes from its nearest level; plain numbers and booleans are typed.
  const Inventory inv = load_single(R"(
defaults: {data: {domain: lab.example, role: any}}
groups:
  core: {data: {role: core, site: grp, vlan: 10, quoted: "10", enabled: true, legacy: yes}}
hosts:
  r1: {groups: [core], data: {site: ams, ntp: [127.0.0.1]}}
)");
  EXPECT_EQ(inv.hosts.at(0).data.dump(),
            R"({"domain":"lab.example","enabled":true,"legacy":"yes","ntp":["127.0.0.1"],)"
            R"("quoted":"10","role":"core","site":"ams","vlan":10})");
}

TEST(InventoryResolve, NetmikoExtrasMergeByNameNearestFirst) {
  // extras merge name by name (Nornir would take the nearest extras whole).
  const Inventory inv = load_single(R"(
defaults:
  connection_options:
    netmiko: {extras: {conn_timeout: 10, use_keys: yes, global_delay_factor: 1}}
groups:
  slow:
    connection_options: {netmiko: {extras: {global_delay_factor: 4, fast_cli: false}}}
hosts:
  r1:
    groups: [slow]
    connection_options: {netmiko: {extras: {conn_timeout: 30}}}
)");
  EXPECT_EQ(settings(inv.hosts.at(0).netmiko_options),
            "conn_timeout=30 global_delay_factor=4 fast_cli=false use_keys=yes ");
}

TEST(InventoryResolve, ConnectionValuesOverrideTheHostAttributes) {
  // connection_options.netmiko.X at any level beats X, as in Nornir; napalm's comes next.
  const Inventory inv = load_single(R"(
defaults:
  connection_options:
    netmiko: {port: 8022, username: netmiko-user}
    napalm: {port: 9022, hostname: napalm-host, platform: ios}
hosts:
  r1: {hostname: 127.0.0.1, port: 22, username: admin, platform: cisco_ios}
)");
  const Host& h = inv.hosts.at(0);
  EXPECT_EQ(h.port, 8022);
  EXPECT_EQ(h.username, "netmiko-user");
  EXPECT_EQ(h.hostname, "napalm-host");
  EXPECT_EQ(h.platform, "ios");
}

TEST(InventoryResolve, NapalmOptionalArgsSplitBetweenNapalmAndNetmiko) {
  // NAPALM's own names go to napalm_options, Netmiko's to netmiko_options.
  const Inventory inv = load_single(R"(
hosts:
  r1:
    connection_options:
      netmiko: {extras: {conn_timeout: 5}}
      napalm:
        extras:
          timeout: 120
          optional_args:
            auto_file_prompt: false
            inline_transfer: True
            conn_timeout: 50
            port: 2222
            candidate_cfg: cand.txt
)");
  const Host& h = inv.hosts.at(0);
  EXPECT_EQ(settings(h.napalm_options),
            "auto_file_prompt=false inline_transfer=True candidate_cfg=cand.txt ");
  EXPECT_EQ(settings(h.netmiko_options), "conn_timeout=5 timeout=120 port=2222 ");
  EXPECT_FALSE(h.port.has_value());
}

TEST(InventorySecrets, EnvAndFileReferencesAreRecordedNotRead) {
  // password_env / password_file / secret_file are kept as references with their origin.
  const test::ScratchDir scratch("inventory");
  const std::string& dir = scratch.path();
  write_file(dir + "/hosts.yaml",
             "r1:\n  password_env: R1_PASS\n  secret_file: /nonexistent/enable\n"
             "r2:\n  password_file: secrets/r2\n");
  const Inventory inv = load_inventory(dir);
  const Host& r1 = inv.hosts.at(0);
  EXPECT_EQ(r1.password.kind, SecretRef::Kind::env);
  EXPECT_EQ(r1.password.value, "R1_PASS");
  EXPECT_EQ(r1.password.origin, dir + "/hosts.yaml:2");
  EXPECT_EQ(r1.secret.kind, SecretRef::Kind::file);
  EXPECT_EQ(r1.secret.value, "/nonexistent/enable");
  const Host& r2 = inv.hosts.at(1);
  EXPECT_EQ(r2.password.kind, SecretRef::Kind::file);
  EXPECT_EQ(r2.password.value, "secrets/r2");
  EXPECT_EQ(r2.secret.kind, SecretRef::Kind::none);
  EXPECT_TRUE(inv.warnings.empty());
}

TEST(InventorySecrets, NearestLevelChoosesThePasswordKind) {
  // A host's password_env wins over its group's clear-text password.
  const Inventory inv = load_single(R"(
groups:
  lab: {password: labpass, secret_env: LAB_ENABLE}
hosts:
  r1: {groups: [lab], password_env: R1_PASS}
  r2: {groups: [lab]}
)");
  EXPECT_EQ(inv.hosts.at(0).password.kind, SecretRef::Kind::env);
  EXPECT_EQ(inv.hosts.at(1).password.kind, SecretRef::Kind::clear_text);
  EXPECT_EQ(inv.hosts.at(1).password.value, "labpass");
  EXPECT_EQ(inv.hosts.at(1).secret.value, "LAB_ENABLE");
}

TEST(InventorySecrets, ClearTextWarnsOncePerFileWithoutTheValue) {
  // Each file with a clear-text password or secret gives one warning naming its first line.
  const test::ScratchDir scratch("inventory");
  const std::string& dir = scratch.path();
  write_file(dir + "/hosts.yaml",
             "r1:\n  hostname: 127.0.0.1\n  password: hunter2\nr2:\n  password: hunter3\n");
  write_file(dir + "/defaults.yaml",
             "connection_options:\n  netmiko:\n    extras:\n      secret: s3cret\n");
  const Inventory inv = load_inventory(dir);
  ASSERT_EQ(inv.warnings.size(), 2u);
  EXPECT_EQ(inv.warnings[0], dir +
                                 "/hosts.yaml:3: clear-text password (use password_env: VAR or "
                                 "password_file: PATH so the file holds no secret)");
  EXPECT_EQ(inv.warnings[1], dir +
                                 "/defaults.yaml:4: clear-text secret (use secret_env: VAR or "
                                 "secret_file: PATH so the file holds no secret)");
  EXPECT_EQ(inv.hosts.at(0).password.value, "hunter2");
  EXPECT_EQ(settings(inv.hosts.at(0).netmiko_options), "secret=s3cret ");
}

TEST(InventorySecrets, NetmikoPasswordOverridesAnyHostPassword) {
  // connection_options.netmiko.password is clear text that beats the host's password_env.
  const Inventory inv = load_single(R"(
defaults:
  connection_options: {netmiko: {password: fromdefaults}}
hosts:
  r1: {password_env: R1_PASS}
)");
  EXPECT_EQ(inv.hosts.at(0).password.kind, SecretRef::Kind::clear_text);
  EXPECT_EQ(inv.hosts.at(0).password.value, "fromdefaults");
  ASSERT_EQ(inv.warnings.size(), 1u);
  EXPECT_EQ(inv.warnings[0].find("fromdefaults"), std::string::npos);
}

TEST(InventoryLoad, OtherConnectionPluginsAndEmptyValuesAreAccepted) {
  // A Nornir inventory's scrapli options and empty (None) values load unchanged.
  const Inventory inv = load_single(R"(
hosts:
  r1:
    port:
    username: ~
    connection_options:
      scrapli: {port: 830, extras: {auth_strict_key: false}}
      netmiko:
)");
  EXPECT_FALSE(inv.hosts.at(0).port.has_value());
  EXPECT_FALSE(inv.hosts.at(0).username.has_value());
}

// Returns the usage error expanding `pattern` gives, or "no error".
std::string template_error(const std::string& pattern, const Host& host) {
  try {
    expand_host_template(pattern, host);
  } catch (const Error& e) {
    return e.failure() == Failure::usage ? e.what() : "not a usage error";
  }
  return "no error";
}

Host template_host() {
  Host host;
  host.name = "core-1";
  host.platform = "cisco_xe";
  host.data = {{"site", "ams"}, {"rack", 12}, {"spare", false}, {"ntp", {"a"}}};
  return host;
}

TEST(InventoryTemplate, ExpandsNameHostnamePlatformAndDataKeys) {
  // Placeholders take the host's values; {hostname} falls back to the name.
  Host host = template_host();
  EXPECT_EQ(
      expand_host_template("configs/{site}/{name}-{hostname}.{platform}.{rack}.{spare}", host),
      "configs/ams/core-1-core-1.cisco_xe.12.false");
  host.hostname = "127.0.0.11";
  EXPECT_EQ(expand_host_template("{hostname}.cfg", host), "127.0.0.11.cfg");
  EXPECT_EQ(expand_host_template("plain.cfg", host), "plain.cfg");
}

TEST(InventoryTemplate, UnknownPlaceholderNamesTheChoices) {
  // A misspelt placeholder is a usage error listing what can be used.
  EXPECT_EQ(template_error("configs/{nam}.cfg", template_host()),
            "candidate template 'configs/{nam}.cfg': unknown placeholder {nam} (use {name}, "
            "{hostname}, {platform} or a data key)");
}

TEST(InventoryTemplate, ListDataKeyUnsetPlatformAndOpenBraceAreErrors) {
  // Values that cannot go into a path, and a { without }, are named.
  Host host = template_host();
  EXPECT_EQ(template_error("{ntp}.cfg", host),
            "candidate template '{ntp}.cfg': data key {ntp} of host 'core-1' is not a single "
            "value (use a scalar data key)");
  EXPECT_EQ(template_error("configs/{name.cfg", host),
            "candidate template 'configs/{name.cfg': { without } (write placeholders as {name})");
  host.platform.reset();
  EXPECT_EQ(template_error("{platform}.cfg", host),
            "candidate template '{platform}.cfg': host 'core-1' has no platform for {platform} "
            "(set platform: ios)");
}

}  // namespace
}  // namespace iosctl::fleet
