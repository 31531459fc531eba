#!/usr/bin/env python3
"""Year to date and rolling 12 months of the sample pack against an
independent count from the raw files (issue 26): the incidents of
data/sample/incidents/*.csv are read here (the first row of each
incident_ref kept, rows without a date or coordinates dropped), put in wards
by a ray-casting point-in-polygon test on data/sample/wards.geojson, and
counted per theme, ward and month, without any of the engine's code.

For anti-social behaviour and violence, the ALL row and every ward whose cells
are published must show exactly those counts for year to date (April to the
period's month), the same months a year earlier, the rolling 12 months and the
12 before; a withheld cell must read "<m" or "[c]", never a number. The
status of the ALL row follows the documented rule (README, "Year to date and
targets") from the published counts and the theme's target.

    ytd_check.py PACK_DIR SAMPLE_DIR"""
import csv
import glob
import json
import math
import pathlib
import sys
from collections import defaultdict
from datetime import datetime

THEMES = {
    "asb": lambda group: group == "Anti-social behaviour",
    "violence": lambda group: group in ("Violence against the person", "Robbery", "Possession of weapons"),
}


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def month_index(year, month):
    return year * 12 + month - 1


def rings_of(geometry):
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return polys


def inside_ring(x, y, ring):
    hit = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def inside(x, y, polys):
    return any(inside_ring(x, y, p[0]) and not any(inside_ring(x, y, h) for h in p[1:]) for p in polys)


def load_wards(sample):
    wards = []
    for f in json.loads((sample / "wards.geojson").read_text())["features"]:
        polys = rings_of(f["geometry"])
        xs = [c[0] for p in polys for c in p[0]]
        ys = [c[1] for p in polys for c in p[0]]
        wards.append((f["properties"]["ward_code"], polys, (min(xs), min(ys), max(xs), max(ys))))
    return sorted(wards)  # a point on a shared edge goes to the lowest code


def count(sample, wards):
    counts = defaultdict(int)  # (theme, ward code, month) -> incidents
    seen = set()
    for path in sorted(glob.glob(str(sample / "incidents" / "*.csv"))):
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                ref = row.get("incident_ref")
                if not ref or ref in seen or row.get("location_desc") is None:
                    continue
                seen.add(ref)
                try:
                    when = datetime.strptime(row["occurred_at"], "%Y-%m-%d %H:%M")
                    x, y = float(row["easting"]), float(row["northing"])
                except (TypeError, ValueError):
                    continue
                ward = next((code for code, polys, (x0, y0, x1, y1) in wards
                             if x0 <= x <= x1 and y0 <= y <= y1 and inside(x, y, polys)), None)
                if ward is None:
                    continue
                for theme, match in THEMES.items():
                    if match(row["offence_group"]):
                        counts[(theme, ward, month_index(when.year, when.month))] += 1
    return counts


def poisson_upper(k, lam):  # P(X >= k), in log space (exp(-lam) underflows for area counts)
    if k <= 0:
        return 1.0
    if lam <= 0:
        return 0.0

    def pmf(i):
        return math.exp(i * math.log(lam) - lam - math.lgamma(i + 1))

    if k > lam:  # the upper terms, until they no longer count
        total, i = 0.0, k
        while True:
            term = pmf(i)
            total += term
            if term < 1e-18 * total or i > k + 100 + 20 * math.sqrt(lam):
                return total
            i += 1
    return max(0.0, 1.0 - sum(pmf(i) for i in range(k)))


def main():
    pack, sample = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    manifest = json.loads((pack / "manifest.json").read_text())
    y, m = map(int, manifest["period"]["last"].split("-"))
    last = month_index(y, m)
    start = 4  # the sample sets no run.year_start_month: April
    back = (m - start) % 12
    windows = {
        "ytd": (last - back, last),
        "ytd_before": (last - back - 12, last - 12),
        "rolling_12": (last - 11, last),
        "rolling_12_before": (last - 23, last - 12),
    }
    wards = load_wards(sample)
    counts = count(sample, wards)
    rows = list(csv.DictReader(open(pack / "ward_summary.csv", newline="", encoding="utf-8-sig")))
    targets = {t["id"]: t for t in manifest["themes"]}
    checked = 0
    for theme in THEMES:
        for row in rows:
            code = row["ward_code"]
            for column, (first, end) in windows.items():
                truth = sum(n for (t, w, mo), n in counts.items()
                            if t == theme and (code == "ALL" or w == code) and first <= mo <= end)
                shown = row[f"{theme}_{column}"]
                if shown.startswith("<") or shown == "[c]":
                    continue
                if shown != str(truth):
                    fail(f"{theme}_{column} of {code}: the pack shows {shown!r}, the raw files count {truth}")
                checked += 1
                if code == "ALL":
                    print(f"{theme} {column} ALL = {truth} (months {first // 12}-{first % 12 + 1:02d}.."
                          f"{end // 12}-{end % 12 + 1:02d})")
        total = next(r for r in rows if r["ward_code"] == "ALL")
        for column, key in (("ytd", "target_ytd"), ("rolling_12", "target_rolling")):
            now, before = int(total[f"{theme}_{column}"]), int(total[f"{theme}_{column}_before"])
            goal = targets[theme].get(key) or 0.0
            rise_is_good = targets[theme]["rise_is_good"]
            rel = (now - before) / before
            bad, bad_goal = (-rel, -goal) if rise_is_good else (rel, goal)
            if bad <= bad_goal + 1e-12:
                expected = "green"
            else:
                p = poisson_upper(now, before * (1 + goal))
                expected = "red" if p < manifest["parameters"]["significance"] else "amber"
            if total[f"{theme}_{column}_status"] != expected:
                fail(f"{theme}_{column}_status of ALL is {total[f'{theme}_{column}_status']!r}, the rule gives {expected}")
    wards_checked = checked - 2 * 4
    if wards_checked < 8:
        fail(f"only {wards_checked} ward cells were published to check")
    print(f"ok: {checked} published year-to-date and rolling-12 cells equal the raw files' counts")


if __name__ == "__main__":
    main()
