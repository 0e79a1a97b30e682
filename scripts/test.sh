#!/usr/bin/env bash
# Quick start, command 2: the whole test suite. Builds with warnings as
# errors, AddressSanitizer and UndefinedBehaviorSanitizer, runs every test
# through ctest, and checks formatting. .ci/run calls this.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DIOSCTL_WERROR=ON -DIOSCTL_SANITIZE=address,undefined -DIOSCTL_BUILD_BENCH=ON >/dev/null
cmake --build build-test -j"$(nproc)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-test --output-on-failure -j"$(nproc)"
scripts/check-format.sh
