#!/usr/bin/env bash
# Installs missing packages, then configures and builds hotspot (Release) in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc)"
