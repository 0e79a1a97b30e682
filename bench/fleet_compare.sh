#!/usr/bin/env bash
# Builds iosctl, iosim and the fleet benchmark in Release, then runs `iosctl -i INVENTORY
# --json compare --parallel PARALLEL` across one iosim serving DEVICES devices (default 1000,
# 100 at once), 3 times, and one device's compare 5 times for the ratio.
# Usage, from anywhere: bench/fleet_compare.sh [DEVICES [PARALLEL [RUNS]]]
set -euo pipefail

cd "$(dirname "$0")/.."
build="${FLEET_BENCH_BUILD_DIR:-build-release}"
log="$build/bench-fleet-build.log"
devices="${1:-1000}"
parallel="${2:-100}"

. bench/release_build.sh
release_build "$build" "$log" iosctl iosim bench_fleet_compare

# iosim: one listener per device and one socket per session; iosctl: per running host an SSH
# session, an SCP session while it uploads, the candidate and known_hosts files.
need=$(( devices + 4 * parallel + 256 ))
if (( $(ulimit -n) < need )); then
  ulimit -n "$need" 2>/dev/null || {
    echo "bench/fleet_compare.sh: error: raise the open-file limit to $need (ulimit -n)" >&2
    exit 1; }
fi
exec "$build/bench/bench_fleet_compare" --iosctl "$build/iosctl" --iosim "$build/src/sim/iosim" \
  --config fixtures/labs/iosxe-r1.cfg --devices "$devices" --parallel "$parallel" \
  --runs "${3:-3}"
