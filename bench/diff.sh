#!/usr/bin/env bash
# Builds iosctl and the diff benchmark in Release, writes the synthetic config pair if it is
# missing or older than its generator, and times `iosctl diff --format unified` against GNU
# `diff -u` on it. Usage, from anywhere: bench/diff.sh [RUNS]   (default 7 timed runs)
set -euo pipefail

cd "$(dirname "$0")/.."
build="build-release"
data="$build/bench-data"
log="$build/bench-build.log"

. bench/release_build.sh
release_build "$build" "$log" iosctl bench_gen_configs bench_diff_vs_gnu_diff

gen="$build/bench/bench_gen_configs"
if [[ ! -f "$data/running.cfg" || ! -f "$data/candidate.cfg" || "$gen" -nt "$data/running.cfg" ]]; then
  "$gen" "$data"
  echo
fi
exec "$build/bench/bench_diff_vs_gnu_diff" "$build/iosctl" "$data" "$@"
