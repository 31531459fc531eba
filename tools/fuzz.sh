#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan) in build-fuzz/, replays
# every committed input (fuzz/regressions/ and the seed corpus fuzz/corpus/),
# then fuzzes each harness for a fixed time. Any crash, sanitizer report, leak
# or timeout fails; the input is saved under build-fuzz/artifacts/<target>/.
#
#   tools/fuzz.sh                  replay + 45 s per harness (what CI runs)
#   tools/fuzz.sh 600 config       replay + 10 minutes on the config harness
#   FUZZ_SECONDS=0 tools/fuzz.sh   replay only
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-${FUZZ_SECONDS:-45}}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv incidents dates config)

cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHOTSPOT_FUZZ=ON -DHOTSPOT_TESTS=OFF -DHOTSPOT_BENCHMARKS=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0"
# -timeout: one input taking longer is a hang. -rss_limit_mb: one run using
# more memory is a finding too. Leaks are findings as well (detect_leaks).
common=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=0)

for t in "${targets[@]}"; do
  bin=build-fuzz/fuzz/fuzz_$t
  art=build-fuzz/artifacts/$t/
  mkdir -p "$art" "fuzz/regressions/$t"
  echo "fuzz: $t: replaying fuzz/regressions/$t and fuzz/corpus/$t"
  if ! "$bin" "${common[@]}" -runs=0 -artifact_prefix="$art" "fuzz/regressions/$t" "fuzz/corpus/$t" \
      >"build-fuzz/replay-$t.log" 2>&1; then
    tail -n 60 "build-fuzz/replay-$t.log" >&2
    echo "fuzz: $t: a committed input fails (see above)" >&2
    exit 1
  fi
  if [ "$seconds" -gt 0 ]; then
    # New inputs go to a scratch corpus; the committed seeds are only read.
    work=build-fuzz/corpus/$t
    mkdir -p "$work"
    dict=()
    [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
    echo "fuzz: $t: fuzzing for ${seconds}s"
    if ! "$bin" "${common[@]}" "${dict[@]}" -max_total_time="$seconds" -artifact_prefix="$art" "$work" "fuzz/corpus/$t" \
        >"build-fuzz/fuzz-$t.log" 2>&1; then
      tail -n 60 "build-fuzz/fuzz-$t.log" >&2
      echo "fuzz: $t: FAILED. Reproducer(s): $(ls "$art")." >&2
      echo "fuzz: copy each to fuzz/regressions/$t/, fix the bug, and rerun." >&2
      exit 1
    fi
    grep -E '^#[0-9]+[[:space:]]+DONE' "build-fuzz/fuzz-$t.log" | tail -n 1 || true
  fi
done
echo "fuzz: no crashes"
