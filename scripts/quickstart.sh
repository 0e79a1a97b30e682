#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, start the bundled
# iosim lab and run the main job against it: compare, commit (with
# auto-rollback) and rollback on router r1, over real SSH and SCP.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIOSCTL_BUILD_TESTS=OFF >/dev/null
cmake --build build --target iosctl iosim

work=$(mktemp -d)
iosim_pid=
cleanup() {
  [ -n "$iosim_pid" ] && kill "$iosim_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# Start the lab and wait for its `ready` line (60 s at most, never a fixed sleep).
exec 3< <(exec build/src/sim/iosim --lab fixtures/labs/two-routers.yaml 2>"$work/iosim.log")
iosim_pid=$!
ready=
while IFS= read -r -t 60 -u 3 line; do
  [ "$line" = ready ] && { ready=yes; break; }
done
[ -n "$ready" ] || { cat "$work/iosim.log" >&2; echo "quickstart: iosim did not start" >&2; exit 1; }

run() {
  printf '\n$ %s\n' "$*" | sed "s|$PWD/||g; s|$work/||g"
  "$@" && status=0 || status=$?
  printf '[exit %d]\n' "$status"
}
export IOS_PW=admin-lab-pass   # the lab's password for admin (fixtures/labs/two-routers.yaml)
iosctl() {
  build/iosctl -H 127.0.0.1 --port 2201 --username admin --password-env IOS_PW \
    --known-hosts "$work/known_hosts" --host-key-policy accept-new "$@"
}

echo "iosim lab up: r1 (IOS-XE) on 127.0.0.1:2201, br1 (IOS) on 127.0.0.2:2201"
# A backup of r1 (secrets included: it is meant for redeployment).
iosctl get-config --show-secrets >"$work/r1-backup.cfg" 2>/dev/null
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
exit 0
