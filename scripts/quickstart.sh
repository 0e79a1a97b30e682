#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, start the bundled
# iosim labs and run the main job against them over real SSH and SCP:
# compare, commit (with auto-rollback) and rollback on router r1, then the
# same change deployed to a fleet of six routers from a Nornir inventory,
# one of them with a deliberate error.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIOSCTL_BUILD_TESTS=OFF >/dev/null
cmake --build build --target iosctl iosim

work=$(mktemp -d)
iosim_pids=()
cleanup() {
  for pid in "${iosim_pids[@]}"; do kill "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts iosim on lab $1, reading its `ready` line on descriptor $2 (60 s at
# most, never a fixed sleep).
start_lab() {
  local lab=$1 fd=$2 line ready=
  eval "exec $fd< <(exec build/src/sim/iosim --lab \"\$lab\" 2>>\"\$work/iosim.log\")"
  iosim_pids+=($!)
  while IFS= read -r -t 60 -u "$fd" line; do
    [ "$line" = ready ] && { ready=yes; break; }
  done
  [ -n "$ready" ] || { cat "$work/iosim.log" >&2; echo "quickstart: iosim did not start" >&2; exit 1; }
}
start_lab fixtures/labs/two-routers.yaml 3

run() {
  printf '\n$ %s\n' "$*" | sed "s|$PWD/||g; s|$work/||g"
  "$@" && status=0 || status=$?
  printf '[exit %d]\n' "$status"
}
export IOS_PW=admin-lab-pass   # the lab's password for admin (fixtures/labs/two-routers.yaml)
# The lab's login options; a fleet run (-i) takes them from the inventory.
iosctl() {
  local login=(-H 127.0.0.1 --port 2201 --username admin --password-env IOS_PW)
  [ "$1" = -i ] && login=()
  build/iosctl "${login[@]}" --known-hosts "$work/known_hosts" --host-key-policy accept-new "$@"
}

echo "iosim lab up: r1 (IOS-XE) on 127.0.0.1:2201, br1 (IOS) on 127.0.0.2:2201"
# A backup of r1: get-config -o writes the real config, secrets included, to a 0600 file.
iosctl get-config -o "$work/r1-backup.cfg" >/dev/null 2>&1
# The intended config: a new NTP server and logging host.
sed 's/^end$/ntp server 192.0.2.123\nlogging host 192.0.2.50\nend/' "$work/r1-backup.cfg" \
  >"$work/r1-intended.cfg"
# The same with a typo the router rejects.
sed 's/^end$/ntp server 192.0.2.123\nlogging hots 192.0.2.50\nend/' "$work/r1-backup.cfg" \
  >"$work/r1-broken.cfg"

# What the intended config would change, in the router's own diff (exit 2).
run iosctl compare "$work/r1-intended.cfg"
# Commit it: checkpoint, configure replace with revert trigger error, save (exit 0).
run iosctl commit "$work/r1-intended.cfg"
# Undo it: replace with the checkpoint taken before the commit (exit 0).
run iosctl rollback
# A candidate with a typo: the router restores its config by itself (exit 4).
run iosctl commit "$work/r1-broken.cfg"
# The router is on the backup's config: nothing to change (exit 0).
run iosctl compare "$work/r1-backup.cfg"

start_lab fixtures/labs/fleet/lab.yaml 4
echo
echo "iosim fleet lab up: core1 core2 edge1 edge2 (IOS-XE), br1 br2 (IOS) on 127.0.10.1-6:2201"
inventory=fixtures/labs/fleet/inventory   # Nornir layout: hosts, groups, defaults
# Intended configs, one per host as a CI repository keeps them: the new NTP
# server everywhere but edge2 (already right), and a typo on edge1.
mkdir "$work/intended"
n=0
for host in core1 core2 edge1 edge2 br1 br2; do
  n=$((n + 1))
  file="$work/intended/$host.cfg"
  build/iosctl -H "127.0.10.$n" --port 2201 --username admin --password-env IOS_PW \
    --known-hosts "$work/known_hosts" --host-key-policy accept-new \
    get-config --show-secrets >"$file" 2>/dev/null
  case $host in
    edge2) ;;
    edge1) sed -i 's/^end$/ntp server 192.0.2.123\nlogging hots 192.0.2.50\nend/' "$file" ;;
    *) sed -i 's/^end$/ntp server 192.0.2.123\nend/' "$file" ;;
  esac
done
# What the merge request would change on each host (exit 2: differences).
run iosctl -i $inventory compare "$work/intended/{name}.cfg"
# Deploy it, six hosts at once: edge1 rejects its typo and restores itself (exit 4).
run iosctl -i $inventory commit "$work/intended/{name}.cfg"
exit 0
