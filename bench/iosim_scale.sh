#!/usr/bin/env bash
# Builds iosim and the scale benchmark in Release, then serves DEVICES devices (default 1000)
# from one iosim and runs SESSIONS concurrent SSH sessions (default 100) against them.
# Usage, from anywhere: bench/iosim_scale.sh [DEVICES [SESSIONS]]
set -euo pipefail

cd "$(dirname "$0")/.."
build="${IOSIM_BENCH_BUILD_DIR:-build-release}"
log="$build/bench-iosim-build.log"
mkdir -p "$build"

if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DIOSCTL_BUILD_TESTS=OFF &&
       cmake --build "$build" --parallel "${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
         --target iosim bench_iosim_scale; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "bench/iosim_scale.sh: error: the Release build failed (output above, also in $log)" >&2
  exit 1
fi

# One listener per device, plus the sessions' connections.
if (( $(ulimit -n) < ${1:-1000} + 2 * ${2:-100} + 64 )); then
  ulimit -n $(( ${1:-1000} + 2 * ${2:-100} + 64 )) 2>/dev/null || {
    echo "bench/iosim_scale.sh: error: raise the open-file limit (ulimit -n)" >&2; exit 1; }
fi
exec "$build/bench/bench_iosim_scale" --iosim "$build/src/sim/iosim" \
  --config fixtures/labs/iosxe-r1.cfg --devices "${1:-1000}" --sessions "${2:-100}"
