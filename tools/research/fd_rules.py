"""Drawing rules: functions from a forecast's ranked squares to published hotspots.

Every rule takes a Ctx (one area, theme and target month) and returns a label
array: 0 = not drawn, 1..n = the hotspot a square belongs to.  What is scored
is the set of drawn squares, at the area it covers.
"""
from dataclasses import dataclass

import numpy as np
from scipy.ndimage import label as nd_label, sum as nd_sum

FOUR = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]])
EIGHT = np.ones((3, 3), int)


@dataclass
class Ctx:
    score: np.ndarray      # forecast score per square (weighted incidents)
    in_area: np.ndarray    # bool, square in the study area
    frac: np.ndarray       # share of the square inside the study area (clipped area / 1 ha)
    k0: int                # squares at the coverage (3%)
    wsum: float            # sum of the method's month weights: score / wsum = incidents per month
    period: np.ndarray     # the period's (month before the target) incidents per square, for disclosure
    min_count: int = 0     # theme's disclosure minimum
    min_incidents: float = 3.0
    min_area_m2: float = 2500.0


def cut_for(score, in_area, k):
    """The k-th largest score over the area; a square is drawn when score > 0 and score >= cut."""
    s = score[in_area]
    if k <= 0:
        return np.inf
    cut = np.partition(s, len(s) - k)[len(s) - k]
    if not cut > 0:
        pos = s[s > 0]
        cut = pos.min() if len(pos) else 1.0
    return cut


def mask_at(c: Ctx, cut):
    return c.in_area & (c.score > 0) & (c.score >= cut)


def regions(mask, eight=False):
    lab, n = nd_label(mask, structure=EIGHT if eight else FOUR)
    return lab, n


def region_stats(c: Ctx, lab, n):
    idx = np.arange(1, n + 1)
    cells = nd_sum(np.ones_like(c.score), lab, idx) if n else np.zeros(0)
    monthly = nd_sum(c.score, lab, idx) / c.wsum if n else np.zeros(0)
    area = nd_sum(c.frac * 1e4, lab, idx) if n else np.zeros(0)
    period = nd_sum(c.period, lab, idx) if n else np.zeros(0)
    return cells, monthly, area, period


def keep(lab, n, ok):
    """Relabel, keeping the regions where ok[i-1]."""
    new = np.zeros(n + 1, int)
    new[1:][ok] = np.arange(1, ok.sum() + 1)
    return new[lab]


def passes(c: Ctx, monthly, area, period, disclosure):
    ok = (area >= c.min_area_m2) & (monthly >= c.min_incidents)
    if disclosure and c.min_count > 1:
        ok &= period >= c.min_count
    return ok


# ---- the rules ------------------------------------------------------------------------------------

def published(c: Ctx, disclosure=True):
    """The pack as of 9a27e48: top 3% squares, 4-connected, fragments forecast under
    min_incidents a month or under min_area_m2 dropped, then disclosure (a theme with min_count
    withholds a hotspot with fewer of the period's incidents inside)."""
    lab, n = regions(mask_at(c, cut_for(c.score, c.in_area, c.k0)))
    _, monthly, area, period = region_stats(c, lab, n)
    return keep(lab, n, passes(c, monthly, area, period, disclosure))


def top(c: Ctx, eight=False, disclosure=False):
    """Every top-3% square, dissolved into 4- (or 8-) connected hotspots; nothing dropped."""
    lab, n = regions(mask_at(c, cut_for(c.score, c.in_area, c.k0)), eight)
    if disclosure and c.min_count > 1:
        _, _, _, period = region_stats(c, lab, n)
        return keep(lab, n, period >= c.min_count)
    return lab


def _thresholds(c: Ctx):
    s = np.unique(c.score[c.in_area & (c.score > 0)])[::-1]
    return s  # descending distinct scores


def refill(c: Ctx, disclosure=True, eight=False):
    """Drop fragments as `published`, then lower the cut (add squares in rank order) until the kept
    hotspots cover the coverage. Kept area only grows as the cut falls (a kept region only grows),
    so a bisection over the distinct scores finds the highest cut that reaches it."""
    th = _thresholds(c)

    def kept(cut):
        lab, n = regions(mask_at(c, cut), eight)
        _, monthly, area, period = region_stats(c, lab, n)
        lab = keep(lab, n, passes(c, monthly, area, period, disclosure))
        return lab

    lo, hi = 0, len(th) - 1  # find smallest index i (highest cut) with kept area >= k0
    if (kept(th[hi]) > 0).sum() < c.k0:
        return kept(th[hi])
    while lo < hi:
        mid = (lo + hi) // 2
        if (kept(th[mid]) > 0).sum() >= c.k0:
            hi = mid
        else:
            lo = mid + 1
    return kept(th[lo])


def cap(c: Ctx, n_max=10, by="mean", eight=False, disclosure=True):
    """The top-3% squares' hotspots, only the n_max best by mean forecast per square (or total);
    scored at the area they cover."""
    lab, n = regions(mask_at(c, cut_for(c.score, c.in_area, c.k0)), eight)
    cells, monthly, area, period = region_stats(c, lab, n)
    ok = passes(c, monthly, area, period, disclosure) if disclosure else np.ones(n, bool)
    key = monthly / cells if by == "mean" else monthly
    order = np.argsort(-np.where(ok, key, -np.inf), kind="stable")
    sel = np.zeros(n, bool)
    sel[order[:n_max]] = True
    return keep(lab, n, sel & ok)


def grow(c: Ctx, min_cells=2, refit=True):
    """Top squares; a hotspot smaller than min_cells squares grows into its best neighbours (highest
    score, in the area) until it has min_cells. refit: the cut is raised so the grown drawing still
    covers about the coverage (bisection on k)."""
    def draw(k):
        lab, n = regions(mask_at(c, cut_for(c.score, c.in_area, k)))
        m = lab > 0
        cells, _, _, _ = region_stats(c, lab, n)
        ny, nx = m.shape
        for r in np.where(cells < min_cells)[0] + 1:
            pts = list(zip(*np.where(lab == r)))
            while len(pts) < min_cells:
                best, bv = None, -1
                for (i, j) in pts:
                    for di, dj in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                        a, b = i + di, j + dj
                        if 0 <= a < ny and 0 <= b < nx and c.in_area[a, b] and not m[a, b] and c.score[a, b] > bv:
                            best, bv = (a, b), c.score[a, b]
                if best is None:
                    break
                m[best] = True
                pts.append(best)
        return regions(m)[0]

    if not refit:
        return draw(c.k0)
    lo, hi = 1, c.k0
    while lo < hi:  # largest k whose grown drawing stays within the coverage
        mid = (lo + hi + 1) // 2
        if (draw(mid) > 0).sum() <= c.k0:
            lo = mid
        else:
            hi = mid - 1
    return draw(lo)


def grouped(c: Ctx, gap=1):
    """Top squares; squares within `gap` empty squares of each other are one hotspot (drawn as the
    squares; only the numbering changes, so it scores as `top`)."""
    from scipy.ndimage import binary_dilation
    m = mask_at(c, cut_for(c.score, c.in_area, c.k0))
    grown = binary_dilation(m, structure=EIGHT, iterations=gap) if gap else m
    lab, _ = regions(grown, eight=True)
    return np.where(m, lab, 0)


def cut_cap(c: Ctx, n_max=20, gap=1):
    """Top squares down to the lowest cut (at most the coverage's) at which they form at most n_max
    hotspots, squares within `gap` empty squares of each other being one hotspot. Every drawn square
    outranks every square not drawn: the drawing is the ranking at a smaller coverage."""
    th = _thresholds(c)
    cut0 = cut_for(c.score, c.in_area, c.k0)
    best = None
    for cut in th:
        if cut < cut0:
            break
        lab = grouped_mask(mask_at(c, cut), gap)
        if lab.max() > n_max:
            break
        best = lab
    return best if best is not None else np.zeros(c.score.shape, int)


def grouped_mask(m, gap):
    from scipy.ndimage import binary_dilation
    grown = binary_dilation(m, structure=EIGHT, iterations=gap) if gap else m
    lab, _ = regions(grown, eight=True)
    return np.where(m, lab, 0)
