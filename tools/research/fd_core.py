"""Forecasts, measures and drawing rules for the forecast-drawing research.

Everything works on one area's 100 m evaluation grid (fd_data.load): 2-D
arrays (rows, cols); squares outside the study area are ignored (masked).
"""
import numpy as np

CELL_AREA = 1e4


def weights(lookback, half_life):
    a = np.arange(1, lookback + 1)
    return np.exp2(-(a - 1) / half_life) if half_life > 0 else np.ones(lookback)


def cells_score(counts, t, lookback, half_life=0):
    """cells_l<lookback>[_t<half_life>] for target month index t (counts[t] is the target)."""
    w = weights(lookback, half_life)
    s = np.zeros(counts.shape[1:])
    for age in range(1, lookback + 1):
        if t - age >= 0:
            s += w[age - 1] * counts[t - age]
    return s


def k_for(coverage, A, n):
    return int(min(n, max(0, np.floor(coverage * A / CELL_AREA + 1e-9))))


def ranked_hits(score, target, in_area, k):
    """Target incidents in the top k squares of score, ties at the cut split evenly (expected random tie-break)."""
    s = score[in_area]
    y = target[in_area]
    if k <= 0:
        return 0.0
    cut = np.partition(s, len(s) - k)[len(s) - k]
    above = s > cut
    tied = s == cut
    share = (k - above.sum()) / tied.sum()
    return y[above].sum() + share * y[tied].sum()


def best_hits(target, in_area, k):
    y = np.sort(target[in_area])[::-1]
    return y[:k].sum()


def pai(hits, total, k, A):
    return (hits / total) / (k * CELL_AREA / A) if total > 0 and k > 0 else np.nan


# ---- KDE layers (as analysis/forecast.cpp build_month_layer) -----------------------------------

def kde_cells(xs, ys, origin, shape, h, sub=4, cell=100.0, mass_one=True):
    """Quartic KDE of the points, bandwidth h, integrated over each 100 m square on a sub x sub grid.

    mass_one=True: each incident adds a mass of 1 (sum over the sub-squares of k(u) times the
    sub-square area over the kernel's integral pi h^2 / 3).  mass_one=False reproduces the
    engine as of 9a27e48, which scales by 3 / (pi h^2) without the sub-square area, so each
    incident adds 1/625 (25 m sub-squares): see docs/forecast-drawing.md.
    """
    ox, oy = origin
    ny, nx = shape
    sc = cell / sub
    out = np.zeros((ny * sub, nx * sub))
    pts, w = np.unique(np.c_[xs, ys], axis=0, return_counts=True) if len(xs) else (np.zeros((0, 2)), [])
    r = int(np.ceil(h / sc)) + 1
    for (px, py), wt in zip(pts, w):
        cj = int(np.floor((px - ox) / sc))
        ci = int(np.floor((oy - py) / sc))
        j0, j1 = max(0, cj - r), min(nx * sub, cj + r + 1)
        i0, i1 = max(0, ci - r), min(ny * sub, ci + r + 1)
        if j0 >= j1 or i0 >= i1:
            continue
        X = ox + (np.arange(j0, j1) + 0.5) * sc
        Y = oy - (np.arange(i0, i1) + 0.5) * sc
        u2 = ((X[None, :] - px) ** 2 + (Y[:, None] - py) ** 2) / (h * h)
        out[i0:i1, j0:j1] += wt * np.where(u2 < 1, (1 - u2) ** 2, 0.0)
    scale = 3.0 / (np.pi * h * h) * (sc * sc if mass_one else 1.0)
    return out.reshape(ny, sub, nx, sub).sum(axis=(1, 3)) * scale


def kde_layers(d, theme, h, mass_one=True):
    """Per month, the KDE layer of the theme's incidents (months x rows x cols)."""
    sel = d["pt_theme"][theme]
    x, y, m = d["pt_x"][sel], d["pt_y"][sel], d["pt_month"][sel]
    shape = d["in_area"].shape
    return np.stack([kde_cells(x[m == i], y[m == i], d["origin"], shape, h, mass_one=mass_one)
                     for i in range(len(d["months"]))])
