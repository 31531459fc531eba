"""Summarises fd_experiment.py's rows: per area, theme, score and rule.

Usage: python3 fd_summary.py RESULTS.csv [score-substring] [rule-substring]
ratio = mean PAI of the drawing / mean PAI of the 12-month count's top squares at the same area;
W-L = months the drawing's PAI beat / lost to that.
"""
import csv
import sys
from collections import defaultdict

import numpy as np


def load(path):
    rows = list(csv.DictReader(open(path)))
    for r in rows:
        for k in ("area_share", "pai", "pai_l12_same_area", "pai_own_rank_same_area", "pai_l12_3pct", "hits",
                  "best_hits", "incidents", "hotspots", "singletons", "median_cells"):
            r[k] = float(r[k]) if r[k] not in ("", "nan") else np.nan
    return rows


def summarise(rows):
    g = defaultdict(list)
    for r in rows:
        g[(r["area"], r["theme"], r["score"], r["rule"])].append(r)
    out = {}
    for key, rs in g.items():
        p = np.array([r["pai"] for r in rs])
        q = np.array([r["pai_l12_same_area"] for r in rs])
        o = np.array([r["pai_own_rank_same_area"] for r in rs])
        ok = np.isfinite(p) & np.isfinite(q)
        out[key] = dict(months=int(ok.sum()), share=np.mean([r["area_share"] for r in rs]),
                        pai=p[ok].mean(), pai_l12=q[ok].mean(), ratio=p[ok].mean() / q[ok].mean(),
                        mean_of_ratios=np.mean(p[ok] / q[ok]),
                        won=int((p[ok] > q[ok] + 1e-9).sum()), lost=int((p[ok] < q[ok] - 1e-9).sum()),
                        own=o[ok].mean() / q[ok].mean(),
                        pei=np.nanmean([r["hits"] / r["best_hits"] if r["best_hits"] > 0 else np.nan for r in rs]),
                        hotspots=np.mean([r["hotspots"] for r in rs]), singletons=np.mean([r["singletons"] for r in rs]),
                        median_cells=np.mean([r["median_cells"] for r in rs]))
    return out


if __name__ == "__main__":
    rows = load(sys.argv[1])
    fs = sys.argv[2] if len(sys.argv) > 2 else ""
    fr = sys.argv[3] if len(sys.argv) > 3 else ""
    s = summarise(rows)
    print(f"{'area':9} {'theme':11} {'score':30} {'rule':24} {'share%':>6} {'PAI':>6} {'l12@':>6} {'ratio':>6} "
          f"{'W-L':>6} {'own/l12':>7} {'spots':>5} {'single':>6}")
    for (a, t, sc, ru), v in sorted(s.items()):
        if fs in sc and fr in ru:
            print(f"{a:9} {t:11} {sc:30} {ru:24} {100 * v['share']:6.2f} {v['pai']:6.2f} {v['pai_l12']:6.2f} "
                  f"{v['ratio']:6.3f} {v['won']:>2}-{v['lost']:<3} {v['own']:7.3f} {v['hotspots']:5.1f} {v['singletons']:6.1f}")
