"""Shared set-up for the forecast-drawing study: contexts per area, theme and target month."""
import numpy as np

import fd_core as C
import fd_data as D
import fd_rules as R

TARGETS = {  # area: (first target, last target) as month labels
    "havering": ("2017-01", "2018-06"), "harrow": ("2017-01", "2018-06"),
    "haringey": ("2017-01", "2018-06"), "city": ("2023-11", "2024-04"),
}
THEMES = ["asb", "violence", "vawg", "acquisitive"]


def target_indices(d, area):
    a, b = (D.month_index(x) for x in TARGETS[area])
    return [int(i) for i in np.where((d["months"] >= a) & (d["months"] <= b) & d["has_data"])[0]]


def score(d, theme, t, method, cache={}):
    """method: ("cells", lookback, half_life) or ("mix", lookback, half_life, h, share[, mass_one])."""
    y = d["counts"][theme]
    s = C.cells_score(y, t, method[1], method[2])
    if method[0] == "mix":
        _, L, H, h, share = method[:5]
        mass_one = method[5] if len(method) > 5 else True
        key = (id(d), theme, h, mass_one)
        if key not in cache:
            cache[key] = C.kde_layers(d, theme, h, mass_one)
        s = (1 - share) * s + share * C.cells_score(cache[key], t, L, H)
    return s


def ctx(d, theme, t, method, coverage=0.03):
    s = score(d, theme, t, method)
    return R.Ctx(score=s, in_area=d["in_area"], frac=d["frac"],
                 k0=C.k_for(coverage, d["A"], int(d["in_area"].sum())),
                 wsum=float(C.weights(method[1], method[2]).sum()),
                 period=d["counts"][theme][t - 1], min_count=D.MIN_COUNT[theme])
