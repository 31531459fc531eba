#!/usr/bin/env python3
"""The risk surfaces of the sample pack against an independent numpy
computation (issue 27): from the sample's ward polygons and populations, the
residents' quartic KDE is rebuilt here (lattice points at the KDE's cell
centres inside each ward, a ward's residents shared evenly between them), and
for every theme

    risk_<theme>.tif == kde_<theme>.tif / residents' density / (N / R)

on every cell with at least min_residents_km2 residents per km2, nodata
elsewhere; N, the theme's incidents in the period, must equal the count the
KDE raster states, R the residents in the manifest.

    risk_check.py PACK_DIR SAMPLE_DIR"""
import csv
import json
import math
import pathlib
import sys

import numpy as np
from osgeo import gdal, ogr

gdal.UseExceptions()


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def read_band(path):
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    valid = ~np.isclose(values, nodata) if nodata is not None else np.ones(values.shape, bool)
    return values, valid, ds.GetGeoTransform(), band.GetMetadata()


def resident_points(sample, spacing):
    """Each ward's residents spread evenly over the lattice points inside it."""
    population = {}
    with open(sample / "population.csv", newline="") as f:
        for row in csv.DictReader(f):
            population[row["ward_code"]] = float(row["population"])
    xs, ys, ws = [], [], []
    source = ogr.Open(str(sample / "wards.geojson"))  # kept: its layer dies with it
    for feature in source.GetLayer(0):
        residents = population.get(feature.GetField("ward_code"), 0.0)
        if residents <= 0:
            continue
        geom = feature.GetGeometryRef()
        min_x, max_x, min_y, max_y = geom.GetEnvelope()
        inside = []
        y = (math.floor(min_y / spacing) + 0.5) * spacing
        while y <= max_y:
            x = (math.floor(min_x / spacing) + 0.5) * spacing
            while x <= max_x:
                if x >= min_x:
                    pt = ogr.Geometry(ogr.wkbPoint)
                    pt.AddPoint_2D(x, y)
                    if geom.Contains(pt):
                        inside.append((x, y))
                x += spacing
            y += spacing
        if not inside:
            surface = geom.PointOnSurface()
            inside = [(surface.GetX(), surface.GetY())]
        for x, y in inside:
            xs.append(x)
            ys.append(y)
            ws.append(residents / len(inside))
    return np.array(xs), np.array(ys), np.array(ws)


def quartic_density(xs, ys, ws, transform, shape, h):
    """Per km2: sum of w * 3 / (pi h^2) * (1 - d^2/h^2)^2 at every cell centre."""
    ox, cell, _, oy, _, _ = transform
    ny, nx = shape
    cx = ox + (np.arange(nx) + 0.5) * cell
    cy = oy - (np.arange(ny) + 0.5) * cell
    out = np.zeros(shape)
    reach = int(math.ceil(h / cell)) + 1
    for x, y, w in zip(xs, ys, ws):
        c0 = int((x - ox) / cell)
        r0 = int((oy - y) / cell)
        rs = slice(max(0, r0 - reach), min(ny, r0 + reach + 1))
        cs = slice(max(0, c0 - reach), min(nx, c0 + reach + 1))
        dx = cx[cs][None, :] - x
        dy = cy[rs][:, None] - y
        u2 = (dx * dx + dy * dy) / (h * h)
        out[rs, cs] += np.where(u2 < 1, w * 3 / (math.pi * h * h) * (1 - u2) ** 2, 0.0)
    return out * 1e6


def main():
    pack, sample = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    manifest = json.loads((pack / "manifest.json").read_text())
    kde, risk = manifest["stages"]["kde"], manifest["stages"].get("risk")
    if risk is None:
        fail("the sample pack has populations but no risk stage in its manifest")
    if kde["kernel"] != "quartic" or kde["output"] != "density":
        fail(f"this check rebuilds a quartic density surface; the pack has {kde['kernel']} {kde['output']}")
    floor = risk["min_residents_km2"]
    xs, ys, ws = resident_points(sample, kde["cell_m"])
    if abs(ws.sum() - risk["residents"]) > 1e-6 * risk["residents"]:
        fail(f"residents: {ws.sum()} here, {risk['residents']} in the manifest")
    checked = 0
    for theme in kde["themes"]:
        tid = theme["theme"]
        density, density_ok, transform, meta = read_band(pack / f"kde_{tid}.tif")
        ratio, ratio_ok, risk_transform, _ = read_band(pack / f"risk_{tid}.tif")
        if transform != risk_transform or density.shape != ratio.shape:
            fail(f"{tid}: risk_{tid}.tif is not on the grid of kde_{tid}.tif")
        people = quartic_density(xs, ys, ws, transform, density.shape, theme["bandwidth_m"])
        # Cells within a hair of the floor may fall either side of it in floating point.
        clear = np.abs(people - floor) > 1e-9 * floor
        expected_ok = density_ok & (people >= floor)
        if np.any((ratio_ok != expected_ok) & clear):
            fail(f"{tid}: {np.sum((ratio_ok != expected_ok) & clear)} cells differ in having a ratio")
        both = ratio_ok & expected_ok & clear
        if not np.any(both):
            continue
        mine = density[both] / people[both]
        with_value = mine > 0
        # risk / (density / residents) is R / N on every cell: one constant.
        scale = ratio[both][with_value] / mine[with_value]
        if np.any(ratio[both][~with_value] != 0):
            fail(f"{tid}: cells without incidents have a non-zero risk")
        spread = (scale.max() - scale.min()) / scale.mean()
        if spread > 1e-5:  # the raster holds float32
            fail(f"{tid}: risk / (incident density / resident density) varies by {spread:.2e}")
        incidents = risk["residents"] / scale.mean()
        stated = meta.get("HOTSPOT_INCIDENTS", "")
        count = stated.split()[0] if stated else ""
        if count.isdigit() and abs(incidents - int(count)) > 1e-4 * int(count):
            fail(f"{tid}: the area's rate implies {incidents:.3f} incidents; kde_{tid}.tif states {stated}")
        checked += 1
        print(f"{tid}: {int(both.sum())} cells, risk = density ratio x {scale.mean():.6g} (N = {incidents:.3f})")
    if checked == 0:
        fail("no theme had a cell to check")
    print(f"ok: {checked} risk surfaces equal the numpy computation")


if __name__ == "__main__":
    main()
