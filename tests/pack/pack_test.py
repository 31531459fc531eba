#!/usr/bin/python3
"""Checks on a run's tasking pack (output folder given as argument).

  styles   every .qml parses as XML and refers only to properties of its layer
  qgis     tasking.qgs opens in real QGIS with every layer valid and styled, and
           feature counts equal those in the GeoJSON files (skips if no QGIS)
  numbers  report.html (summary, each theme's key figures, wards) shows the same numbers as ward_summary.csv and the
           hotspot GeoJSON files (one source of truth)

Exit 77 means skipped (ctest SKIP_RETURN_CODE).
"""
import csv
import glob
import html.parser
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


def fail(msg):
    print("FAILED: " + msg)
    sys.exit(1)


def geojson_fields(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    fields = set()
    for feat in data["features"]:
        fields.update(feat["properties"].keys())
    return fields, len(data["features"])


def referenced_fields(text):
    """Field names in a QGIS expression or a plain field name."""
    quoted = re.findall(r'"([^"]+)"', text)
    return quoted if quoted or "(" in text or "'" in text else [text]


def check_styles(out):
    qmls = sorted(glob.glob(os.path.join(out, "*.qml")))
    if not qmls:
        fail("no .qml files")
    for qml in qmls:
        base = qml[:-4]
        root = ET.parse(qml).getroot()  # raises on malformed XML
        if root.tag != "qgis":
            fail(f"{qml}: root is {root.tag}")
        if os.path.exists(base + ".tif"):
            if root.find("pipe/rasterrenderer") is None:
                fail(f"{qml}: raster style without a renderer")
            continue
        fields, _ = geojson_fields(base + ".geojson")
        renderer = root.find("renderer-v2")
        if renderer is None:
            fail(f"{qml}: no renderer")
        used = []
        if renderer.get("attr"):
            used += referenced_fields(renderer.get("attr"))
        for ts in root.iter("text-style"):
            used += referenced_fields(ts.get("fieldName"))
        missing = [u for u in used if u not in fields]
        # An empty layer has no properties to check against.
        if missing and fields:
            fail(f"{qml}: refers to {missing}, not in {os.path.basename(base)}.geojson")
    print(f"ok: {len(qmls)} styles parse and refer only to existing properties")


def check_qgis(out):
    try:
        from qgis.core import QgsApplication, QgsProject, QgsVectorLayer, QgsRasterLayer
    except ImportError:
        print("SKIPPED: PyQGIS is not installed (tools/setup.sh installs qgis and python3-qgis)")
        sys.exit(77)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    if not project.read(os.path.join(out, "tasking.qgs")):
        fail("QGIS cannot read tasking.qgs: " + project.error())
    if project.crs().authid() != "EPSG:27700":
        fail(f"project CRS is {project.crs().authid()}")
    if not project.title():
        fail("project has no title")
    if project.readBoolEntry("Paths", "/Absolute")[0]:
        fail("project paths are absolute")
    layers = list(project.mapLayers().values())
    if not layers:
        fail("no layers")
    for layer in layers:
        if not layer.isValid():
            fail(f"layer {layer.name()} is not valid ({layer.source()})")
        if isinstance(layer, QgsVectorLayer):
            path = layer.source().split("|")[0]
            _, count = geojson_fields(path)
            if layer.featureCount() != count:
                fail(f"{layer.name()}: QGIS counts {layer.featureCount()} features, the file has {count}")
            if layer.renderer() is None or layer.renderer().type() == "":
                fail(f"{layer.name()}: no renderer")
            if "hotspots_" in path and layer.renderer().type() != "categorizedSymbol":
                fail(f"{layer.name()}: style not applied ({layer.renderer().type()})")
            if "wards" in path and layer.renderer().type() != "graduatedSymbol":
                fail(f"{layer.name()}: style not applied ({layer.renderer().type()})")
        elif isinstance(layer, QgsRasterLayer):
            if layer.renderer().type() != "singlebandpseudocolor":
                fail(f"{layer.name()}: raster style not applied ({layer.renderer().type()})")
    for node in project.layerTreeRoot().findLayers():
        if node.layer() is None:
            fail(f"layer-tree entry {node.name()} ({node.layerId()}) points at no loaded layer")
    groups = [g.name() for g in project.layerTreeRoot().children()]
    if groups[-1] != "Wards":
        fail(f"wards should be the bottom group, groups are {groups}")
    print(f"ok: QGIS opened {len(layers)} valid, styled layers in groups {groups}")
    app.exitQgis()


class TableReader(html.parser.HTMLParser):
    """Collects rows of tables by class: {class: [[cell texts], ...]} with row data-* attributes."""

    def __init__(self):
        super().__init__()
        self.tables, self.stack, self.row, self.cell = {}, [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.stack.append(a.get("class", "") + ":" + a.get("data-theme", a.get("data-plan", "")))
            self.tables.setdefault(self.stack[-1], [])
        elif tag == "tr" and self.stack:
            self.row = {"attrs": a, "cells": []}
        elif tag == "td" and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "td" and self.row is not None and self.cell is not None:
            self.row["cells"].append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if self.row["cells"]:
                self.tables[self.stack[-1]].append(self.row)
            self.row = None
        elif tag == "table" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def check_numbers(out):
    reader = TableReader()
    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        reader.feed(f.read())
    with open(os.path.join(out, "ward_summary.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    total = [r for r in rows if r["ward_code"] == "ALL"][0]
    summary = reader.tables.get("summary:", [])
    if not summary:
        fail("no summary table in the report")
    for row in summary:
        theme = row["attrs"]["data-theme"]
        if row["cells"][1] != total[f"{theme}_count"]:
            fail(f"{theme}: report says {row['cells'][1]}, ward_summary.csv says {total[theme + '_count']}")
    # Each theme page's key figures: the area's count, previous period and year earlier.
    keys = 0
    for theme in [r["attrs"]["data-theme"] for r in summary]:
        for row in reader.tables.get(f"key:{theme}", []):
            shown = [row["cells"][0], row["cells"][1].split(" (")[0], row["cells"][2].split(" (")[0]]
            expected = [total[f"{theme}_count"], total[f"{theme}_previous"], total[f"{theme}_year_earlier"]]
            if shown != expected:
                fail(f"{theme} key figures: report {shown}, ward_summary.csv {expected}")
            keys += 1
    if keys != len(summary):
        fail(f"{keys} theme pages with key figures for {len(summary)} themes")
    wards = reader.tables.get("wards:", [])
    by_code = {r["ward_code"]: r for r in rows}
    themes = [r["attrs"]["data-theme"] for r in summary]
    for row in wards:
        code = row["attrs"]["data-ward"]
        for i, theme in enumerate(themes):
            if row["cells"][1 + 2 * i] != by_code[code][f"{theme}_count"]:
                fail(f"ward {code} {theme}: report {row['cells'][1 + 2 * i]} vs csv {by_code[code][theme + '_count']}")
    checked = 0
    for theme in themes:
        path = os.path.join(out, f"hotspots_{theme}.geojson")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            feats = {ft["properties"]["hotspot_id"]: ft["properties"] for ft in json.load(f)["features"]}
        for row in reader.tables.get(f"hotspots:{theme}", []):
            props = feats[row["attrs"]["data-id"]]
            if row["cells"][0] != props["label"] or int(row["cells"][2]) != props["incidents"]:
                fail(f"hotspot {row['attrs']['data-id']}: report {row['cells'][:3]} vs geojson {props['label']}, {props['incidents']}")
            checked += 1
    print(f"ok: report numbers equal the CSV for {len(summary)} themes (summary and key figures), {len(wards)} ward rows, "
          f"and {checked} hotspots")


def check_havering(binary, source):
    """A Havering 2017-04 run on the real data produces a project QGIS opens."""
    import subprocess
    import tempfile
    data = os.path.join(os.path.dirname(source), "shared", "data")
    if not os.path.exists(os.path.join(data, "README.md")):
        print(f"SKIPPED: {data} is absent (the shared data is not beside the clone)")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "havering.toml")
        with open(cfg, "w", encoding="utf-8") as f:
            f.write(f"""[run]
area_name = "Havering"
period = "2017-04"
output = "out"
taxonomy = "{source}/data/themes/police-uk.toml"
[wards]
path = "{data}/boundaries/london-wards-2014/London_Ward.shp"
where = "BOROUGH = 'Havering'"
code_field = "GSS_CODE"
name_field = "NAME"
[[incidents]]
format = "police_uk"
paths = ["{data}/police-uk/havering/*.csv"]
""")
        subprocess.run([binary, "run", cfg, "--quiet"], check=True, stdout=subprocess.DEVNULL)
        out = os.path.join(tmp, "out")
        check_styles(out)
        check_numbers(out)
        check_qgis(out)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "havering":
        check_havering(sys.argv[2], sys.argv[3])
    else:
        {"styles": check_styles, "qgis": check_qgis, "numbers": check_numbers}[mode](sys.argv[2])
