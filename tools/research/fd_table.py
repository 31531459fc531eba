"""Compact tables: one line per rule, one column per area-theme (ratio and W-L).

Usage: python3 fd_table.py RESULTS.csv [score] [rule-prefix ...]
"""
import sys

import fd_summary as F

if __name__ == "__main__":
    rows = F.load(sys.argv[1])
    score = sys.argv[2] if len(sys.argv) > 2 else "cells_l24_t12"
    prefixes = sys.argv[3:] or [""]
    s = F.summarise([r for r in rows if r["score"] == score])
    cols = sorted({(a, t) for (a, t, _, _) in s})
    rules = sorted({ru for (_, _, _, ru) in s if any(ru.startswith(p) for p in prefixes)})
    print(f"{'rule':24}" + "".join(f" {a[:4] + '/' + t[:5]:>17}" for a, t in cols) + "   min ratio  worst W-L  mean share%  spots")
    for ru in rules:
        vs = [s[(a, t, score, ru)] for a, t in cols]
        cells = "".join(f" {v['ratio']:7.3f} {v['won']:>3}-{v['lost']:<3}  " for v in vs)
        worst = min(vs, key=lambda v: v["won"] - v["lost"])
        print(f"{ru:24}{cells}   {min(v['ratio'] for v in vs):7.3f}   {worst['won']:>3}-{worst['lost']:<3}  "
              f"{100 * sum(v['share'] for v in vs) / len(vs):8.2f}  {sum(v['hotspots'] for v in vs) / len(vs):6.1f}")
