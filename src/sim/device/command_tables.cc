#include "iosctl/sim/command_tables.h"

#include <string>

namespace iosctl::sim {
namespace {

// The commands iosim accepts, as data. Format:
//   @mode NAME [NAME...]   the following lines belong to these modes; `any-config`
//                          adds them to every configuration mode
//   WORDS [; ATTRIBUTES]   one command; WORDS are keywords (matched by unique
//                          prefix), `a|b` (either keyword), `<word>`, `<N-M>`,
//                          `<ip>`, `<ifname>`, `<url>` or `<line>` (rest of line)
// Attributes: act=HANDLER, mode=SUBMODE (the prompt's name), key=N (words that
// name the line a new one replaces; default all), pipe (output filters), noonly
// (only after `no`), keepno (`no X` stays in the config), defon (`X` is the
// default and is not shown).
// Mode names are the prompt's: `config-if` prints `host(config-if)#`.
constexpr std::string_view kExec = R"(
@mode exec priv
connect <word>                          ; act=telnet
disable                                 ; act=disable
disable <0-15>                          ; act=disable
enable                                  ; act=enable
enable <0-15>                           ; act=enable
exit                                    ; act=exit
logout                                  ; act=exit
quit                                    ; act=exit
ping <word>                             ; act=unsimulated
show clock                              ; act=show-clock pipe
show history                            ; act=show-history pipe
show privilege                          ; act=show-privilege pipe
show redundancy                         ; act=unsimulated pipe
show version                            ; act=show-version pipe
telnet <word>                           ; act=telnet
terminal length <0-512>                 ; act=terminal-length
terminal width <0-512>                  ; act=terminal-width
terminal monitor                        ; act=nothing
terminal no monitor                     ; act=nothing
traceroute <word>                       ; act=unsimulated

@mode priv
archive config                          ; act=archive-config
configure confirm                       ; act=configure-confirm
configure replace <url>                 ; act=configure-replace
configure replace <url> <line>          ; act=configure-replace
configure revert now                    ; act=configure-revert-now
configure revert timer <1-120>          ; act=configure-revert-timer
configure terminal                      ; act=configure
configure terminal lock                 ; act=configure-lock
configure terminal revert timer <1-120>  ; act=configure-terminal-revert
copy running-config startup-config      ; act=copy
copy running-config <url>               ; act=copy
copy startup-config running-config      ; act=copy
copy startup-config <url>               ; act=copy
copy <url> running-config               ; act=copy
copy <url> startup-config               ; act=copy
copy <url> <url>                        ; act=copy
delete <url>                            ; act=delete
delete /force <url>                     ; act=delete
dir                                     ; act=dir pipe
dir <url>                               ; act=dir pipe
more <url>                              ; act=more pipe
show archive                            ; act=show-archive pipe
show archive config differences         ; act=archive-differences pipe
show archive config differences <url>   ; act=archive-differences pipe
show archive config differences <url> <url>  ; act=archive-differences pipe
show archive config incremental-diffs <url>  ; act=incremental-diffs pipe
show archive config incremental-diffs <url> ignorecase  ; act=incremental-diffs pipe
show archive config rollback timer      ; act=show-rollback-timer pipe
show configuration lock                 ; act=show-configuration-lock pipe
show file systems                       ; act=show-file-systems pipe
show running-config                     ; act=show-running-config pipe
show running-config all                 ; act=show-running-config pipe
show startup-config                     ; act=show-startup-config pipe
tclsh                                   ; act=tclsh
verify /md5 <url>                       ; act=verify-md5
write                                   ; act=write-memory
write memory                            ; act=write-memory
write terminal                          ; act=show-running-config pipe
)";

// Global configuration. `shell` and `terminal-queue` are here because IOS
// has them: the caret of `show version` (under the `o`) and `terminal width`
// (under the `w`) typed in config mode depends on them (IOS_BEHAVIOR.md 8).
constexpr std::string_view kGlobal = R"(
@mode any-config
do <line>                               ; act=do
end                                     ; act=end
exit                                    ; act=exit

@mode config
aaa new-model                           ; keepno
aaa authentication <word> <word> <line>  ; key=4
aaa authorization <word> <word> <line>  ; key=4
aaa authorization console
aaa accounting <word> <word> <line>     ; key=4
aaa group server tacacs+|radius <word>  ; mode=config-sg-tacacs+
aaa session-id common|unique            ; key=2
access-list <1-2799> permit|deny <line>  ; act=acl-entry
access-list <1-2799> remark <line>
access-list <1-2799>                    ; noonly
alias exec <word> <line>                ; key=3
archive                                 ; mode=config-archive
banner motd|login|exec|incoming <line>  ; act=banner key=2
banner motd|login|exec|incoming         ; noonly
boot-start-marker
boot-end-marker
boot system <line>
call-home                               ; mode=cfg-call-home
cdp run                                 ; keepno defon
class-map <word>                        ; mode=config-cmap
class-map match-any|match-all <word>    ; mode=config-cmap
clock timezone <word> <line>            ; key=2
configuration mode exclusive            ; key=3
configuration mode exclusive auto|manual  ; key=3
control-plane                           ; mode=config-cp
crypto keyring <word>                   ; mode=config-keyring
crypto isakmp policy <1-10000>          ; mode=config-isakmp
crypto pki trustpoint <word>            ; mode=ca-trustpoint
crypto pki certificate chain <word>     ; mode=config-cert-chain
diagnostic bootup level <word>          ; key=3
enable secret <line>                    ; act=enable-secret key=2
enable password <line>                  ; key=2
event manager applet <word>             ; mode=config-applet
file prompt                             ; act=file-prompt key=2
file prompt alert|noisy|quiet           ; act=file-prompt key=2
hostname <word>                         ; act=hostname key=1
interface <ifname>                      ; mode=config-if
ip access-list extended <word>          ; mode=config-ext-nacl
ip access-list standard <word>          ; mode=config-std-nacl
ip bgp-community new-format
ip domain name <word>                   ; key=3
ip domain-name <word>                   ; key=2
ip domain lookup                        ; keepno defon
ip domain-lookup                        ; keepno defon
ip forward-protocol nd                  ; keepno
ip http server                          ; keepno
ip http secure-server                   ; keepno
ip http authentication local            ; key=3
ip http client source-interface <ifname>  ; key=4
ip name-server <line>
ip nat <line>
ip prefix-list <word> description <line>  ; key=4
ip prefix-list <word> seq <1-4294967294> permit|deny <line>  ; key=5
ip prefix-list <word>                   ; noonly
ip route <line>
ip routing                              ; keepno defon
ip scp server enable
ip ssh version 1|2                      ; key=3
ip ssh time-out <1-120>                 ; key=3
ip ssh authentication-retries <0-5>     ; key=3
ip ssh source-interface <ifname>        ; key=3
ip ssh server algorithm <word> <line>   ; key=5
ip tacacs source-interface <ifname>     ; key=3
ip vrf <word>                           ; mode=config-vrf
ipv6 unicast-routing
key chain <word>                        ; mode=config-keychain
license udi pid <word> sn <word>        ; act=license-udi
license accept end user agreement
license boot level <word>
license smart <line>
line con|aux|vty <0-1000>               ; mode=config-line
line con|aux|vty <0-1000> <0-1000>      ; mode=config-line
logging <ip>                            ; key=2
logging buffered <line>                 ; key=2
logging buffered                        ; key=2
logging console                         ; keepno defon
logging console <line>                  ; key=2
logging host <ip>                       ; key=3
logging host <ip> <line>                ; key=3
logging source-interface <ifname>       ; key=2
logging trap <word>                     ; key=2
login block-for <line>                  ; key=2
login delay <1-10>                      ; key=2
login on-success|on-failure log         ; key=2
memory free low-watermark processor <line>  ; key=4
multilink bundle-name authenticated
netconf-yang
ntp authenticate
ntp authentication-key <1-4294967295> <line>  ; key=3
ntp clock-period <0-4294967295>         ; key=2
ntp server <word>                       ; key=3
ntp server <word> <line>                ; key=3
ntp source <ifname>                     ; key=2
ntp trusted-key <line>
platform <line>                         ; keepno
policy-map <word>                       ; mode=config-pmap
redundancy                              ; mode=config-red
restconf
route-map <word>                        ; act=route-map mode=config-route-map
route-map <word> permit|deny            ; act=route-map mode=config-route-map
route-map <word> permit|deny <0-65535>  ; act=route-map mode=config-route-map
router bgp <1-4294967295>               ; mode=config-router
router eigrp <word>                     ; mode=config-router
router ospf <1-65535>                   ; mode=config-router
router ospf <1-65535> vrf <word>        ; mode=config-router
service <word>                          ; keepno
service timestamps debug|log <line>     ; key=3
shell processing full
snmp-server community <word> <line>     ; key=3
snmp-server community <word>            ; key=3
snmp-server contact <line>              ; key=2
snmp-server enable traps <line>
snmp-server enable traps
snmp-server host <ip> <line>            ; key=3
snmp-server location <line>             ; key=2
snmp-server trap-source <ifname>        ; key=2
spanning-tree extend system-id
spanning-tree mode <word>               ; key=2
subscriber templating
tacacs server <word>                    ; mode=config-server-tacacs
terminal-queue entry-retry-interval <0-1000>  ; key=2
username <word> privilege <0-15>        ; act=username key=2
username <word> privilege <0-15> secret|password <line>  ; act=username key=2
username <word> secret|password <line>  ; act=username key=2
username <word> <line>                  ; act=username key=2
username <word>                         ; act=username noonly
version <word>                          ; key=1
vlan <1-4094>                           ; mode=config-vlan
vrf definition <word>                   ; mode=config-vrf
)";

}  // namespace

std::string command_grammar_text() {
  // One text keeps Grammar's line numbers meaningful in its error messages.
  std::string all;
  for (std::string_view part : {kExec, kGlobal}) all += part;
  all += submode_grammar_text();
  return all;
}

}  // namespace iosctl::sim
