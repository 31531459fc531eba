#!/usr/bin/env bash
# One area per Slurm array task: a month's packs for every line of areas.txt.
#
#   ogrinfo -ro -q -sql "SELECT DISTINCT BOROUGH FROM London_Ward ORDER BY BOROUGH" \
#       London_Ward.shp | sed -n 's/^ *BOROUGH (String) = //p' > areas.txt
#   sbatch --array=1-$(wc -l < areas.txt) tools/scale/slurm-areas.sh 2017-12
#
# Each task writes only its own area's folders (out/<slug>, restricted/<slug>),
# so tasks never touch each other's files and a failed task is rerun alone
# (sbatch --array=N). Sizing (docs/scale.md): one London borough-month is about
# 2 s on one core and 110 MB peak; ask for 1 CPU and 512 MB.
#SBATCH --job-name=hotspot-areas
#SBATCH --cpus-per-task=1
#SBATCH --mem=512M
#SBATCH --time=00:10:00
#SBATCH --output=logs/hotspot-%A_%a.log
set -euo pipefail

period=${1:?usage: sbatch --array=1-N slurm-areas.sh PERIOD}
here=${SLURM_SUBMIT_DIR:-$PWD}
data=${HOTSPOT_DATA:-$here/../shared/data}
out=${HOTSPOT_OUT:-$here/out/$period}
restricted=${HOTSPOT_RESTRICTED:-$here/restricted/$period}

area=$(sed -n "${SLURM_ARRAY_TASK_ID}p" "$here/areas.txt")
[ -n "$area" ] || { echo "no area on line $SLURM_ARRAY_TASK_ID of areas.txt" >&2; exit 2; }
slug=$(printf '%s' "$area" | tr '[:upper:]' '[:lower:]' | sed 's/[^a-z0-9]\{1,\}/-/g; s/^-//; s/-$//')

tmp=$(mktemp -d)  # a fixed file name, so the manifest names the same config every month
trap 'rm -rf "$tmp"' EXIT
config=$tmp/$slug.toml
sed -e "s|@AREA@|$area|g" -e "s|@SLUG@|$slug|g" -e "s|@PERIOD@|$period|g" \
    -e "s|@OUT@|$out|g" -e "s|@RESTRICTED@|$restricted|g" -e "s|@DATA@|$data|g" \
    "$here/tools/scale/area.toml.in" > "$config"
mkdir -p "$out" "$restricted"
"$here/build/hotspot" run "$config" --quiet
