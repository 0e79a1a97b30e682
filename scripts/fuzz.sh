#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz/targets.h) for SECONDS each (default
# 60), built with clang, AddressSanitizer and UndefinedBehaviorSanitizer in
# build-fuzz/. Seeds come from fuzz/corpus/TARGET; what the fuzzer learns is
# kept in build-fuzz/corpus/TARGET for the next run. Prints one line per
# target (executions, coverage, crashes) and exits 1 if any target crashed,
# naming the input to add to fuzz/regressions/TARGET.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
case "$seconds" in
  ''|*[!0-9]*|0) echo "fuzz.sh: error: SECONDS must be a whole number above 0, not '$seconds'" >&2; exit 1 ;;
esac

scripts/install-deps.sh
CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DIOSCTL_FUZZ=ON -DIOSCTL_SANITIZE=address,undefined -DIOSCTL_WERROR=ON \
  -DIOSCTL_BUILD_TESTS=OFF -DIOSCTL_BUILD_BENCH=OFF >/dev/null

# The targets, in fuzz/targets.h's order (X(name) entries).
mapfile -t all < <(sed -n 's/^ *X(\([a-z_]*\)).*/\1/p' fuzz/targets.h)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for t in "${targets[@]}"; do
  printf '%s\n' "${all[@]}" | grep -qx "$t" ||
    { echo "fuzz.sh: error: no fuzz target '$t' (see fuzz/targets.h)" >&2; exit 1; }
done
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

crashed=0
printf '%-16s %8s %12s %8s %8s %8s\n' target seconds executions cov ft crashes
for t in "${targets[@]}"; do
  work="build-fuzz/corpus/$t"
  artifacts="build-fuzz/crashes/$t"
  mkdir -p "$work" "$artifacts"
  log="build-fuzz/$t.log"
  status=0
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "build-fuzz/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "fuzz/corpus/$t" \
    >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  found=$(find "$artifacts" -type f | wc -l)
  printf '%-16s %8s %12s %8s %8s %8s\n' "$t" "$seconds" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$found"
  if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    crashed=1
    echo "fuzz.sh: $t failed (exit $status); log: $log" >&2
    grep -m3 -E 'ERROR: |runtime error|SUMMARY' "$log" >&2 || true
    find "$artifacts" -type f -exec echo "fuzz.sh: input: {} (add it to fuzz/regressions/$t/ once fixed)" \; >&2
  fi
done
exit "$crashed"
