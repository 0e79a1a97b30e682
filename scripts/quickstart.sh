#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and run the main
# job on the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIOSCTL_BUILD_TESTS=OFF >/dev/null
cmake --build build --target iosctl

run() {
  printf '\n$ %s\n' "$*"
  "$@" && status=0 || status=$?
  printf '[exit %d]\n' "$status"
}
cd fixtures/configs
iosctl=../../build/iosctl
# A candidate ready to deploy: clean.
run $iosctl check iosxe-16.12-edge.candidate.cfg
# A saved show-run is not a candidate: header lines and ^C banners (exit 3).
run $iosctl check iosxe-16.12-edge.running.cfg
# What the candidate would change, as the router's own contextual diff (exit 2).
run $iosctl diff iosxe-16.12-edge.running.cfg iosxe-16.12-edge.candidate.cfg
exit 0
