"""Checks the harness against the engine's own outputs (docs/forecast-drawing.md, "Method").

Usage:
  python3 fd_check_engine.py evaluate AREA EVAL_DIR   # evaluation.csv of `hotspot evaluate` (cells_* rows)
  python3 fd_check_engine.py published AREA KDE_DIR   # KDE_DIR/<period>/hotspots_<theme>.geojson of
                                                      # `hotspot kde --period <period> --out KDE_DIR/<period>`
"""
import csv
import json
import os
import sys

import numpy as np

import fd_core as C
import fd_data as D
import fd_rules as R
import fd_study as S


def check_evaluate(area, folder):
    d = D.load(area)
    worst, n = 0.0, 0
    for r in csv.DictReader(open(f"{folder}/evaluation.csv")):
        if not r["method"].startswith("cells_") or not np.isfinite(float(r["pai"])):
            continue
        t = int(np.where(d["months"] == D.month_index(r["target_month"]))[0][0])
        parts = r["method"].split("_")
        lb, hl = int(parts[1][1:]), float(parts[2][1:]) if len(parts) > 2 else 0
        y = d["counts"][r["theme"]]
        k = C.k_for(float(r["coverage"]), d["A"], int(d["in_area"].sum()))
        p = C.pai(C.ranked_hits(C.cells_score(y, t, lb, hl), y[t], d["in_area"], k), y[t][d["in_area"]].sum(), k, d["A"])
        assert k == int(r["cells"])
        e = float(r["pai"])
        worst, n = max(worst, abs(p / e - 1) if e else abs(p)), n + 1
    print(f"{area}: {n} rows, worst relative PAI difference {worst:.1e}")


def check_published(area, folder):
    d = D.load(area)
    n = bad = 0
    for t in S.target_indices(d, area):
        for th in S.THEMES:
            f = f"{folder}/{D.month_label(d['months'][t - 1])}/hotspots_{th}.geojson"
            if not os.path.exists(f):
                continue
            feats = json.load(open(f))["features"]
            c = S.ctx(d, th, t, ("cells", 24, 12))
            lab = R.published(c)
            _, monthly, area_m2, _ = R.region_stats(c, lab, lab.max())
            same = sorted(round(x["properties"]["forecast_monthly"], 1) for x in feats) == sorted(round(x, 1) for x in monthly)
            eng = sum(x["properties"]["area_m2"] for x in feats)
            same &= abs(area_m2.sum() - eng) <= 0.01 * eng
            n, bad = n + 1, bad + (not same)
    print(f"{area}: {n} layers compared, {bad} differ")


if __name__ == "__main__":
    {"evaluate": check_evaluate, "published": check_published}[sys.argv[1]](sys.argv[2], sys.argv[3])
