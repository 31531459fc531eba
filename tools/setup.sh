#!/usr/bin/env bash
# Installs what hotspot needs from Debian's archive, and only what is missing.
# Idempotent: a second run installs nothing. Run as root (or with sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgdal-dev libgeos-dev libproj-dev proj-data libboost-dev libnanoflann-dev
  libtomlplusplus-dev libcli11-dev libfmt-dev libfast-float-dev libssl-dev
  # QGIS project and styles are written as XML trees (escaping is the library's job).
  libpugixml-dev
  # The manifest's JSON (ordered keys, the library's escaping).
  nlohmann-json3-dev
  catch2
  # The tasking-pack tests: real QGIS (headless) and Chromium for the report, Node for the browser driver.
  qgis python3-qgis chromium nodejs npm
  # Independent checks of rasters in the pack (the risk surface against numpy).
  python3-numpy python3-gdal
  # The report's print test reads the printed PDF back (pdfinfo, pdftotext).
  poppler-utils
  # QGIS desktop opening the project with no dialog (pack_desktop) needs a virtual X server.
  xvfb
  # Linear programmes with GLPK: the disclosure audit (analysis/disclosure) and the attack tests of issue 23 (tests/attack).
  libglpk-dev
  # Hardening (tools/fuzz.sh): clang 14 and its runtimes; libclang-rt-14-dev holds libFuzzer
  # (libclang_rt.fuzzer) and clang's ASan/UBSan. GCC's sanitizers come with build-essential.
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node may come with the machine rather than from Debian; either will do.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
  missing=("${missing[@]/npm}")
fi
missing=(${missing[@]})

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages already installed"
else
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The report's browser test drives Chromium with playwright-core (the version pinned in the lock file).
cd "$(dirname "$0")/../tests/pack"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
