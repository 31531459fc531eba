"""Prints the markdown tables of docs/forecast-drawing.md from the study's outputs.

Usage: python3 fd_report.py TUNE.csv HELDOUT.csv [CEILING.json]
"""
import json
import sys
from collections import defaultdict

import numpy as np

import fd_summary as F

AREAS = [("havering", "Havering (tuning)"), ("harrow", "Harrow (tuning)"), ("haringey", "Haringey (held out)"),
         ("city", "City of London (held out, 6 targets)")]
THEMES = [("asb", "ASB"), ("violence", "violence"), ("vawg", "VAWG (proxy)"), ("acquisitive", "acquisitive")]
DEFAULT = "cells_l24_t12"


def f(x, p=2):
    return "–" if x is None or not np.isfinite(x) else f"{x:.{p}f}"


def per_area_table(s, rules):
    print("| area | theme | " + " | ".join(f"{lab}: area % / PAI / 12-month squares same area / ratio / won-lost"
                                         for _, lab in rules) + " |")
    print("|---|---|" + "---|" * len(rules))
    for a, al in AREAS:
        for t, tl in THEMES:
            cells = []
            for r, _ in rules:
                v = s.get((a, t, DEFAULT, r))
                cells.append("–" if v is None else f"{100 * v['share']:.2f} / {f(v['pai'])} / {f(v['pai_l12'])} / "
                             f"**{f(v['ratio'], 3)}** / {v['won']}-{v['lost']}")
            print(f"| {al} | {tl} | " + " | ".join(cells) + " |")


def pooled(rows, areas, score=None, rule=None):
    g = defaultdict(list)
    for r in rows:
        if r["area"] not in areas or (score and r["score"] != score) or (rule and r["rule"] != rule):
            continue
        if np.isfinite(r["pai"]) and np.isfinite(r["pai_l12_same_area"]) and r["pai"] > 0 and r["pai_l12_same_area"] > 0:
            g[(r["score"], r["rule"])].append(np.log(r["pai"] / r["pai_l12_same_area"]))
    s = F.summarise([r for r in rows if r["area"] in areas])
    out = {}
    for key, v in g.items():
        v = np.array(v)
        ks = [k for k in s if (k[2], k[3]) == key]
        out[key] = dict(mean=100 * v.mean(), se=100 * v.std(ddof=1) / np.sqrt(len(v)),
                        won=sum(s[k]["won"] for k in ks), lost=sum(s[k]["lost"] for k in ks),
                        passed=sum(s[k]["ratio"] > 1 and s[k]["won"] > s[k]["lost"] for k in ks), n=len(ks),
                        share=100 * np.mean([s[k]["share"] for k in ks]),
                        spots=np.mean([s[k]["hotspots"] for k in ks]))
    return out


def pooled_table(tune, held, keys, label):
    pt = pooled(tune, {"havering", "harrow"})
    ph = pooled(held, {"haringey"})
    print(f"| {label} | tuning: log ratio % (se) | won-lost | borough-themes passing | area % | "
          f"Haringey: log ratio % (se) | won-lost | passing | area % |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key, name in keys:
        a, b = pt.get(key), ph.get(key)
        if not a or not b:
            continue
        print(f"| {name} | {a['mean']:+.2f} ({a['se']:.2f}) | {a['won']}-{a['lost']} | {a['passed']}/{a['n']} | "
              f"{a['share']:.2f} | {b['mean']:+.2f} ({b['se']:.2f}) | {b['won']}-{b['lost']} | {b['passed']}/{b['n']} | "
              f"{b['share']:.2f} |")


def ceiling_table(c):
    print("| area | theme | PEI default | PAI 12-month squares | PAI default | best hindsight (×l12) | reached | "
          "known rate (×l12, simulated) | reached (simulated) | PEI known rate (simulated) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    pool = defaultdict(lambda: defaultdict(list))
    for a, al in AREAS:
        for t, tl in THEMES:
            r = c[a][t]
            best = max(r[n] for n in r if n.startswith("hindsight"))
            reach = (r["default"] - r["l12"]) / (best - r["l12"]) if best > r["l12"] else np.nan
            sreach = (r["sim_default"] - r["sim_l12"]) / (r["sim_rate"] - r["sim_l12"])
            print(f"| {al} | {tl} | {r['pei_default']:.3f} | {r['l12']:.2f} | {r['default']:.2f} | "
                  f"{best:.2f} ({best / r['l12']:.3f}) | {f(100 * reach, 0)}% | {r['sim_rate'] / r['sim_l12']:.3f} | "
                  f"{100 * sreach:.0f}% | {r['sim_pei_rate']:.3f} |")
            if a != "city":
                for n, v in (("l12", r["l12"]), ("default", r["default"]), ("best", best)):
                    pool[t][n].append(v)
    print()
    print("| theme (Havering, Harrow, Haringey) | default / l12 | best hindsight / l12 | share of the possible gain reached |")
    print("|---|---|---|---|")
    for t, tl in THEMES:
        l, d, b = (np.mean(pool[t][n]) for n in ("l12", "default", "best"))
        print(f"| {tl} | {d / l:.3f} | {b / l:.3f} | {100 * (d - l) / (b - l):.0f}% |")


if __name__ == "__main__":
    tune, held = F.load(sys.argv[1]), F.load(sys.argv[2])
    s = F.summarise(tune + held)
    print("### Table 1: the published drawing against the full 3% ranking (score cells_l24_t12)\n")
    per_area_table(s, [("published", "published now"), ("top", "the 3% ranking, nothing dropped")])
    print("\n### Table 2: drawing rules (score cells_l24_t12), pooled\n")
    pooled_table(tune, held, [((DEFAULT, r), n) for r, n in [
        ("top", "top 3%, nothing dropped (a)"), ("cut_cap20_gap1", "cut lowered to 20 hotspots, join 3"),
        ("cut_cap20_gap0", "cut lowered to 20 hotspots, 8-connected"), ("cut_cap10_gap1", "cut lowered to 10 hotspots, join 3"),
        ("grow2", "top squares, singles grown to 2 squares (d)"),
        ("published_no_disclosure", "published now, without the VAWG withholding"), ("published", "published now"),
        ("cap20_mean", "top 20 regions by mean forecast (c)"), ("cap10_total", "top 10 regions by total forecast (c)"),
        ("refill", "drop fragments, refill to 3% (b)"),
        ("top_disclosure", "top 3%, VAWG hotspots under 5 period incidents withheld")]], "rule")
    print("\n### Table 3: scores, drawn as the top 3% (rule a), pooled\n")
    pooled_table(tune, held, [((sc, "top"), sc) for sc in [
        "cells_l24_t12", "cells_l60_t24", "cells_l24", "cells_l24_t12+10%kde200", "cells_l24_t12+20%kde100",
        "cells_l24_t12+30%kde200", "cells_l60_t24+30%kde200", "engine kde_h200_l24_t12_s0.3"]], "score")
    if len(sys.argv) > 3:
        print("\n### Table 5: predictability\n")
        ceiling_table(json.load(open(sys.argv[3])))
