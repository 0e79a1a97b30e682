#!/usr/bin/env bash
# Builds iosim and the scale benchmark in Release, then serves DEVICES devices (default 1000)
# from one iosim and runs SESSIONS concurrent SSH sessions (default 100) against them.
# Usage, from anywhere: bench/iosim_scale.sh [DEVICES [SESSIONS]]
set -euo pipefail

cd "$(dirname "$0")/.."
build="${IOSIM_BENCH_BUILD_DIR:-build-release}"
log="$build/bench-iosim-build.log"

. bench/release_build.sh
release_build "$build" "$log" iosim bench_iosim_scale

# One listener per device, plus the sessions' connections.
if (( $(ulimit -n) < ${1:-1000} + 2 * ${2:-100} + 64 )); then
  ulimit -n $(( ${1:-1000} + 2 * ${2:-100} + 64 )) 2>/dev/null || {
    echo "bench/iosim_scale.sh: error: raise the open-file limit (ulimit -n)" >&2; exit 1; }
fi
exec "$build/bench/bench_iosim_scale" --iosim "$build/src/sim/iosim" \
  --config fixtures/labs/iosxe-r1.cfg --devices "${1:-1000}" --sessions "${2:-100}"
