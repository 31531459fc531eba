#!/usr/bin/env bash
# Builds hotspot and its Catch2 tests with AddressSanitizer + UndefinedBehavior-
# Sanitizer in build-asan/ and runs the unit and sample end-to-end tests under
# them (the QGIS/Chromium pack tests and the real-data tests stay in the plain
# build: they exercise Python and a browser, not more of our code).
# Fails on any failing test and on any sanitizer report, including one from a
# `hotspot` child process whose exit code a test might have accepted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# -O1: sanitizer reports stay readable and the build stays quick; no NDEBUG,
# so our assert()s are checked too.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 \
  -DHOTSPOT_SANITIZE=ON -DHOTSPOT_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j "$(nproc)" --target hotspot hotspot_unit_tests hotspot_pack_tests

logs=$root/build-asan/sanitizer-logs
rm -rf "$logs" && mkdir -p "$logs"
# Reports go to files (one per process) as well as aborting the process, so a
# report in a child is caught below even when its parent carried on.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$logs/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1:log_path=$logs/ubsan"
# Leaks inside third-party libraries only (GDAL, PROJ, ...); never our code.
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0"

status=0
# One process runs the sample once for every pack test (ctest would run it
# once per test case); the pack and unit tests run side by side on two cores.
(cd build-asan && tests/hotspot_pack_tests --order decl) &
pack=$!
(cd build-asan && tests/hotspot_unit_tests --order decl) || status=1
wait $pack || status=1

if compgen -G "$logs/*" >/dev/null; then
  echo "sanitize: sanitizer reports:" >&2
  cat "$logs"/* >&2
  status=1
fi
if [ "$status" -ne 0 ]; then echo "sanitize: FAILED" >&2; exit 1; fi
echo "sanitize: tests passed under ASan + UBSan, no reports"
