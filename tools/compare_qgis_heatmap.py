#!/usr/bin/python3
"""Compares hotspot's KDE in QGIS grid mode with QGIS's own "Heatmap (Kernel
Density Estimation)" on the sample's ASB incidents of the run period.

Usage: tools/compare_qgis_heatmap.py HOTSPOT_BINARY [WORK_DIR]

hotspot runs with kde.grid = "qgis", raw output, quartic, 250 m radius, 25 m
pixels; QGIS runs the same through PyQGIS processing. The two grids must be the
same shape and origin (to the centimetre: the points travel through GeoJSON),
the total mass must agree within 0.5% and the cell values must correlate above
0.99. They are not equal cell by cell: QGIS 3.22 places each point's kernel with
a sub-pixel offset in y. Exit 0 when all holds, 1 otherwise, 77 without QGIS.
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    binary = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="hotspot-qgis-")
    try:
        sys.path.append("/usr/share/qgis/python/plugins")
        from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
    except ImportError:
        print("SKIPPED: PyQGIS is not installed (tools/setup.sh installs qgis and python3-qgis)")
        return 77
    import numpy as np
    from osgeo import gdal

    sample = os.path.join(ROOT, "data", "sample")
    cfg = os.path.join(work, "qgis_mode.toml")
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(f"""[run]
area_name = "Kingsmere"
period = "2025-12"
output = "out"
taxonomy = "{ROOT}/data/themes/force-extract.toml"
themes = ["asb"]
[wards]
path = "{sample}/wards.geojson"
code_field = "ward_code"
name_field = "ward_name"
[[incidents]]
paths = ["{sample}/incidents/*.csv"]
crs = "EPSG:27700"
id = "incident_ref"
date = "occurred_at"
datetime_format = "%Y-%m-%d %H:%M"
x = "easting"
y = "northing"
category = "offence_group"
subcategory = "offence"
[themes.asb]
export_points = true
[kde]
grid = "qgis"
output = "raw"
bandwidth = 250
cell = 25
[clusters]
enabled = false
""")
    subprocess.run([binary, "run", cfg, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    out = os.path.join(work, "out")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import processing
    points = processing.run("native:reprojectlayer", {
        "INPUT": os.path.join(work, "out-restricted", "points_asb.geojson"),  # row-level: beside the pack
        "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:27700"), "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    qgis_tif = os.path.join(work, "qgis_heatmap.tif")
    processing.run("qgis:heatmapkerneldensityestimation", {
        "INPUT": points, "RADIUS": 250.0, "PIXEL_SIZE": 25.0, "KERNEL": 0, "OUTPUT_VALUE": 0, "DECAY": 0,
        "OUTPUT": qgis_tif})

    ours, theirs = gdal.Open(os.path.join(out, "kde_asb.tif")), gdal.Open(qgis_tif)
    a, b = ours.ReadAsArray().astype(float), theirs.ReadAsArray().astype(float)
    ga, gb = ours.GetGeoTransform(), theirs.GetGeoTransform()
    failures = []
    if a.shape != b.shape:
        failures.append(f"grid shapes differ: {a.shape} vs {b.shape}")
    if abs(ga[0] - gb[0]) > 0.05 or abs(ga[3] - gb[3]) > 0.05:
        failures.append(f"grid origins differ: {ga[:4]} vs {gb[:4]}")
    if not failures:
        nodata = theirs.GetRasterBand(1).GetNoDataValue()
        both = (a != -9999) & (b != nodata)
        ratio = b[both].sum() / a[both].sum()
        corr = np.corrcoef(a[both], b[both])[0, 1]
        print(f"cells compared {both.sum()}, mass ratio qgis/hotspot {ratio:.5f}, correlation {corr:.5f}, "
              f"max |difference| {np.abs(a[both] - b[both]).max():.3f} (peak {a[both].max():.2f})")
        if abs(ratio - 1) > 0.005:
            failures.append(f"total mass differs by {100 * (ratio - 1):.2f}%")
        if corr < 0.99:
            failures.append(f"correlation {corr:.4f} is below 0.99")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print("ok: hotspot's QGIS grid mode matches QGIS Heatmap in grid, mass and shape")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # PyQGIS with the processing framework loaded can crash while tearing down
    # (seen with QGIS 3.22); the result is already decided, so leave at once.
    os._exit(code)
