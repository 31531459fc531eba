#!/usr/bin/env bash
# How each stage's cost grows with points and with months (issue 28, part 4: scaling). Prints two
# markdown tables: one row per run (points, months) with its wall s and peak RSS MiB
# (/usr/bin/time -f "%e %M") and the seconds of each stage from its timings.json; then, per stage,
# the ratio of its time at each larger size to the smallest (same months) and at each longer
# period to the shortest (same points), beside the ratio of accepted points (manifest totals).
#
#   bash tools/scale_bench.sh [--sizes 233k,1m,5m] [--months 12,30,60] [--work /tmp/hotspot-scale]
#                             [--hotspot build/hotspot] [--data ../shared/data] [--threads N]
#                             [--runs 233k/30,1m/60]
#
# Runs: every size at 30 months (points vary) and every month count at 1m points (months vary),
# so by default 233k/30, 1m/12, 1m/30, 1m/60, 5m/30 (5m: about 4x the 1m run's time and memory).
# If 1m (or 30) is not among --sizes (--months), the first one listed is used instead; --runs
# names the runs outright. Runs go one after another, never in parallel.
#
# Inputs: tools/make_london_density.py writes the police.uk street CSVs into WORK/<size>/
# (233k: --copies 1, 182,733 rows; 1m: --rows 1200000; 5m: --rows 5000000; 2016-01..2018-06) and,
# for 60 months, WORK/<size>-60m/ (--months 60: every file again 30 months later, to 2020-12),
# unless that folder's police-uk/ already exists (delete it to regenerate). Periods end at the
# data's last month: 12 = 2017-07..2018-06, 30 = 2016-01..2018-06, 60 = 2016-01..2020-12 (the 12
# month run reads and accepts all 30 months: the earlier ones are its history).
# Config: the generator's hotspot.toml (every stage with its defaults) with a one-theme "all
# crime" taxonomy (every police.uk crime type) and the period; run as
# `hotspot run CONFIG --quiet --force --out WORK/out`. Each run's timings.json, manifest.json and
# time are kept in WORK/results/<size>-<months>m/.
#
# Points: rows read, accepted (all months read) and in the period (the theme's area total).
# Stage columns: ingest, wards, ward_stats, emerging, kde, clusters, report ("X (publish)" added
# into X); other = total_seconds minus those (points export, repeat locations, venues, forward
# plan, pack, ...). wall includes process start and exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOTSPOT=$ROOT/build/hotspot
DATA=$ROOT/../shared/data
WORK=/tmp/hotspot-scale
SIZES=233k,1m,5m
MONTHS=12,30,60
THREADS=
RUNS=
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=$2; shift 2 ;;
    --months) MONTHS=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --hotspot) HOTSPOT=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "scale_bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
HOTSPOT=$(realpath "$HOTSPOT")
[ -x "$HOTSPOT" ] || { echo "scale_bench.sh: no hotspot binary at $HOTSPOT" >&2; exit 2; }
mkdir -p "$WORK/results"
WORK=$(realpath "$WORK")

# ---- which runs -----------------------------------------------------------------------------
IFS=, read -ra size_list <<< "$SIZES"
IFS=, read -ra month_list <<< "$MONTHS"
for s in "${size_list[@]}"; do
  case $s in 233k|1m|5m) ;; *) echo "unknown size $s (233k, 1m, 5m)" >&2; exit 2 ;; esac
done
for m in "${month_list[@]}"; do
  case $m in 12|30|60) ;; *) echo "unknown months $m (12, 30, 60)" >&2; exit 2 ;; esac
done
if [ -z "$RUNS" ]; then
  base_size=${size_list[0]}; base_months=${month_list[0]}
  for s in "${size_list[@]}"; do [ "$s" = 1m ] && base_size=1m; done
  for m in "${month_list[@]}"; do [ "$m" = 30 ] && base_months=30; done
  runs=()
  for s in "${size_list[@]}"; do runs+=("$s/$base_months"); done
  for m in "${month_list[@]}"; do runs+=("$base_size/$m"); done
  # Sorted by points then months, each once.
  RUNS=$(printf '%s\n' "${runs[@]}" | awk -F/ '{o = ($1 == "233k" ? 1 : $1 == "1m" ? 2 : 3); print o, $2, $0}' \
         | sort -k1,1n -k2,2n -u | awk '{print $3}' | paste -sd,)
fi
echo "runs: $RUNS (work $WORK)" >&2

# ---- inputs (untimed) -----------------------------------------------------------------------
TAXONOMY=$ROOT/tools/all_crime_taxonomy.toml  # one theme, every police.uk crime type

# prepare SIZE MONTHS: generate the data if missing, write the run's config; prints its path.
prepare() {
  local size=$1 months=$2 gen=() dir period
  case $size in 233k) gen=(--copies 1) ;; 1m) gen=(--rows 1200000) ;; 5m) gen=(--rows 5000000) ;; esac
  case $months in
    12) dir=$WORK/$size; period=2017-07..2018-06 ;;
    30) dir=$WORK/$size; period=2016-01..2018-06 ;;
    60) dir=$WORK/$size-60m; period=2016-01..2020-12; gen+=(--months 60) ;;
  esac
  if [ ! -d "$dir/police-uk" ]; then
    echo "generating $dir (${gen[*]})" >&2
    python3 "$ROOT/tools/make_london_density.py" --data "$DATA" --out "$dir" "${gen[@]}" >&2
  fi
  sed -e "s/^period = .*/period = \"$period\"/" \
      -e "s|^taxonomy = .*|taxonomy = \"$TAXONOMY\"|" "$dir/hotspot.toml" > "$dir/scale-${months}m.toml"
  echo "$dir/scale-${months}m.toml"
}

# ---- runs -----------------------------------------------------------------------------------
IFS=, read -ra run_list <<< "$RUNS"
for run in "${run_list[@]}"; do
  size=${run%/*}; months=${run#*/}
  config=$(prepare "$size" "$months")
  res=$WORK/results/$size-${months}m
  rm -rf "$res"; mkdir -p "$res"
  extra=()
  [ -n "$THREADS" ] && extra=(--threads "$THREADS")
  echo "run $size/$months: $HOTSPOT run $config --quiet --force --out $WORK/out ${extra[*]}" >&2
  if ! /usr/bin/time -f "%e %M" -o "$res/time" "$HOTSPOT" run "$config" --quiet --force --out "$WORK/out" \
       "${extra[@]}" >"$res/log" 2>&1; then
    echo "  $size/$months failed: $(tail -3 "$res/log" | tr '\n' ' ')" >&2
    echo fail > "$res/failed"
    continue
  fi
  cp "$WORK/out/timings.json" "$WORK/out/manifest.json" "$res/"
done

# ---- tables ---------------------------------------------------------------------------------
python3 - "$WORK/results" "$RUNS" <<'EOF'
import json, os, sys
results, runs = sys.argv[1], sys.argv[2].split(",")
STAGES = ["ingest", "wards", "ward_stats", "emerging", "kde", "clusters", "report"]

def load(run):
    size, months = run.split("/")
    d = os.path.join(results, f"{size}-{months}m")
    if not os.path.exists(os.path.join(d, "timings.json")):
        return None
    t = json.load(open(os.path.join(d, "timings.json")))
    m = json.load(open(os.path.join(d, "manifest.json")))
    wall, rss = open(os.path.join(d, "time")).read().split()[-2:]
    st = {s: 0.0 for s in STAGES}
    for k, v in t["stage_seconds"].items():
        k = k.removesuffix(" (publish)")
        if k in st:
            st[k] += v
    st["other"] = t["total_seconds"] - sum(st[s] for s in STAGES)
    st["total"] = t["total_seconds"]
    return {"wall": float(wall), "rss": int(rss) / 1024, "st": st,
            "accepted": m["totals"]["accepted"], "read": m["totals"]["read"],
            "in_period": sum(a["count"] for a in m["stages"]["ward_stats"]["area_totals"])}

data = {r: load(r) for r in runs}
cols = STAGES + ["other", "total"]
print("| points | months | rows read | accepted | in period | wall s | RSS MiB | " + " | ".join(cols) + " |")
print("|---|---|---|---|---|---|---|" + "---|" * len(cols))
for r in runs:
    size, months = r.split("/")
    d = data[r]
    if d is None:
        print(f"| {size} | {months} | failed |" + " |" * (4 + len(cols)))
        continue
    print(f"| {size} | {months} | {d['read']:,} | {d['accepted']:,} | {d['in_period']:,} | {d['wall']:.2f} | {d['rss']:.0f} | "
          + " | ".join(f"{d['st'][c]:.2f}" for c in cols) + " |")

# Ratios: sizes against the smallest at the base months, months against the shortest at the base size.
order = {"233k": 0, "1m": 1, "5m": 2}
sizes = sorted({r.split("/")[0] for r in runs}, key=order.get)
months = sorted({int(r.split("/")[1]) for r in runs})
pairs = []
for bm in ([30] if 30 in months else months[:1]):
    present = [s for s in sizes if data.get(f"{s}/{bm}")]
    pairs += [(f"{s}/{bm}", f"{present[0]}/{bm}", f"{s} / {present[0]} ({bm} mo)") for s in present[1:]]
for bs in (["1m"] if "1m" in sizes else sizes[:1]):
    present = [m for m in months if data.get(f"{bs}/{m}")]
    pairs += [(f"{bs}/{m}", f"{bs}/{present[0]}", f"{m} / {present[0]} mo ({bs})") for m in present[1:]]
print()
if not pairs:
    print("(no ratios: they need two completed runs at the same months or the same points)")
    sys.exit()
print("| stage | " + " | ".join(p[2] for p in pairs) + " |")
print("|---|" + "---|" * len(pairs))
def ratio(a, b):
    return f"{a / b:.2f}x" if b > 0 else "–"
print("| accepted points (read, all months) | " + " | ".join(ratio(data[a]["accepted"], data[b]["accepted"]) for a, b, _ in pairs) + " |")
print("| points in period | " + " | ".join(ratio(data[a]["in_period"], data[b]["in_period"]) for a, b, _ in pairs) + " |")
for c in cols:
    print(f"| {c} | " + " | ".join(ratio(data[a]["st"][c], data[b]["st"][c]) for a, b, _ in pairs) + " |")
print("| wall | " + " | ".join(ratio(data[a]["wall"], data[b]["wall"]) for a, b, _ in pairs) + " |")
print("| peak RSS | " + " | ".join(ratio(data[a]["rss"], data[b]["rss"]) for a, b, _ in pairs) + " |")
EOF
