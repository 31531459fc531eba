#!/usr/bin/env python3
"""Builds a London-wide benchmark input for issue 14's many-areas row from the real police.uk files.

No London-wide extract is in ../shared/data: only Havering, Harrow and Haringey cover 2016-01..2018-06.
So each of London's 33 boroughs gets the rows of one of those three in turn, moved by the difference
between the two boroughs' centroids (in degrees of longitude and latitude: a benchmark input with
real clustering and real monthly variation, not a map of anything), and rows are kept by a seeded
draw to reach --rows in all. Rows moved outside every London ward are rejected by hotspot as
outside_every_ward, as a force-wide extract's would be.

Writes, under --out:
  police-uk/<borough-slug>/<file>.csv   the extract (police.uk street CSVs)
  hotspot.toml                          every ward of London, one pack per borough with --areas BOROUGH
  single/<borough-slug>.toml            the same config for one borough (wards.where), to compare
Borough centroids come from the London boroughs layer through GDAL's ogr2ogr. The same arguments
give byte-identical files.

    python3 tools/make_london_wide.py --out /tmp/london-wide
    ./build/hotspot run /tmp/london-wide/hotspot.toml --areas BOROUGH
    for c in /tmp/london-wide/single/*.toml; do ./build/hotspot run "$c"; done
"""
import csv
import io
import os
import random
import re
import subprocess
import sys

from make_london_density import BOROUGHS, HEADER, benchmark_arguments, moved_row

CONFIG = """# Issue 14 many-areas benchmark: written by tools/make_london_wide.py. Every stage on with its
# defaults, every ward of London; `--areas BOROUGH` makes one pack per borough.

[run]
area_name = "{area}"
period = "{period}"
crs = "EPSG:27700"
output = "{output}"
taxonomy = "police-uk"

[wards]
path = "{data}/boundaries/london-wards-2014/London_Ward.shp"
{where}code_field = "GSS_CODE"
name_field = "NAME"

[[incidents]]
name = "police.uk street files of three boroughs, moved to every London borough"
format = "police_uk"
paths = ["{incidents}"]
"""


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def borough_centroids(data):
    """{borough name: (lon, lat)} of each London borough's centroid, through ogr2ogr."""
    layer = os.path.join(data, "boundaries", "london-boroughs", "London_Borough_Excluding_MHW.shp")
    out = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", layer, "-t_srs", "EPSG:4326", "-dialect", "sqlite",
                          "-sql", "SELECT NAME, ST_Centroid(geometry) AS geometry FROM London_Borough_Excluding_MHW",
                          "-lco", "GEOMETRY=AS_XY"], check=True, capture_output=True, text=True).stdout
    return {r["NAME"]: (float(r["X"]), float(r["Y"])) for r in csv.DictReader(io.StringIO(out))}


def main():
    args = benchmark_arguments(__doc__, "/tmp/london-wide").parse_args()
    data = os.path.abspath(args.data)

    centroids = borough_centroids(data)
    sources = []  # (borough key, its files)
    for key, name in BOROUGHS.items():
        folder = os.path.join(data, "police-uk", key)
        if not os.path.isdir(folder) or name not in centroids:
            sys.exit(f"missing {folder} or its borough: pass --data (the shared data folder)")
        sources.append((key, sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".csv"))))
    source_rows = {}
    for key, files in sources:
        source_rows[key] = 0
        for path in files:
            with open(path, newline="", encoding="utf-8") as f:
                source_rows[key] += sum(1 for _ in f) - 1
    targets = sorted(centroids)
    plan = [(target, sources[i % len(sources)]) for i, target in enumerate(targets)]
    total = sum(source_rows[src[0]] for _, src in plan)
    keep = min(1.0, args.rows / total)

    draw = random.Random(args.seed)
    written = 0
    for target, (key, files) in plan:
        dlon = centroids[target][0] - centroids[BOROUGHS[key]][0]
        dlat = centroids[target][1] - centroids[BOROUGHS[key]][1]
        out_dir = os.path.join(args.out, "police-uk", slug(target))
        os.makedirs(out_dir, exist_ok=True)
        for path in files:
            with open(path, newline="", encoding="utf-8") as fin, \
                    open(os.path.join(out_dir, os.path.basename(path)), "w", newline="", encoding="utf-8") as fout:
                reader = csv.reader(fin)
                if next(reader) != HEADER:
                    sys.exit(f"{path}: not a police.uk street file")
                w = csv.writer(fout, lineterminator="\n")
                w.writerow(HEADER)
                for row in reader:
                    if draw.random() >= keep:
                        continue
                    w.writerow(moved_row(row, dlon, dlat, target))
                    written += 1

    os.makedirs(os.path.join(args.out, "single"), exist_ok=True)
    common = {"period": args.period, "data": data}
    with open(os.path.join(args.out, "hotspot.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG.format(area="London", output="out/areas", where="", incidents="police-uk/*/*.csv", **common))
    for target in targets:
        with open(os.path.join(args.out, "single", slug(target) + ".toml"), "w", encoding="utf-8") as f:
            f.write(CONFIG.format(area=target, output=f"../out/single/{slug(target)}",
                                  where=f"where = \"BOROUGH = '{target}'\"\n", incidents="../police-uk/*/*.csv",
                                  **common))
    print(f"{len(targets)} boroughs, {written} rows (kept {keep:.3f} of {total}); configs in {args.out}")


if __name__ == "__main__":
    main()
