#!/usr/bin/env bash
# Builds and runs the benchmarks (Release), printing the tables kept in BENCHMARKS.md.
# Usage: tools/bench.sh [rows]   (default 1,000,000; needs ../shared/data for London wards)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh > /dev/null
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "date: $(date -u +%Y-%m-%d)  commit: $(git rev-parse --short HEAD 2>/dev/null || echo none)"
./build/bench/ingest_bench "${1:-1000000}"
echo
./build/bench/kde_bench
echo
./build/bench/venue_bench
echo
./build/bench/ward_set_bench
echo
./build/bench/disclosure_bench
echo
./build/bench/apportion_bench
echo
./build/bench/risk_bench
