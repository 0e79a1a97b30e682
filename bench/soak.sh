#!/usr/bin/env bash
# Builds iosctl, iosim and the soak benchmark in Release, then runs it: 1,000 commit /
# rollback cycles against one iosim device, then 100 concurrent iosctl sessions for 3 minutes,
# printing iosctl's and iosim's memory and open file descriptors at the start and the end.
# Usage, from anywhere: bench/soak.sh [CYCLES [SESSIONS [MINUTES]]]
set -euo pipefail

cd "$(dirname "$0")/.."
build="${SOAK_BENCH_BUILD_DIR:-build-release}"
log="$build/bench-soak-build.log"

. bench/release_build.sh
release_build "$build" "$log" iosctl iosim bench_soak

exec "$build/bench/bench_soak" --iosctl "$build/iosctl" --iosim "$build/src/sim/iosim" \
  --config fixtures/labs/iosxe-r1.cfg --cycles "${1:-1000}" --sessions "${2:-100}" \
  --minutes "${3:-3}"
