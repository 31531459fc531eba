#!/usr/bin/python3
"""What protecting a KDE raster costs the map (issue 23, item 3): BENCHMARKS.md.

Usage: tools/research/raster_cost.py HOTSPOT_BINARY [MAIN_BINARY] [WORK_DIR]

For the sample (December 2025, force-extract themes) and, when ../shared/data is
there, Havering 2017-06 (police.uk themes), runs hotspot with every theme
exact (no minimum anywhere) and with the default minimums and
kde.disclosure_square = 50, 100 and 200 m, and compares each raster with the
exact one on the study area's cells. MAIN_BINARY, when given, is a build
before the change (cells with fewer than min_count contributors masked). The
other alternatives are made here from the exact raster and the raw points:
  quantised  the exact surface published as its class (mean + 1, 2, 3 sd)
  coarse     the exact kernel sum at the centres of 100 m cells
  floor      cells below the density of m incidents at half a bandwidth set to 0
Measures: Pearson r with the exact surface; the share of the exact surface's
top 3% of cells that are in the variant's top 3%; the share of the exact
mass left inside the study area.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")
gdal.UseExceptions()


def sample_config(extra):
    s = os.path.join(ROOT, "data", "sample")
    toml = open(os.path.join(s, "hotspot.toml"), encoding="utf-8").read()
    for rel in ["../themes/force-extract.toml", "wards.geojson", "population.csv", "incidents/*.csv", "venues.csv"]:
        toml = toml.replace('"' + rel + '"', '"' + os.path.join(s, rel) + '"')
    if extra.startswith("[themes.vawg]\n"):  # its options into the sample's own table
        vawg, _, rest = extra.partition("[kde]")
        return toml.replace("[themes.vawg]\n", vawg, 1) + "\n" + ("[kde]" + rest if rest else "")
    return toml + "\n" + extra


def havering_config(extra):
    return f"""[run]
area_name = "Havering"
period = "2017-06"
output = "out"
taxonomy = "police-uk"
[wards]
path = "{SHARED}/boundaries/london-wards-2014/London_Ward.shp"
where = "BOROUGH = 'Havering'"
code_field = "GSS_CODE"
name_field = "NAME"
[[incidents]]
format = "police_uk"
paths = ["{SHARED}/police-uk/havering/*.csv"]
{extra}"""


def run(binary, toml, work, name):
    d = os.path.join(work, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "run.toml"), "w", encoding="utf-8") as f:
        f.write(toml)
    subprocess.run([binary, "run", os.path.join(d, "run.toml"), "--quiet", "--out", os.path.join(d, "out")],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(d, "out")


def read(path):
    ds = gdal.Open(path)
    b = ds.GetRasterBand(1)
    a = b.ReadAsArray().astype(np.float64)
    nodata = b.GetNoDataValue()
    return a, a != nodata, ds.GetGeoTransform(), ds.GetMetadata()


def quartic_at(points, xs, ys, h):
    out = np.zeros((len(ys), len(xs)))
    X, Y = np.meshgrid(xs, ys)
    for (px, py) in points:
        u2 = ((X - px) ** 2 + (Y - py) ** 2) / h ** 2
        out += np.where(u2 < 1, (1 - u2) ** 2, 0)
    return out * 3 / np.pi / h ** 2 * 1e6


def top(values, area, share=0.03):
    v = values[area]
    k = max(1, int(round(share * v.size)))
    cut = np.sort(v)[-k]
    return (values >= cut) & area


def compare(exact, variant, area):
    e, v = exact[area], np.where(np.isfinite(variant), variant, 0)[area]
    r = np.corrcoef(e, v)[0, 1] if v.std() > 0 else float("nan")
    te, tv = top(exact, area), top(np.where(np.isfinite(variant), variant, -1), area)
    return r, (te & tv).sum() / te.sum(), v.sum() / e.sum()


def alternatives(exact, area, gt, points, m, h):
    out = {}
    nz = exact[area][exact[area] > 0]
    mu, sd = nz.mean(), nz.std()
    q = np.zeros_like(exact)
    for k in (1, 2, 3):
        q = np.where(exact >= mu + k * sd, mu + k * sd, q)
    out["quantised (sd classes)"] = q
    cell = gt[1]
    ny, nx = exact.shape
    f = int(round(100 / cell))
    xs = gt[0] + (np.arange(0, nx, f) + f / 2) * cell
    ys = gt[3] - (np.arange(0, ny, f) + f / 2) * cell
    coarse = np.kron(quartic_at(points, xs, ys, h), np.ones((f, f)))[:ny, :nx]
    out["coarse 100 m cells"] = coarse
    floor = m * (1 - 0.25) ** 2 * 3 / np.pi / h ** 2 * 1e6
    out["floor (m at h/2)"] = np.where(exact >= floor, exact, 0)
    return out


def raw_points(name):
    """The period's points per theme, read from the raw files (BNG metres)."""
    import csv
    import glob
    pts = {"vawg": [], "violence": []}
    if name == "sample":
        seen = set()
        for f in sorted(glob.glob(os.path.join(ROOT, "data", "sample", "incidents", "*.csv"))):
            for r in csv.DictReader(open(f, encoding="utf-8-sig")):
                if not (r.get("occurred_at") or "").startswith("2025-12") or r["incident_ref"] in seen:
                    continue
                try:
                    xy = (float(r["easting"]), float(r["northing"]))
                except (TypeError, ValueError):
                    continue
                seen.add(r["incident_ref"])
                sub = r["offence"].lower()
                if r["da_flag"] == "Y" or r["offence_group"] == "Sexual offences" or sub.startswith(("stalking", "harassment")):
                    pts["vawg"].append(xy)
                if r["offence_group"] in ("Violence against the person", "Robbery", "Possession of weapons"):
                    pts["violence"].append(xy)
        return pts
    from osgeo import osr
    wgs, bng = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    bng.ImportFromEPSG(27700)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    bng.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(wgs, bng)
    for f in sorted(glob.glob(os.path.join(SHARED, "police-uk", "havering", "2017-06-*.csv"))):
        for r in csv.DictReader(open(f, encoding="utf-8-sig")):
            if not r["Longitude"]:
                continue
            x, y, _ = ct.TransformPoint(float(r["Longitude"]), float(r["Latitude"]))
            t = r["Crime type"]
            if t == "Violence and sexual offences":
                pts["vawg"].append((x, y))
            if t in ("Violence and sexual offences", "Robbery", "Possession of weapons"):
                pts["violence"].append((x, y))
    return pts


def main():
    binary = os.path.abspath(sys.argv[1])
    main_binary = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "-" else None
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="hotspot-raster-cost-")
    cases = [("sample", sample_config, "[themes.vawg]\nmin_count = 0\n", ["vawg", "violence"])]
    if os.path.isdir(SHARED):
        cases.append(("havering", havering_config, "[themes.vawg]\nmin_count = 0\n", ["vawg", "violence"]))
    for name, config, open_all, themes in cases:
        raw = raw_points(name)
        base = "[kde]\nclasses = \"sd\"\n"
        exact_dir = run(binary, config(open_all + base), work, name + "-exact")
        variants = {}
        for d in (50, 100, 200):
            variants[f"regions of {d} m squares"] = run(binary, config(base.replace("[kde]\n", f"[kde]\ndisclosure_square = {d}\n")),
                                                        work, f"{name}-d{d}")
        for d in (50, 100, 200):
            variants[f"occupied squares of {d} m"] = run(
                binary, config(base.replace("[kde]\n", f"[kde]\ndisclosure_square = {d}\ndisclosure_occupied = true\n")),
                work, f"{name}-o{d}")
        if main_binary:
            variants["mask < m contributors (before)"] = run(main_binary, config(base), work, name + "-main")
        for theme in themes:
            exact, area, gt, meta = read(os.path.join(exact_dir, f"kde_{theme}.tif"))
            h = float(meta["HOTSPOT_BANDWIDTH_M"])
            print(f"\n{name} {theme}: {meta['HOTSPOT_INCIDENTS']} incidents, bandwidth {h:g} m, {area.sum()} cells")
            print(f"  {'variant':34} {'r':>6} {'top 3%':>7} {'mass':>6}")
            rows = {}
            for label, d in variants.items():
                v, shown, _, _ = read(os.path.join(d, f"kde_{theme}.tif"))
                rows[label] = np.where(shown, v, np.nan)
            rows.update(alternatives(exact, area, gt, raw[theme], 5, h))
            for label, v in rows.items():
                r, t3, mass = compare(exact, v, area)
                print(f"  {label:34} {r:6.3f} {t3:7.1%} {mass:6.1%}")


if __name__ == "__main__":
    sys.exit(main())
