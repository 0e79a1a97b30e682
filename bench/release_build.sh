# Sourced by the bench/*.sh scripts: release_build BUILD_DIR LOG TARGET... builds the
# targets in Release (no tests) into BUILD_DIR, keeping the build's output in LOG and
# showing it only when the build fails. Run from the repository root.
release_build() {
  local build="$1" log="$2"
  shift 2
  mkdir -p "$build"
  if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DIOSCTL_BUILD_TESTS=OFF &&
         cmake --build "$build" --parallel "${CMAKE_BUILD_PARALLEL_LEVEL:-2}" --target "$@"; } \
       >"$log" 2>&1; then
    cat "$log" >&2
    echo "$0: error: the Release build failed (output above, also in $log)" >&2
    exit 1
  fi
}
