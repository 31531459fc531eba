"""Pooled comparison of drawings against the 12-month count at the same area.

Usage: python3 fd_pooled.py RESULTS.csv [areas comma-separated] [score-substring] [rule-substring]
Per (score, rule): mean over borough-theme-months of log(PAI / PAI_l12 at the same area) as a
percentage, its standard error (months as independent draws; themes overlap, so it is optimistic),
pooled months won-lost, and how many borough-themes pass "mean PAI above and most months won".
"""
import sys
from collections import defaultdict

import numpy as np

import fd_summary as F

if __name__ == "__main__":
    rows = F.load(sys.argv[1])
    areas = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] else None
    fs = sys.argv[3] if len(sys.argv) > 3 else ""
    fr = sys.argv[4] if len(sys.argv) > 4 else ""
    rows = [r for r in rows if (not areas or r["area"] in areas) and fs in r["score"] and fr in r["rule"]]
    s = F.summarise(rows)
    g = defaultdict(list)
    for r in rows:
        if np.isfinite(r["pai"]) and np.isfinite(r["pai_l12_same_area"]) and r["pai_l12_same_area"] > 0 and r["pai"] > 0:
            g[(r["score"], r["rule"])].append(np.log(r["pai"] / r["pai_l12_same_area"]))
    print(f"{'score':30} {'rule':24} {'mean log ratio %':>16} {'se':>5} {'W-L':>8} {'pass':>6} {'share%':>6}")
    for (sc, ru), v in sorted(g.items(), key=lambda kv: -np.mean(kv[1])):
        v = np.array(v)
        keys = [k for k in s if k[2] == sc and k[3] == ru]
        passed = sum(s[k]["ratio"] > 1 and s[k]["won"] > s[k]["lost"] for k in keys)
        won = sum(s[k]["won"] for k in keys)
        lost = sum(s[k]["lost"] for k in keys)
        share = np.mean([s[k]["share"] for k in keys])
        print(f"{sc:30} {ru:24} {100 * v.mean():16.2f} {100 * v.std(ddof=1) / np.sqrt(len(v)):5.2f} {won:>4}-{lost:<4}"
              f" {passed:>2}/{len(keys):<3} {100 * share:6.2f}")
