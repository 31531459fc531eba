"""How predictable is each area and theme at 100 m, one month ahead (docs/forecast-drawing.md, part 4).

Per target month, at 3% of the area (top squares, ties split):
  l12        the 12-month count (the baseline)
  default    cells_l24_t12 (and any other score given)
  hindsight  the mean of the 12 months either side of the target, the target excluded: a ranking that
             knows the place's rate around the target (an upper reference, not a forecast); also the
             mean of all months but the target, of 6 and of 3 months either side, and a triangular
             weighting of the 12 either side (13 - |distance|); the best of them is the ceiling
  poisson    a known-rate world: each square's rate = its mean over all months with data; the target
             and the history are drawn from Poisson(rate); the ranking by the rate itself against
             cells_l12 and the default computed on the simulated history (mean over SIMS draws)
Reports mean PAI, PEI and the share of the possible gain the default reaches:
  (default - l12) / (ceiling - l12).
Usage: python3 fd_ceiling.py [area ...]
"""
import sys

import numpy as np

import fd_core as C
import fd_data as D
import fd_study as S

SIMS = 200


def run(area, rng):
    d = D.load(area)
    ia, A = d["in_area"], d["A"]
    k = C.k_for(0.03, A, int(ia.sum()))
    has = d["has_data"]
    out = {}
    for theme in S.THEMES:
        y = d["counts"][theme]
        res = {n: [] for n in ("l12", "default", "hindsight", "hindsight_all", "hindsight_6", "hindsight_3",
                                "hindsight_tri")}
        res |= {"pei_" + n: [] for n in list(res)}
        for t in S.target_indices(d, area):
            N = y[t][ia].sum()
            best = C.best_hits(y[t], ia, k)
            l12 = C.cells_score(y, t, 12)
            dflt = C.cells_score(y, t, 24, 12)
            around = [m for m in range(t - 12, t + 13) if m != t and 0 <= m < len(has) and has[m]]
            hind = y[around].mean(axis=0)
            every = [m for m in range(len(has)) if m != t and has[m]]
            hind_all = y[every].mean(axis=0)
            near = {}
            for w in (3, 6):
                ms = [m for m in range(t - w, t + w + 1) if m != t and 0 <= m < len(has) and has[m]]
                near[w] = y[ms].mean(axis=0)
            tri = sum((13 - abs(m - t)) * y[m] for m in around) / sum(13 - abs(m - t) for m in around)
            for n, s in (("l12", l12), ("default", dflt), ("hindsight", hind), ("hindsight_all", hind_all),
                         ("hindsight_6", near[6]), ("hindsight_3", near[3]), ("hindsight_tri", tri)):
                h = C.ranked_hits(s, y[t], ia, k)
                res[n].append(C.pai(h, N, k, A))
                res["pei_" + n].append(h / best if best > 0 else np.nan)
        # known-rate world: rate = mean over all months with data
        lam = y[has].mean(axis=0) * ia
        sim = {"rate": [], "l12": [], "default": [], "pei_rate": [], "pei_default": []}
        w24 = C.weights(24, 12)
        for _ in range(SIMS):
            hist = rng.poisson(lam[None] * np.ones((24, 1, 1)))  # hist[0] = the month before the target
            tgt = rng.poisson(lam)
            Nn = tgt[ia].sum()
            best = C.best_hits(tgt, ia, k)
            for n, s in (("rate", lam), ("l12", hist[:12].sum(0)), ("default", np.tensordot(w24, hist, 1))):
                h = C.ranked_hits(s, tgt, ia, k)
                sim[n].append(C.pai(h, Nn, k, A))
                if n != "l12":
                    sim["pei_" + n].append(h / best if best > 0 else np.nan)
        out[theme] = {n: float(np.nanmean(v)) for n, v in res.items()} | {f"sim_{n}": float(np.nanmean(v)) for n, v in sim.items()}
    return out


if __name__ == "__main__":
    rng = np.random.default_rng(20250101)
    import json
    allres = {}
    for area in sys.argv[1:] or list(S.TARGETS):
        allres[area] = run(area, rng)
        for theme, r in allres[area].items():
            gain = (r["default"] - r["l12"]) / (r["hindsight"] - r["l12"])
            sgain = (r["sim_default"] - r["sim_l12"]) / (r["sim_rate"] - r["sim_l12"])
            print(f"{area:9} {theme:11} l12 {r['l12']:6.2f} default {r['default']:6.2f} hindsight {r['hindsight']:6.2f} "
                  f"({r['hindsight'] / r['l12']:.3f}x) reached {gain:6.1%} | all months {r['hindsight_all'] / r['l12']:.3f}x | PEI default {r['pei_default']:.3f} "
                  f"l12 {r['pei_l12']:.3f} hindsight {r['pei_hindsight']:.3f} | sim: rate {r['sim_rate']:6.2f} "
                  f"l12 {r['sim_l12']:6.2f} ({r['sim_rate'] / r['sim_l12']:.3f}x) default {r['sim_default']:6.2f} reached {sgain:6.1%} "
                  f"PEI rate {r['sim_pei_rate']:.3f} default {r['sim_pei_default']:.3f}",
                  flush=True)
            hs = {n: r[n] / r["l12"] for n in r if n.startswith("hindsight")}
            print("           hindsight variants / l12:", " ".join(f"{n[10:] or '12'} {v:.3f}" for n, v in hs.items()))
    json.dump(allres, open(f"{D.CACHE}/ceiling.json", "w"), indent=1)
