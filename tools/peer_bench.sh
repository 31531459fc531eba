#!/usr/bin/env bash
# hotspot against the tools an analyst would use instead, as whole processes, on the same points
# (issue 28, part 3). Prints a markdown table: median wall and peak RSS of N alternating runs
# (/usr/bin/time -f "%e %M"), the ratio peer/hotspot, and one run's timings.json stages.
#
#   bash tools/peer_bench.sh [--runs 3] [--sizes 233k,1m] [--work /tmp/hotspot-peers]
#                            [--hotspot build/hotspot] [--data ../shared/data] [--peer-mem-gb 12]
#
# Inputs: tools/make_london_density.py writes the police.uk street CSVs into WORK/<size>/
# (233k: --copies 1, 182,733 rows; 1m: 1.2 M rows), unless WORK/<size>/police-uk already exists.
# The script writes a one-theme "all crime" taxonomy (every police.uk crime type) and a config
# per size, 2016-01..2018-06 (30 months), every stage with its defaults. hotspot reads the raw
# police.uk CSVs (its time includes parsing, checking, projecting, assigning wards). The peers
# read the points as that run accepted them: one untimed `hotspot run` with export_points writes
# them to its restricted folder, and ogr2ogr converts them once (untimed) to EPSG:27700 as a
# GeoPackage, a SpatiaLite database and a CSV of x,y; the wards likewise.
#
# Pairs (the peer's parameters are the ones hotspot's manifest reports for its run):
#  1. `hotspot kde`      vs QGIS "Heatmap (Kernel Density Estimation)" (qgis_process.bin, headless):
#     quartic, raw, radius = kde bandwidth, pixel = kde.cell, on the GeoPackage.
#  2. `hotspot clusters` vs scikit-learn DBSCAN(eps = clusters.dbscan_eps, min_samples =
#     dbscan_min_points, kd_tree) on the x,y CSV (tools/peers/dbscan.py, /usr/bin/python3).
#     hotspot's clusters also does NNH, hulls, ellipses and Gi*: the same time is used in 3.
#  3. `hotspot clusters` vs R spdep Gi*: points binned to the gistar_cell grid over the wards,
#     in-area cells, dnearneigh(gistar_band), include.self, binary weights, localG
#     (tools/peers/gistar.R).
#  4. `hotspot wards`    vs SpatiaLite: R*Tree index on the points, then a count per ward by
#     ST_Contains (tools/peers/wards.sql).
#  5. `hotspot run` (the whole pack) against the sum of the four peers' walls.
# A peer that fails (or passes --peer-mem-gb of address space: scikit-learn's DBSCAN stores every
# neighbourhood) is reported as failed with its error; the others go on.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOTSPOT=$ROOT/build/hotspot
DATA=$ROOT/../shared/data
WORK=/tmp/hotspot-peers
RUNS=3
SIZES=233k,1m
MEM_GB=12
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --hotspot) HOTSPOT=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --peer-mem-gb) MEM_GB=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "peer_bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
HOTSPOT=$(realpath "$HOTSPOT")
PY=/usr/bin/python3              # Debian's python, where python3-sklearn is
PEERS=$ROOT/tools/peers
export QT_QPA_PLATFORM=offscreen
for tool in "$HOTSPOT" qgis_process.bin Rscript spatialite ogr2ogr /usr/bin/time; do
  command -v "$tool" >/dev/null || echo "warning: $tool not found; its pair will fail" >&2
done
mkdir -p "$WORK"

# ---- inputs (untimed) ---------------------------------------------------------------------
TAXONOMY=$ROOT/tools/all_crime_taxonomy.toml  # one theme, every police.uk crime type

# manifest KEY: a value from the prep run's manifest (stages.kde / stages.clusters, theme "all").
manifest() {
  "$PY" - "$1" "$2" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
k, c = m["stages"]["kde"], m["stages"]["clusters"]
v = {"bandwidth": k["themes"][0]["bandwidth_m"], "cell": k["cell_m"], "eps": c["dbscan_eps_m"],
     "minpts": c["dbscan_min_points"], "gcell": c["gistar_cell_m"], "gband": c["gistar_band_m"],
     "accepted": m["totals"]["accepted"], "dbscan": c["themes"][0]["dbscan_clusters"],
     "gihot": c["themes"][0]["gistar_hot"], "gicold": c["themes"][0]["gistar_cold"]}[sys.argv[2]]
print(v)
EOF
}

prepare() {  # prepare SIZE: inputs, configs and the peers' files in $WORK/SIZE
  local size=$1 d=$WORK/$1 copies=()
  case $size in 233k) copies=(--copies 1) ;; 1m) ;; *) echo "unknown size $size (233k, 1m)" >&2; exit 2 ;; esac
  if [ ! -d "$d/police-uk" ]; then
    python3 "$ROOT/tools/make_london_density.py" --data "$DATA" --out "$d" "${copies[@]}" >/dev/null
  fi
  # The generator's config, for the 30 months and the one theme.
  sed -e 's/^period = .*/period = "2016-01..2018-06"/' \
      -e "s|^taxonomy = .*|taxonomy = \"$TAXONOMY\"|" "$d/hotspot.toml" > "$d/all.toml"
  sed 's|^output = .*|output = "prep/pack"|' "$d/all.toml" > "$d/prep.toml"
  printf '\n[themes.all]\nexport_points = true\n' >> "$d/prep.toml"
  if [ ! -s "$d/points.csv" ]; then  # delete it to redo the untimed preparation
    "$HOTSPOT" run "$d/prep.toml" --quiet --force >"$d/prep.log" 2>&1 || { cat "$d/prep.log" >&2; exit 1; }
    local restricted=$d/prep/pack-restricted
    rm -f "$d/points.gpkg" "$d/peers.sqlite" "$d/wards.gpkg"
    ogr2ogr -t_srs EPSG:27700 -nln points "$d/points.gpkg" "$restricted/points_all.geojson"
    ogr2ogr -f CSV "$d/points.csv" "$d/points.gpkg" -dialect sqlite \
      -sql "SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM points"
    # The wards as the config selects them (path, where, code field).
    local shp where code
    shp=$(sed -n '/^\[wards\]/,/^\[/s/^path = "\(.*\)"/\1/p' "$d/all.toml")
    where=$(sed -n '/^\[wards\]/,/^\[/s/^where = "\(.*\)"/\1/p' "$d/all.toml")
    code=$(sed -n '/^\[wards\]/,/^\[/s/^code_field = "\(.*\)"/\1/p' "$d/all.toml")
    case $shp in /*) ;; *) shp=$d/$shp ;; esac
    ogr2ogr -t_srs EPSG:27700 -nln wards -nlt MULTIPOLYGON "$d/wards.gpkg" "$shp" \
      -sql "SELECT \"$code\" AS code FROM \"$(basename "$shp" .shp)\" WHERE $where"
    ogr2ogr -f SQLite -dsco SPATIALITE=YES -lco SPATIAL_INDEX=NO -lco GEOMETRY_NAME=GEOMETRY -nln points "$d/peers.sqlite" "$d/points.gpkg"
    ogr2ogr -update -f SQLite -lco GEOMETRY_NAME=GEOMETRY -nln wards "$d/peers.sqlite" "$d/wards.gpkg"
  fi
}

# ---- timing -------------------------------------------------------------------------------
# measure KEY CMD...: one whole-process run; appends "wall rss_kb" (or "fail") to $T/KEY.
measure() {
  local key=$1; shift
  if /usr/bin/time -f "%e %M" -o "$T/time" "$@" >"$T/$key.out" 2>"$T/$key.err"; then
    tail -1 "$T/time" >> "$T/$key"
  else
    echo fail >> "$T/$key"
    echo "  $key failed: $(grep -v '^Command exited' "$T/$key.err" | tail -2 | tr '\n' ' ')" >&2
  fi
}

# The peers, each one whole process on the prepared files.
peer_qgis() {
  rm -f "$d/qgis.tif"
  qgis_process.bin run qgis:heatmapkerneldensityestimation -- INPUT="$d/points.gpkg" \
    RADIUS="$bandwidth" PIXEL_SIZE="$cell" KERNEL=0 OUTPUT_VALUE=0 DECAY=0 OUTPUT="$d/qgis.tif"
}
peer_dbscan() { (ulimit -v $((MEM_GB * 1024 * 1024)); "$PY" "$PEERS/dbscan.py" "$d/points.csv" "$eps" "$minpts" "$d/dbscan_labels.txt"); }
peer_gistar() { Rscript "$PEERS/gistar.R" "$d/points.csv" "$d/wards.gpkg" "$gcell" "$gband" "$d/gistar_z.csv"; }
peer_spatialite() { cp "$d/peers.sqlite" "$d/peers_run.sqlite" && spatialite "$d/peers_run.sqlite" < "$PEERS/wards.sql"; }
export -f peer_qgis peer_dbscan peer_gistar peer_spatialite   # /usr/bin/time runs them in bash -c

# summary KEY: "median_wall peak_rss_mib" over the runs that did not fail, or "fail".
summary() {
  "$PY" - "$T/$1" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and l.strip() != "fail"]
if not rows: print("fail"); sys.exit()
print(f"{statistics.median(float(r[0]) for r in rows):.2f} {max(int(r[1]) for r in rows) / 1024:.0f}")
EOF
}

TABLE=$(mktemp)
echo "| size | hotspot | wall s | RSS MiB | peer | wall s | RSS MiB | ratio peer/hotspot |" > "$TABLE"
echo "|---|---|---|---|---|---|---|---|" >> "$TABLE"
IFS=, read -ra size_list <<< "$SIZES"
for size in "${size_list[@]}"; do
  d=$WORK/$size
  echo "== $size: preparing $d" >&2
  prepare "$size"
  T=$d/times; rm -rf "$T"; mkdir -p "$T"
  man=$d/prep/pack/manifest.json
  bandwidth=$(manifest "$man" bandwidth); cell=$(manifest "$man" cell)
  eps=$(manifest "$man" eps); minpts=$(manifest "$man" minpts)
  gcell=$(manifest "$man" gcell); gband=$(manifest "$man" gband)
  accepted=$(manifest "$man" accepted)
  export d bandwidth cell eps minpts gcell gband PY PEERS MEM_GB
  echo "   $accepted accepted points; kde bandwidth $bandwidth m, cell $cell m; DBSCAN eps $eps m," \
       "min $minpts; Gi* cell $gcell m, band $gband m" >&2
  for ((i = 1; i <= RUNS; i++)); do
    echo "   run $i of $RUNS" >&2
    measure hs_kde "$HOTSPOT" kde "$d/all.toml" --out "$d/out-kde" --quiet
    measure qgis bash -c peer_qgis
    measure hs_clusters "$HOTSPOT" clusters "$d/all.toml" --out "$d/out-clusters" --quiet
    measure dbscan bash -c peer_dbscan
    measure gistar bash -c peer_gistar
    measure hs_wards "$HOTSPOT" wards "$d/all.toml" --out "$d/out-wards" --quiet
    measure spatialite bash -c peer_spatialite
    measure hs_run "$HOTSPOT" run "$d/all.toml" --quiet
  done

  # What the peers produced, one line each (from the last run).
  echo "   hotspot: DBSCAN $(manifest "$man" dbscan) clusters, Gi* $(manifest "$man" gihot) hot and" \
       "$(manifest "$man" gicold) cold regions (FDR), $accepted points in wards" >&2
  [ -s "$d/qgis.tif" ] && "$PY" -c "
from osgeo import gdal; import numpy as np, sys
ds = gdal.Open(sys.argv[1]); a = ds.ReadAsArray(); nd = ds.GetRasterBand(1).GetNoDataValue()
v = a[a != nd] if nd is not None else a
print(f'   QGIS heatmap: {ds.RasterXSize} x {ds.RasterYSize} cells, {(v > 0).sum()} non-zero, raw sum {v.sum():.4g}, peak {v.max():.1f}')" "$d/qgis.tif" >&2
  [ -s "$T/dbscan.out" ] && echo "   $(cat "$T/dbscan.out")" >&2
  [ -s "$T/gistar.out" ] && echo "   $(cat "$T/gistar.out")" >&2
  [ -s "$T/spatialite.out" ] && "$PY" - "$T/spatialite.out" "$accepted" <<'EOF' >&2
import csv, sys
rows = [r for r in csv.DictReader(l for l in open(sys.argv[1]) if "," in l)]
n = sum(int(r["incidents"]) for r in rows)
print(f"   SpatiaLite: {len(rows)} wards, {n} points counted ({n - int(sys.argv[2]):+d} against hotspot's accepted)")
EOF

  ratio() {  # ratio PEER_STAT HOTSPOT_STAT
    if [ "$1" = fail ] || [ "$2" = fail ]; then echo "-"; else "$PY" -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}x')" "${1%% *}" "${2%% *}"; fi
  }
  row() {  # row HS_KEY HS_LABEL PEER_KEY PEER_LABEL
    local h p
    h=$(summary "$1"); p=$(summary "$3")
    echo "| $size ($accepted points) | $2 | ${h%% *} | ${h##* } | $4 | ${p%% *} | ${p##* } | $(ratio "$p" "$h") |" >> "$TABLE"
  }
  row hs_kde "kde" qgis "QGIS Heatmap (r $bandwidth m, $cell m px)"
  row hs_clusters "clusters" dbscan "sklearn DBSCAN (eps $eps, min $minpts)"
  row hs_clusters "clusters" gistar "R spdep Gi* ($gcell m cells)"
  row hs_wards "wards" spatialite "SpatiaLite ward join"
  sum=$("$PY" - "$T" <<'EOF'
import statistics, sys
total = 0.0
for k in ("qgis", "dbscan", "gistar", "spatialite"):
    rows = [l.split() for l in open(f"{sys.argv[1]}/{k}") if l.strip() != "fail"]
    if not rows: print("fail"); sys.exit()
    total += statistics.median(float(r[0]) for r in rows)
print(f"{total:.2f} 0")
EOF
)
  h=$(summary hs_run)
  echo "| $size ($accepted points) | run (whole pack) | ${h%% *} | ${h##* } | sum of the four peers | ${sum%% *} | | $(ratio "$sum" "$h") |" >> "$TABLE"
  echo "   timings.json of the last hotspot run ($size), stage seconds:" >&2
  "$PY" - "$d/out/pack/timings.json" <<'EOF' >&2
import json, sys
t = json.load(open(sys.argv[1]))
print("   " + ", ".join(f"{k} {v:.2f}" for k, v in t["stage_seconds"].items() if v >= 0.005) + f"; total {t['total_seconds']:.2f}")
EOF
done
echo
echo "Median wall of $RUNS alternating runs, peak RSS the largest of them; $(nproc) cores, $(date -u +%F)."
echo "$("$HOTSPOT" --version); $(QT_QPA_PLATFORM=offscreen qgis_process.bin --version 2>/dev/null | grep '^QGIS' | head -1);" \
     "scikit-learn $("$PY" -c 'import sklearn; print(sklearn.__version__)' 2>/dev/null);" \
     "spdep $(Rscript -e 'cat(as.character(packageVersion("spdep")))' 2>/dev/null);" \
     "SpatiaLite $(echo "SELECT spatialite_version();" | spatialite :memory: 2>/dev/null | tail -1)"
echo
cat "$TABLE"
rm -f "$TABLE"
