#!/usr/bin/env bash
# Installs what hotspot needs from Debian's archive, and only what is missing.
# Idempotent: a second run installs nothing. Run as root (or with sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgdal-dev libgeos-dev libproj-dev proj-data libboost-dev libnanoflann-dev
  libtomlplusplus-dev libcli11-dev libfmt-dev libfast-float-dev libssl-dev
  catch2
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
