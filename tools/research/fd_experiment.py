"""Scores every (forecast score x drawing rule) on every target month, area and theme.

Usage: python3 fd_experiment.py OUT.csv [area ...]
Each row: the drawn squares' PAI at the area they cover, the 12-month count's top squares at
the same area (ties split), the score's own top squares at that area, and readability counts.
"""
import csv
import sys
import time

import numpy as np

import fd_core as C
import fd_data as D
import fd_rules as R
import fd_study as S

SCORES = {
    "cells_l24_t12": ("cells", 24, 12),          # the default
    "cells_l12": ("cells", 12, 0),
    "cells_l24": ("cells", 24, 0),
    "cells_l60_t24": ("cells", 60, 24),          # long memory: all the history there is (<= 29 months)
    "cells_l60_t24+30%kde200": ("mix", 60, 24, 200, 0.3),   # the Chicago mix
    "cells_l24_t12+30%kde200": ("mix", 24, 12, 200, 0.3),
    "cells_l24_t12+10%kde200": ("mix", 24, 12, 200, 0.1),
    "cells_l24_t12+20%kde100": ("mix", 24, 12, 100, 0.2),
    "engine kde_h200_l24_t12_s0.3": ("mix", 24, 12, 200, 0.3, False),  # as the engine builds it today
}
RULES = {
    "published": lambda c: R.published(c),
    "published_no_disclosure": lambda c: R.published(c, disclosure=False),
    "top": lambda c: R.top(c),
    "top_disclosure": lambda c: R.top(c, disclosure=True),
    "refill": lambda c: R.refill(c),
    "refill_no_disclosure": lambda c: R.refill(c, disclosure=False),
    "cap10_mean": lambda c: R.cap(c, 10, "mean"),
    "cap20_mean": lambda c: R.cap(c, 20, "mean"),
    "cap10_total": lambda c: R.cap(c, 10, "total"),
    "grow2": lambda c: R.grow(c, 2),
    "cut_cap20_gap1": lambda c: R.cut_cap(c, 20, 1),
    "cut_cap10_gap1": lambda c: R.cut_cap(c, 10, 1),
    "cut_cap20_gap0": lambda c: R.cut_cap(c, 20, 0),
}
COUNT_ONLY = {  # same squares as "top", other grouping into hotspots
    "top8": lambda c: R.top(c, eight=True),
    "grouped_gap1": lambda c: R.grouped(c, 1),
}


def main(out, areas, scores=None, rules=None):
    scores = scores or list(SCORES)
    rules = rules or list(RULES)
    fields = ["area", "theme", "target", "score", "rule", "cells", "area_share", "incidents", "hits", "pai",
              "pai_l12_same_area", "pai_own_rank_same_area", "pai_l12_3pct", "best_hits", "hotspots", "singletons",
              "median_cells", "hotspots_8conn", "hotspots_gap1"]
    with open(out, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        for area in areas:
            d = D.load(area)
            ia, A = d["in_area"], d["A"]
            for theme in S.THEMES:
                y = d["counts"][theme]
                t0 = time.time()
                for t in S.target_indices(d, area):
                    l12 = C.cells_score(y, t, 12)
                    N = y[t][ia].sum()
                    k3 = C.k_for(0.03, A, int(ia.sum()))
                    pai_l12_3 = C.pai(C.ranked_hits(l12, y[t], ia, k3), N, k3, A)
                    for sn in scores:
                        c = S.ctx(d, theme, t, SCORES[sn])
                        for rn in rules:
                            lab = RULES[rn](c)
                            m = lab > 0
                            k = int(m.sum())
                            n = int(lab.max())
                            sizes = np.bincount(lab[m]) [1:] if k else np.zeros(0)
                            row = dict(area=area, theme=theme, target=D.month_label(d["months"][t]), score=sn, rule=rn,
                                       cells=k, area_share=k * C.CELL_AREA / A, incidents=N, hits=y[t][m].sum(),
                                       pai=C.pai(y[t][m].sum(), N, k, A),
                                       pai_l12_same_area=C.pai(C.ranked_hits(l12, y[t], ia, k), N, k, A),
                                       pai_own_rank_same_area=C.pai(C.ranked_hits(c.score, y[t], ia, k), N, k, A),
                                       pai_l12_3pct=pai_l12_3, best_hits=C.best_hits(y[t], ia, k),
                                       hotspots=n, singletons=int((sizes == 1).sum()),
                                       median_cells=float(np.median(sizes)) if k else 0)
                            if rn == "top":
                                row["hotspots_8conn"] = int(COUNT_ONLY["top8"](c).max())
                                row["hotspots_gap1"] = int(COUNT_ONLY["grouped_gap1"](c).max())
                            w.writerow(row)
                print(area, theme, f"{time.time() - t0:.1f}s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:] or ["havering", "harrow"])
