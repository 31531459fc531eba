"""The cut-cap rule's parameters (hotspots N, grouping gap) and fixed coverages, for one score.

Usage: python3 fd_grid.py OUT.csv SCORE area...   (SCORE a key of fd_experiment.SCORES)
Rows as fd_experiment.py's (rule = cut_cap<N>_gap<g> or top_<coverage>).
"""
import csv
import sys

import numpy as np

import fd_core as C
import fd_data as D
import fd_experiment as E
import fd_rules as R
import fd_study as S

NS = [10, 15, 20, 30, 40]
GAPS = [0, 1, 2]
COVERAGES = [0.005, 0.01, 0.02, 0.03]


def main(out, score_name, areas):
    method = E.SCORES[score_name]
    fields = ["area", "theme", "target", "score", "rule", "cells", "area_share", "incidents", "hits", "pai",
              "pai_l12_same_area", "pai_own_rank_same_area", "pai_l12_3pct", "best_hits", "hotspots", "singletons",
              "median_cells"]
    with open(out, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        for area in areas:
            d = D.load(area)
            ia, A = d["in_area"], d["A"]
            for theme in S.THEMES:
                y = d["counts"][theme]
                for t in S.target_indices(d, area):
                    l12 = C.cells_score(y, t, 12)
                    N = y[t][ia].sum()
                    c = S.ctx(d, theme, t, method)
                    draws = {f"cut_cap{n}_gap{g}": R.cut_cap(c, n, g) for n in NS for g in GAPS}
                    for cov in COVERAGES:
                        cc = S.ctx(d, theme, t, method, coverage=cov)
                        draws[f"top_{cov:g}"] = R.grouped_mask(R.mask_at(cc, R.cut_for(cc.score, ia, cc.k0)), 1)
                    for rn, lab in draws.items():
                        m = lab > 0
                        k = int(m.sum())
                        sizes = np.bincount(lab[m])[1:] if k else np.zeros(0)
                        sizes = sizes[sizes > 0]
                        w.writerow(dict(area=area, theme=theme, target=D.month_label(d["months"][t]), score=score_name,
                                        rule=rn, cells=k, area_share=k * C.CELL_AREA / A, incidents=N,
                                        hits=y[t][m].sum(), pai=C.pai(y[t][m].sum(), N, k, A),
                                        pai_l12_same_area=C.pai(C.ranked_hits(l12, y[t], ia, k), N, k, A),
                                        pai_own_rank_same_area=C.pai(C.ranked_hits(c.score, y[t], ia, k), N, k, A),
                                        pai_l12_3pct=np.nan, best_hits=C.best_hits(y[t], ia, k),
                                        hotspots=int(lab.max()), singletons=int((sizes == 1).sum()),
                                        median_cells=float(np.median(sizes)) if k else 0))
                print(area, theme, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
