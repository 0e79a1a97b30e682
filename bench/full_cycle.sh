#!/usr/bin/env bash
# Builds iosctl, iosim and the full-cycle benchmark in Release, then times the whole
# `iosctl commit` cycle (connect, load, compare, commit with auto-rollback, save, close)
# against one iosim at 0 ms and 20 ms per-command latency.
# Usage, from anywhere: bench/full_cycle.sh [RUNS]   (default 5 timed runs per latency)
set -euo pipefail

cd "$(dirname "$0")/.."
build="${FULL_CYCLE_BENCH_BUILD_DIR:-build-release}"
log="$build/bench-full-cycle-build.log"

. bench/release_build.sh
release_build "$build" "$log" iosctl iosim bench_full_cycle

exec "$build/bench/bench_full_cycle" --iosctl "$build/iosctl" --iosim "$build/src/sim/iosim" \
  --config fixtures/labs/iosxe-r1.cfg --runs "${1:-5}"
