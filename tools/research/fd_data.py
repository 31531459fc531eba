"""Data layer for the forecast-drawing research (docs/forecast-drawing.md).

Independent of the engine: reads police.uk CSVs and the London wards
shapefile with GDAL/PROJ (osgeo, pyproj) and numpy, and builds what
`hotspot evaluate` builds: the 100 m evaluation grid of the study area (a
square is in the area when any of its 4 x 4 sub-square centres is in a ward)
and, per theme and month, the incidents counted per square.

Rows follow the engine's checks: no coordinates -> dropped; a repeated
non-empty Crime ID (files in path order) -> dropped; outside every ward ->
dropped. Themes are those of data/themes/police-uk.toml.

Cached per area in $FD_CACHE (default /tmp/fc) as <area>.npz.
"""
import csv
import glob
import os

import numpy as np
from osgeo import gdal, ogr, osr
from pyproj import Transformer

SHARED = os.environ.get("FD_SHARED", "/work/shared/data")
WARDS = f"{SHARED}/boundaries/london-wards-2014/London_Ward.shp"
CACHE = os.environ.get("FD_CACHE", "/tmp/fc")
CELL = 100.0

THEMES = {
    "asb": {"Anti-social behaviour"},
    "violence": {"Violence and sexual offences", "Robbery", "Possession of weapons"},
    "vawg": {"Violence and sexual offences"},
    "acquisitive": {"Burglary", "Robbery", "Theft from the person", "Vehicle crime", "Bicycle theft",
                    "Other theft", "Shoplifting"},
}
MIN_COUNT = {"asb": 0, "violence": 0, "vawg": 5, "acquisitive": 0}  # disclosure (theme min_count)

AREAS = {  # name: (BOROUGH value, police.uk folder)
    "havering": ("Havering", "havering"),
    "harrow": ("Harrow", "harrow"),
    "haringey": ("Haringey", "haringey"),
    "city": ("City of London", "city-of-london"),
}


def month_index(s):  # "2016-01" -> months since year 0
    y, m = s.split("-")
    return int(y) * 12 + int(m) - 1


def month_label(i):
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def _wards(borough):
    ds = ogr.Open(WARDS)
    lyr = ds.GetLayer()
    lyr.SetAttributeFilter(f"BOROUGH = '{borough}'")
    geoms = [f.GetGeometryRef().Clone() for f in lyr]
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        union = union.Union(g)
    return geoms, union


def _rasterize(geoms, ox, oy, nx, ny, res):
    """1 where a pixel centre of the res-metre grid (origin ox, oy top-left) is in a ward."""
    drv = gdal.GetDriverByName("MEM")
    ds = drv.Create("", nx, ny, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((ox, res, 0, oy, 0, -res))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(27700)
    ds.SetProjection(srs.ExportToWkt())
    mem = ogr.GetDriverByName("Memory").CreateDataSource("")
    lyr = mem.CreateLayer("w", srs, ogr.wkbMultiPolygon)
    for g in geoms:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    gdal.RasterizeLayer(ds, [1], lyr, burn_values=[1])
    return ds.GetRasterBand(1).ReadAsArray()


def build(area):
    borough, folder = AREAS[area]
    geoms, union = _wards(borough)
    A = union.GetArea()
    minx, maxx, miny, maxy = union.GetEnvelope()
    ox = np.floor(minx / CELL) * CELL
    oy = np.ceil(maxy / CELL) * CELL
    nx = int(round((np.ceil(maxx / CELL) * CELL - ox) / CELL))
    ny = int(round((oy - np.floor(miny / CELL) * CELL) / CELL))
    sub = _rasterize(geoms, ox, oy, nx * 4, ny * 4, CELL / 4).reshape(ny, 4, nx, 4)
    in_area = sub.sum(axis=(1, 3)) > 0
    fine = _rasterize(geoms, ox, oy, nx * 10, ny * 10, CELL / 10).reshape(ny, 10, nx, 10)
    frac = fine.sum(axis=(1, 3)) / 100.0  # share of the square inside the area (clipped polygon area)

    tr = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    seen = set()
    rows = []
    for path in sorted(glob.glob(f"{SHARED}/police-uk/{folder}/*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if not r["Longitude"] or not r["Latitude"]:
                    continue
                lon, lat = float(r["Longitude"]), float(r["Latitude"])
                if lon == 0 and lat == 0:
                    continue
                cid = r["Crime ID"]
                if cid:
                    if cid in seen:
                        continue
                    seen.add(cid)
                rows.append((lon, lat, month_index(r["Month"]), r["Crime type"], r["Location"]))
    lon = np.array([r[0] for r in rows])
    lat = np.array([r[1] for r in rows])
    x, y = tr.transform(lon, lat)
    x, y = np.asarray(x), np.asarray(y)
    # point in polygon once per distinct point (police.uk snaps to map points)
    keys = np.round(np.c_[x, y], 3)
    uniq, inv = np.unique(keys, axis=0, return_inverse=True)
    inside_u = np.zeros(len(uniq), bool)
    for i, (px, py) in enumerate(uniq):
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(float(px), float(py))
        inside_u[i] = union.Intersects(p)
    inside = inside_u[inv.ravel()]
    col = np.floor((x - ox) / CELL).astype(int)
    row = np.floor((oy - y) / CELL).astype(int)
    month = np.array([r[2] for r in rows])
    ctype = np.array([r[3] for r in rows])
    ok = inside & (col >= 0) & (col < nx) & (row >= 0) & (row < ny)
    lost = ok & ~in_area[np.clip(row, 0, ny - 1), np.clip(col, 0, nx - 1)]
    if lost.any():
        print(f"{area}: {int(lost.sum())} incidents in a ward but in no area square (not counted, as in the engine)")
    ok &= ~lost
    months = np.arange(month[ok].min(), month[ok].max() + 1)
    has_data = np.array([np.any(month[ok] == m) for m in months])
    counts = {}
    for t, types in THEMES.items():
        sel = ok & np.isin(ctype, list(types))
        c = np.zeros((len(months), ny, nx))
        np.add.at(c, (month[sel] - months[0], row[sel], col[sel]), 1)
        counts[t] = c
    out = dict(in_area=in_area, frac=frac, A=A, origin=np.array([ox, oy]), months=months, has_data=has_data,
               **{f"counts_{t}": c for t, c in counts.items()})
    # the counted incidents themselves (for the KDE-smoothed scores)
    out["pt_x"], out["pt_y"], out["pt_month"] = x[ok], y[ok], month[ok] - months[0]
    for t, types in THEMES.items():
        out[f"pt_{t}"] = np.isin(ctype[ok], list(types))
    os.makedirs(CACHE, exist_ok=True)
    np.savez_compressed(f"{CACHE}/{area}.npz", **out)
    # the locations, for street naming work later
    return out


def load(area):
    p = f"{CACHE}/{area}.npz"
    if not os.path.exists(p):
        build(area)
    z = np.load(p)
    d = {k: z[k] for k in z.files}
    d["A"] = float(d["A"])
    d["counts"] = {t: d.pop(f"counts_{t}") for t in THEMES}
    d["pt_theme"] = {t: d.pop(f"pt_{t}") for t in THEMES}
    return d


if __name__ == "__main__":
    import sys
    for a in sys.argv[1:] or AREAS:
        d = build(a)
        print(a, "A km2 %.2f" % (d["A"] / 1e6), "cells", int(d["in_area"].sum()), "months",
              month_label(d["months"][0]), month_label(d["months"][-1]), "no data:",
              [month_label(m) for m, h in zip(d["months"], d["has_data"]) if not h],
              {t: int(c.sum()) for t, c in d["counts"].items()} if "counts" in d else
              {t: int(d[f"counts_{t}"].sum()) for t in THEMES})
