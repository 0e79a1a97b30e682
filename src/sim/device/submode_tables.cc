#include "iosctl/sim/command_tables.h"

namespace iosctl::sim {
namespace {

// The configuration sub-modes, in the format command_tables.cc describes.
constexpr std::string_view kInterface = R"(
@mode config-if config-subif
bandwidth <1-100000000>                 ; key=1
cdp enable                              ; keepno defon
channel-group <1-512> mode <word>       ; key=1
delay <1-16777215>                      ; key=1
description <line>                      ; key=1
duplex auto|full|half                   ; key=1
encapsulation dot1Q <1-4094>            ; key=2
encapsulation dot1Q <1-4094> native     ; key=2
ip access-group <word> in|out
ip address <ip> <ip>                    ; key=2 keepno
ip address <ip> <ip> secondary
ip address dhcp                         ; key=2
ip helper-address <ip>
ip mtu <68-9216>                        ; key=2
ip nat inside|outside                   ; key=2
ip ospf <1-65535> area <word>           ; key=2
ip ospf cost <1-65535>                  ; key=3
ip ospf network point-to-point|broadcast  ; key=3
ip proxy-arp                            ; keepno defon
ip redirects                            ; keepno defon
ip unreachables                         ; keepno defon
ip tcp adjust-mss <500-1460>            ; key=3
ip vrf forwarding <word>                ; key=3
ipv6 address <line>
ipv6 enable
keepalive                               ; keepno defon
keepalive <0-32767> <line>              ; key=1
load-interval <30-600>                  ; key=1
mop enabled                             ; keepno
mop sysid                               ; keepno
mtu <64-9216>                           ; key=1
negotiation auto                        ; keepno
service-policy input|output <word>      ; key=2
shutdown
speed <word>                            ; key=1
standby <line>
switchport                              ; keepno
switchport access vlan <1-4094>         ; key=3
switchport mode access|trunk            ; key=2
switchport trunk allowed vlan <line>    ; key=4
tunnel source <word>                    ; key=2
tunnel destination <word>               ; key=2
tunnel mode <line>                      ; key=2
vrf forwarding <word>                   ; key=2

@mode config-line
access-class <word> in|out              ; key=2
access-class <word> in|out vrf-also     ; key=2
exec                                    ; keepno defon
exec-timeout <0-35791>                  ; key=1
exec-timeout <0-35791> <0-2147483>      ; key=1
length <0-512>                          ; key=1
logging synchronous
login                                   ; keepno
login local                             ; key=1
login authentication <word>             ; key=1
password <line>                         ; key=1
privilege level <0-15>                  ; key=2
session-timeout <0-35791>               ; key=1
stopbits 1|1.5|2                        ; key=1
transport input <line>                  ; key=2
transport output <line>                 ; key=2
transport preferred <line>              ; key=2
width <0-512>                           ; key=1
)";

constexpr std::string_view kRouting = R"(
@mode config-router config-router-af
auto-cost reference-bandwidth <1-4294967>  ; key=2
bgp log-neighbor-changes                ; keepno
bgp router-id <ip>                      ; key=2
default-information originate
default-information originate <line>    ; key=2
maximum-paths <1-32>                    ; key=1
neighbor <ip>                           ; noonly
neighbor <word>                         ; noonly
neighbor <ip> remote-as <1-4294967295>  ; key=3
neighbor <word> remote-as <1-4294967295>  ; key=3
neighbor <ip> activate
neighbor <ip> description <line>        ; key=3
neighbor <ip> maximum-prefix <line>     ; key=3
neighbor <ip> next-hop-self
neighbor <ip> password <line>           ; key=3
neighbor <ip> peer-group <word>         ; key=3
neighbor <word> peer-group
neighbor <ip> route-map <word> in|out
neighbor <ip> send-community
neighbor <ip> send-community both|standard|extended  ; key=3
neighbor <ip> shutdown
neighbor <ip> update-source <ifname>    ; key=3
network <ip>
network <ip> mask <ip>
network <ip> <ip> area <word>
passive-interface default               ; keepno
passive-interface <ifname>              ; keepno
redistribute <line>
router-id <ip>                          ; key=1

@mode config-router
address-family ipv4|ipv6                ; act=address-family mode=config-router-af
address-family ipv4|ipv6 unicast|multicast  ; act=address-family mode=config-router-af
address-family ipv4 vrf <word>          ; act=address-family mode=config-router-af

@mode config-router-af config-vrf-af
exit-address-family                     ; act=exit

@mode config-vrf
address-family ipv4|ipv6                ; act=address-family mode=config-vrf-af
description <line>                      ; key=1
rd <word>                               ; key=1
route-target export|import|both <word>

@mode config-vrf-af
route-target export|import|both <word>

@mode config-ext-nacl config-std-nacl
<1-2147483647> permit|deny <line>       ; act=acl-entry
<1-2147483647> remark <line>
permit|deny <line>                      ; act=acl-entry
remark <line>

@mode config-route-map
continue <1-65535>                      ; key=1
description <line>                      ; key=1
match <word> <line>
set <word> <line>                       ; key=2
)";

constexpr std::string_view kServices = R"(
@mode config-cmap
description <line>                      ; key=1
match <line>

@mode config-pmap
class <word>                            ; mode=config-pmap-c
description <line>                      ; key=1

@mode config-pmap-c
bandwidth <line>                        ; key=1
fair-queue                              ; key=1
police <line>                           ; key=1 mode=config-pmap-c-police
priority <line>                         ; key=1
queue-limit <line>                      ; key=1
random-detect <line>                    ; key=1
service-policy <word>                   ; key=1
set <word> <line>                       ; key=2
shape average <line>                    ; key=2

@mode config-pmap-c-police
conform-action <line>                   ; key=1
exceed-action <line>                    ; key=1
violate-action <line>                   ; key=1

@mode config-archive
log config                              ; mode=config-archive-log-cfg
maximum <1-14>                          ; key=1
path <url>                              ; key=1
time-period <1-525600>                  ; key=1
write-memory

@mode config-archive-log-cfg
hidekeys
logging enable
logging size <1-1000>                   ; key=2
notify syslog
notify syslog contenttype plaintext|xml ; key=2

@mode config-keyring
local-address <ifname>                  ; key=1
pre-shared-key address <ip> key <line>  ; key=3

@mode config-keychain
key <0-2147483647>                      ; mode=config-keychain-key

@mode config-keychain-key
key-string <line>                       ; key=1
accept-lifetime <line>                  ; key=1
send-lifetime <line>                    ; key=1

@mode config-isakmp
authentication <word>                   ; key=1
encryption|encr <line>                  ; key=1
group <1-32>                            ; key=1
hash <word>                             ; key=1
lifetime <60-86400>                     ; key=1

@mode ca-trustpoint
enrollment <line>                       ; key=1
revocation-check <line>                 ; key=1
rsakeypair <word>                       ; key=1
subject-name <line>                     ; key=1

@mode config-sg-tacacs+
ip tacacs source-interface <ifname>     ; key=3
server name <word>

@mode config-server-tacacs
address ipv4 <ip>                       ; key=2
key <line>                              ; key=1
timeout <1-1000>                        ; key=1

@mode cfg-call-home
contact-email-addr <word>               ; key=1
profile <word>                          ; mode=cfg-call-home-profile

@mode cfg-call-home-profile
active                                  ; keepno
destination transport-method email|http  ; keepno

@mode config-red
mode none|sso|rpr                       ; key=1

@mode config-cp
service-policy input|output <word>      ; key=2

@mode config-vlan
name <word>                             ; key=1

@mode config-applet
action <word> <line>                    ; key=2
event <line>                            ; key=1

@mode config-cert-chain
certificate <line>                      ; noonly
)";

}  // namespace

std::string submode_grammar_text() {
  std::string all;
  for (std::string_view part : {kInterface, kRouting, kServices}) all += part;
  return all;
}

}  // namespace iosctl::sim
