#!/usr/bin/env python3
"""Builds the London-density benchmark input of issue 14 from the real police.uk files.

The issue's measurement replicated four boroughs x 29 months of police.uk (233 k rows) five
times with a jitter, about 1.2 M rows: London's density. Of the extracts in ../shared/data only
three boroughs cover the same 29 months (Havering, Harrow, Haringey: 2016-01..2018-06 without
2016-03, 182,794 rows; the City of London's files are 2023-24), so by default each row is copied
as often as it takes to reach --rows (about 6.6 times), the fraction by a seeded draw.

Copy 0 of a row is the row as published. Copy c > 0 moves the row's map point by a seeded offset
(uniform in a disc of --jitter metres) that is the same for every row of that copy on that map
point, so the output keeps police.uk's shared snap points (each copy has its own set of them),
and gets a new Crime ID (ASB rows keep an empty one). --months 60 (issue 28's scaling runs) also
writes every file again 30 months later (2018-07..2020-12): the same rows and copies, the Month
column and the file name shifted, new Crime IDs (ASB rows keep an empty one), so 60 months at the
same monthly density; the default (30) output is unchanged. Output: police.uk street CSVs, one file
per input file, under OUT/police-uk/<borough>/, and OUT/hotspot.toml (from
tools/london_density.toml, every stage on with its defaults). Python 3 standard library only;
the same arguments give byte-identical files.

    python3 tools/make_london_density.py --out /tmp/london
    ./build/hotspot run /tmp/london/hotspot.toml
"""
import argparse
import csv
import hashlib
import math
import os
import random
import sys

BOROUGHS = {"havering": "Havering", "harrow": "Harrow", "haringey": "Haringey"}
HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
          "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]


def moved_row(row, dlon, dlat, tag):
    """A copy of a police.uk row moved by (dlon, dlat) degrees, with a new Crime ID made from `tag`
    (ASB rows keep their empty one; rows without a location keep none)."""
    out = list(row)
    if row[4] and row[5]:
        out[4] = f"{float(row[4]) + dlon:.6f}"
        out[5] = f"{float(row[5]) + dlat:.6f}"
    if row[0]:
        out[0] = hashlib.sha256(f"{row[0]}:{tag}".encode()).hexdigest()
    return out


def benchmark_arguments(doc, out):
    """The arguments every London benchmark generator takes: --data, --out, --rows, --seed, --period."""
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.normpath(os.path.join(here, "..", "..", "shared", "data")),
                    help="the shared data folder (read only; default ../shared/data beside the repository)")
    ap.add_argument("--out", default=out, help=f"scratch folder to write (default {out})")
    ap.add_argument("--rows", type=int, default=1_200_000, help="rows to reach (default 1,200,000)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--period", default="2018-06", help="the run's period (default the last full month)")
    return ap


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = benchmark_arguments(__doc__, "/tmp/london")
    ap.add_argument("--copies", type=float, default=None,
                    help="copies of each row instead of --rows (e.g. 5 as in the issue)")
    ap.add_argument("--jitter", type=float, default=150.0, help="radius of a copy's offset in metres (150)")
    ap.add_argument("--months", type=int, default=30,
                    help="30 (the data, 2016-01..2018-06) or a multiple: each further 30 repeats every "
                         "file shifted by 30 months (60: to 2020-12)")
    args = ap.parse_args()
    if args.months < 30 or args.months % 30:
        sys.exit("--months: 30 or a multiple of 30")
    repeats = args.months // 30

    src = os.path.join(args.data, "police-uk")
    files = []
    for b in BOROUGHS:
        folder = os.path.join(src, b)
        if not os.path.isdir(folder):
            sys.exit(f"missing {folder}: pass --data (the shared data folder)")
        files += [(b, os.path.join(folder, f)) for f in sorted(os.listdir(folder)) if f.endswith(".csv")]

    source_rows = 0
    for _, path in files:
        with open(path, newline="", encoding="utf-8") as f:
            source_rows += sum(1 for _ in f) - 1
    copies = args.copies if args.copies is not None else args.rows / source_rows
    whole = int(math.floor(copies))
    frac = copies - whole

    draw = random.Random(args.seed)
    offsets = {}

    def offset(c, lon, lat):
        key = (c, lon, lat)
        o = offsets.get(key)
        if o is None:
            h = hashlib.sha256(f"{args.seed}:{c}:{lon}:{lat}".encode()).digest()
            u = int.from_bytes(h[:8], "big") / 2.0**64
            v = int.from_bytes(h[8:16], "big") / 2.0**64
            r = args.jitter * math.sqrt(u)
            a = 2.0 * math.pi * v
            dy, dx = r * math.sin(a), r * math.cos(a)
            la = float(lat)
            o = (dx / (111320.0 * math.cos(math.radians(la))), dy / 111320.0)
            offsets[key] = o
        return o

    def shift_month(month, by):  # "2016-01" + 30 -> "2018-07"
        y, m = int(month[:4]), int(month[5:7])
        k = y * 12 + (m - 1) + by
        return f"{k // 12:04d}-{k % 12 + 1:02d}"

    written = 0
    for b, path in files:
        out_dir = os.path.join(args.out, "police-uk", b)
        os.makedirs(out_dir, exist_ok=True)
        name = os.path.basename(path)
        # Repeat r > 0 is the file 30 r months later (its name starts with the month, YYYY-MM-).
        names = [name] + [shift_month(name[:7], 30 * r) + name[7:] for r in range(1, repeats)]
        fouts = [open(os.path.join(out_dir, n), "w", newline="", encoding="utf-8") for n in names]
        with open(path, newline="", encoding="utf-8") as fin:
            reader = csv.reader(fin)
            header = next(reader)
            if header != HEADER:
                sys.exit(f"{path}: not a police.uk street file")
            ws = [csv.writer(f, lineterminator="\n") for f in fouts]
            for w in ws:
                w.writerow(header)
            w = ws[0]
            for row in reader:
                n = whole + (1 if draw.random() < frac else 0)
                for c in range(n):
                    if c == 0:
                        w.writerow(row)
                    else:
                        dlon, dlat = offset(c, row[4], row[5]) if row[4] and row[5] else (0.0, 0.0)
                        w.writerow(moved_row(row, dlon, dlat, c))
                    written += 1
                    for r in range(1, repeats):
                        if c and row[4] and row[5]:
                            out = moved_row(row, *offset(c, row[4], row[5]), f"{c}+{30 * r}m")
                        else:  # copy 0, and rows without a location: the published text, a new ID
                            out = list(row)
                            if row[0]:
                                out[0] = hashlib.sha256(f"{row[0]}:{c}+{30 * r}m".encode()).hexdigest()
                        out[1] = shift_month(row[1], 30 * r)
                        ws[r].writerow(out)
                        written += 1
        for f in fouts:
            f.close()

    with open(os.path.join(here, "london_density.toml"), encoding="utf-8") as f:
        template = f.read()
    boroughs = ", ".join(f"'{v}'" for v in BOROUGHS.values())
    config = (template.replace("@DATA@", os.path.abspath(args.data))
              .replace("@PERIOD@", args.period)
              .replace("@BOROUGHS@", boroughs))
    with open(os.path.join(args.out, "hotspot.toml"), "w", encoding="utf-8") as f:
        f.write(config)
    print(f"{len(files)} files, {source_rows} source rows x {copies:.3f} = {written} rows, "
          f"{len(offsets)} jittered map points; config {os.path.join(args.out, 'hotspot.toml')}")


if __name__ == "__main__":
    main()
