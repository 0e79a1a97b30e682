#!/usr/bin/env bash
# Builds iosctl and the diff benchmark in Release, writes the synthetic config pair if it is
# missing or older than its generator, and times `iosctl diff --format unified` against GNU
# `diff -u` on it. Usage, from anywhere: bench/diff.sh [RUNS]   (default 7 timed runs)
set -euo pipefail

cd "$(dirname "$0")/.."
build="build-release"
data="$build/bench-data"
log="$build/bench-build.log"
mkdir -p "$build"

if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DIOSCTL_BUILD_TESTS=OFF &&
       cmake --build "$build" --parallel "${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
         --target iosctl bench_gen_configs bench_diff_vs_gnu_diff; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "bench/diff.sh: error: the Release build failed (output above, also in $log)" >&2
  exit 1
fi

gen="$build/bench/bench_gen_configs"
if [[ ! -f "$data/running.cfg" || ! -f "$data/candidate.cfg" || "$gen" -nt "$data/running.cfg" ]]; then
  "$gen" "$data"
  echo
fi
exec "$build/bench/bench_diff_vs_gnu_diff" "$build/iosctl" "$data" "$@"
