#!/usr/bin/python3
"""Checks on a run's tasking pack (output folder given as argument).

  styles   every .qml parses as XML and refers only to properties of its layer
  qgis     tasking.qgs opens in real QGIS with every layer valid and styled, and
           feature counts equal those in the GeoJSON files (skips if no QGIS);
           it opens on the study area in EPSG:27700 with the WGS 84 -> BNG
           operation fixed (no dialog), the OpenStreetMap basemap present but
           off, a map theme per analysis theme plus "Overview" (each renders
           non-blank over the study area) and a print layout per map theme
           (each exports a PDF)
  desktop  QGIS desktop (under xvfb-run, with a fresh profile) opens tasking.qgs
           with no dialog, on the study area in EPSG:27700 (skips if no QGIS
           or no xvfb-run)
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
            if "hotspots_" in path and "space_time_key" in [f.name() for f in layer.fields()]:
                # New, persistent, ...: drawn by class (an outline or a hatch each), every class present in the legend.
                renderer = layer.renderer()
                if renderer.classAttribute() != "space_time_key":
                    fail(f"{layer.name()}: drawn by {renderer.classAttribute()}, not by its space-time class")
                keys = {c.value(): c.label() for c in renderer.categories()}
                for feature in layer.getFeatures():
                    if feature["space_time_key"] not in keys:
                        fail(f"{layer.name()}: class {feature['space_time_key']} has no symbol in the legend")
            if path.endswith("wards.geojson"):
                wanted = "singleSymbol" if layer.name() == "Wards" else "graduatedSymbol"
                if layer.renderer().type() != wanted:
                    fail(f"{layer.name()}: style not applied ({layer.renderer().type()})")
        elif isinstance(layer, QgsRasterLayer) and layer.providerType() == "gdal":
            if layer.renderer().type() != "singlebandpseudocolor":
                fail(f"{layer.name()}: raster style not applied ({layer.renderer().type()})")
    for node in project.layerTreeRoot().findLayers():
        if node.layer() is None:
            fail(f"layer-tree entry {node.name()} ({node.layerId()}) points at no loaded layer")
    groups = [g.name() for g in project.layerTreeRoot().children() if g.nodeType() == 0]
    if groups[-1] != "Wards":
        fail(f"wards should be the bottom group, groups are {groups}")
    print(f"ok: QGIS opened {len(layers)} valid, styled layers in groups {groups}")
    check_project_views(out, project)
    app.exitQgis()


def check_project_views(out, project):
    """Opens without a dialog on the study area; map themes, basemap and layouts."""
    from qgis.core import (QgsCoordinateTransform, QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend,
                           QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsMapRendererSequentialJob,
                           QgsMapSettings, QgsRectangle)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    import tempfile

    # The WGS 84 -> British National Grid operation is fixed (OSTN15), so QGIS has nothing to ask.
    ops = project.transformContext().coordinateOperations()
    for src in ("EPSG:4326", "EPSG:3857"):  # the GeoJSON layers (RFC 7946) and the basemap tiles
        if "OSTN15" not in ops.get((src, "EPSG:27700"), ""):
            fail(f"transform context has no OSTN15 operation from {src} to EPSG:27700: {ops}")
    # The study area: the ward boundaries, in the project CRS.
    wards = [l for l in project.mapLayers().values() if l.name() == "Wards"]
    if len(wards) != 1:
        fail("no single 'Wards' boundary layer")
    study = QgsCoordinateTransform(wards[0].crs(), project.crs(), project).transformBoundingBox(wards[0].extent())
    view = project.viewSettings().defaultViewExtent()
    if view.crs().authid() != "EPSG:27700" or not QgsRectangle(view).intersects(study):
        fail(f"default view {view.toString()} ({view.crs().authid()}) misses the study area {study.toString()}")
    root = ET.parse(os.path.join(out, "tasking.qgs")).getroot()
    canvas = root.find("mapcanvas")
    ext = [float(canvas.find("extent/" + k).text) for k in ("xmin", "ymin", "xmax", "ymax")]
    if canvas.find("destinationsrs/spatialrefsys/authid").text != "EPSG:27700" or \
            not QgsRectangle(*ext).intersects(study):
        fail(f"saved canvas extent {ext} misses the study area {study.toString()}")
    # The basemap: OpenStreetMap XYZ tiles, last in the tree, off and in no map theme.
    osm = [l for l in project.mapLayers().values() if "tile.openstreetmap.org" in l.source()]
    if len(osm) != 1 or osm[0].providerType() != "wms":
        fail(f"expected one OpenStreetMap XYZ layer, found {[l.source() for l in osm]}")
    node = project.layerTreeRoot().findLayer(osm[0].id())
    if node.isVisible() or project.layerTreeRoot().children()[-1] != node:
        fail("the OpenStreetMap layer should be the bottom of the tree and not visible")
    themes = project.mapThemeCollection()
    names = themes.mapThemes()
    wanted = [g for g in groups_of_themes(project)] + ["Overview"]
    if [w for w in wanted if w not in names]:
        fail(f"map themes {names}, expected at least {wanted}")
    for name in names:
        if osm[0].id() in themes.mapThemeVisibleLayerIds(name):
            fail(f"map theme {name} shows the OpenStreetMap layer")
    # Each theme rendered over the default view is not blank inside the study
    # area, and its own layers (without the ward boundaries) draw something.
    def drawn_share(layers, name):
        settings = QgsMapSettings()
        settings.setDestinationCrs(project.crs())
        settings.setTransformContext(project.transformContext())
        settings.setLayers(layers)
        settings.setLayerStyleOverrides(themes.mapThemeStyleOverrides(name))
        settings.setExtent(QgsRectangle(view))
        settings.setOutputSize(QSize(800, 600))
        settings.setBackgroundColor(QColor(255, 255, 255))
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        img = job.renderedImage()
        m2p = settings.mapToPixel()
        tl, br = m2p.transform(study.xMinimum(), study.yMaximum()), m2p.transform(study.xMaximum(), study.yMinimum())
        x0, x1 = max(0, int(tl.x())), min(img.width() - 1, int(br.x()))
        y0, y1 = max(0, int(tl.y())), min(img.height() - 1, int(br.y()))
        drawn = total = 0
        for y in range(y0, y1 + 1, 2):
            for x in range(x0, x1 + 1, 2):
                total += 1
                if img.pixel(x, y) & 0xFFFFFF != 0xFFFFFF:
                    drawn += 1
        return drawn / max(1, total)

    shares, own = {}, {}
    for name in names:
        layers = themes.mapThemeVisibleLayers(name)
        shares[name] = drawn_share(layers, name)
        if shares[name] <= 0.01:
            fail(f"map theme {name} renders blank over the study area ({shares[name]:.2%} of pixels drawn)")
        others = [l for l in layers if l.id() != wards[0].id()]
        if others:
            own[name] = drawn_share(others, name)
            if own[name] <= 0.001:
                fail(f"map theme {name}: its layers other than the wards draw nothing ({own[name]:.2%})")
    # A layout per map theme: A4 landscape, map following the theme, legend,
    # scale bar, north arrow, marking; each exports a PDF.
    layouts = {l.name(): l for l in project.layoutManager().printLayouts()}
    if sorted(layouts) != sorted(names):
        fail(f"layouts {sorted(layouts)}, expected one per map theme {sorted(names)}")
    sizes, legends = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, layout in layouts.items():
            page = layout.pageCollection().page(0).pageSize()
            if (round(page.width()), round(page.height())) != (297, 210):
                fail(f"layout {name} is {page.width()} x {page.height()} mm, not A4 landscape")
            items = layout.items()
            maps = [i for i in items if isinstance(i, QgsLayoutItemMap)]
            if len(maps) != 1 or not maps[0].followVisibilityPreset() or maps[0].followVisibilityPresetName() != name:
                fail(f"layout {name}: its map does not follow map theme {name}")
            # The map draws the theme's layers and no other (issue 26: not every layer at once).
            rendered = sorted(l.id() for l in maps[0].layersToRender())
            if rendered != sorted(themes.mapThemeVisibleLayerIds(name)):
                fail(f"layout {name}: its map draws {rendered}, not map theme {name}'s layers")
            if not maps[0].extent().intersects(study):
                fail(f"layout {name}: map extent misses the study area")
            if not any(isinstance(i, QgsLayoutItemLegend) and i.linkedMap() == maps[0] for i in items):
                fail(f"layout {name}: no legend linked to its map")
            if not any(isinstance(i, QgsLayoutItemScaleBar) and i.linkedMap() == maps[0] for i in items):
                fail(f"layout {name}: no scale bar linked to its map")
            if not any(isinstance(i, QgsLayoutItemPicture) and "north_arrow" in i.picturePath() for i in items):
                fail(f"layout {name}: no north arrow")
            texts = [i.text() for i in items if isinstance(i, QgsLayoutItemLabel)]
            if "OFFICIAL" not in texts or not any(t.startswith("Data period: ") for t in texts):
                fail(f"layout {name}: labels {texts} lack the marking or the data period")
            pdf = os.path.join(tmp, "layout.pdf")
            result = QgsLayoutExporter(layout).exportToPdf(pdf, QgsLayoutExporter.PdfExportSettings())
            if result != QgsLayoutExporter.Success:
                fail(f"layout {name}: PDF export failed ({result})")
            sizes[name] = os.path.getsize(pdf)
            # Exported, the legend has taken the size of what it shows (resizeToContents, filtered
            # by the map): it lists the theme's layers only and ends above the footer, on the page.
            legend = [i for i in items if isinstance(i, QgsLayoutItemLegend)][0]
            listed = sorted(l.layerId() for l in legend.model().rootGroup().findLayers())
            if listed != sorted(themes.mapThemeVisibleLayerIds(name)):
                fail(f"layout {name}: the legend lists {listed}, not map theme {name}'s layers")
            pos, size = legend.positionWithUnits(), legend.sizeWithUnits()
            if pos.y() + size.height() > 196 or pos.x() + size.width() > 292:
                fail(f"layout {name}: the legend ({size.width():.0f} x {size.height():.0f} mm at {pos.x():.0f}, "
                     f"{pos.y():.0f}) runs off the page or over the footer")
            legends[name] = size.height()
            if sizes[name] < 20000:
                fail(f"layout {name}: PDF is only {sizes[name]} bytes")
    print("ok: opens on the study area in EPSG:27700 with the OSTN15 operation fixed; OpenStreetMap off; "
          "map themes drawn over the study area (own layers without wards) " +
          ", ".join(f"{k} {v:.1%} ({own.get(k, 0):.1%})" for k, v in sorted(shares.items())) +
          "; layout PDFs " + ", ".join(f"{k} {v // 1024} KB" for k, v in sorted(sizes.items())) +
          "; legends " + ", ".join(f"{k} {v:.0f} mm" for k, v in sorted(legends.items())))


def groups_of_themes(project):
    """Names of the layer-tree groups that are analysis themes (not wards, not venue plans)."""
    return [g.name() for g in project.layerTreeRoot().children()
            if g.nodeType() == 0 and g.name() != "Wards" and not g.name().startswith("Venues: ")]


DESKTOP_SCRIPT = r"""
import json, os
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog
from qgis.core import QgsCoordinateTransform, QgsProject
from qgis.utils import iface

def report():
    project = QgsProject.instance()
    canvas = iface.mapCanvas()
    wards = [l for l in project.mapLayers().values() if l.name() == "Wards"]
    study = QgsCoordinateTransform(wards[0].crs(), project.crs(), project).transformBoundingBox(wards[0].extent()) \
        if wards else None
    result = {
        "dialogs": [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, QDialog)],
        "modal": QApplication.activeModalWidget() is not None,
        "crs": canvas.mapSettings().destinationCrs().authid(),
        "extent": canvas.extent().toString(0),
        "on_study_area": bool(study and canvas.extent().intersects(study)),
        "layers": len(project.mapLayers()),
        "invalid": [l.name() for l in project.mapLayers().values() if not l.isValid()],
        "messages": [f"{m.title()} {m.text()}".strip() for m in iface.messageBar().items()],
    }
    with open(os.environ["HOTSPOT_DESKTOP_RESULT"], "w", encoding="utf-8") as f:
        json.dump(result, f)
    QApplication.instance().exit(0)

QTimer.singleShot(6000, report)
"""


def check_desktop(out, optional=False):
    """QGIS desktop opens the project with no dialog; the script runs only once
    the project has been opened, so a modal dialog on open means no result."""
    import shutil
    import subprocess
    import tempfile
    if not shutil.which("qgis") or not shutil.which("xvfb-run"):
        print("SKIPPED: QGIS desktop or xvfb-run is not installed (tools/setup.sh installs qgis and xvfb)")
        if optional:
            return
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        script, result = os.path.join(tmp, "check.py"), os.path.join(tmp, "result.json")
        with open(script, "w", encoding="utf-8") as f:
            f.write(DESKTOP_SCRIPT)
        env = dict(os.environ, HOTSPOT_DESKTOP_RESULT=result)
        env.pop("QT_QPA_PLATFORM", None)
        try:
            subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path",
                            os.path.join(tmp, "profile"), "--nologo", "--noversioncheck", "--code", script,
                            "--project", os.path.join(out, "tasking.qgs")],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=150)
        except subprocess.TimeoutExpired:
            fail("QGIS desktop did not finish opening the project (a dialog waiting for an answer?)")
        if not os.path.exists(result):
            fail("QGIS desktop never ran the check script (it crashed, or a dialog blocked opening)")
        with open(result, encoding="utf-8") as f:
            r = json.load(f)
    if r["dialogs"] or r["modal"]:
        fail(f"QGIS desktop shows dialogs on open: {r['dialogs']}")
    if r["crs"] != "EPSG:27700" or not r["on_study_area"]:
        fail(f"QGIS desktop opened in {r['crs']} on {r['extent']}, not on the study area")
    if r["invalid"]:
        fail(f"QGIS desktop has invalid layers {r['invalid']}")
    print(f"ok: QGIS desktop (fresh profile) opened {r['layers']} layers with no dialog, in {r['crs']} on "
          f"{r['extent']}; message bar: {r['messages'] or 'empty'}")


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
            # "21 (2.07)": the count, then its rate per 1,000 residents when the table publishes one.
            count, _, rate = row["cells"][1 + 2 * i].partition(" (")
            if count != by_code[code][f"{theme}_count"]:
                fail(f"ward {code} {theme}: report {count} vs csv {by_code[code][theme + '_count']}")
            if rate and rate.rstrip(")") != by_code[code][f"{theme}_rate_per_1000"]:
                fail(f"ward {code} {theme}: report rate {rate} vs csv {by_code[code][theme + '_rate_per_1000']}")
    checked = 0
    for theme in themes:
        path = os.path.join(out, f"hotspots_{theme}.geojson")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            feats = {ft["properties"]["hotspot_id"]: ft["properties"] for ft in json.load(f)["features"]}
        for row in reader.tables.get(f"hotspots:{theme}", []):
            props = feats[row["attrs"]["data-id"]]
            # With the space-time column ("new this month", ...) the incidents are the 3rd cell.
            classed = "space_time" in props
            incidents = row["cells"][2 if classed else 1]
            if classed and row["cells"][1] != props["space_time"]:
                fail(f"hotspot {row['attrs']['data-id']}: report {row['cells'][1]} vs geojson {props['space_time']}")
            # A withheld period count is null in the layer and "<m" in the report.
            same = incidents.startswith("<") if props["incidents"] is None else incidents == str(props["incidents"])
            if row["cells"][0] != props["label"] or not same:
                fail(f"hotspot {row['attrs']['data-id']}: report {row['cells'][:4]} vs geojson {props['label']}, {props['incidents']}")
            checked += 1
    print(f"ok: report numbers equal the CSV for {len(summary)} themes (summary and key figures), {len(wards)} ward rows, "
          f"and {checked} hotspots")


def check_havering(binary, source):
    """The newcomer's path on real data: `hotspot init` against Havering's ward
    layer and police.uk files writes a config, `hotspot run` on it (period
    2017-04) makes a pack, and its styles, report numbers and QGIS project
    (headless, and desktop when xvfb-run is there) pass the checks above."""
    import subprocess
    import tempfile
    data = os.path.join(os.path.dirname(source), "shared", "data")
    if not os.path.exists(os.path.join(data, "README.md")):
        print(f"SKIPPED: {data} is absent (the shared data is not beside the clone)")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "havering.toml")
        subprocess.run([binary, "init", "--wards", f"{data}/boundaries/london-wards-2014/London_Ward.shp",
                        "--where", "BOROUGH = 'Havering'", "--police-uk", f"{data}/police-uk/havering/*.csv",
                        "--period", "2017-04", "--config", cfg], check=True, stdout=subprocess.DEVNULL)
        with open(cfg, encoding="utf-8") as f:
            written = f.read()
        for expected in ('format = "police_uk"', 'code_field = "GSS_CODE"', 'name_field = "NAME"',
                         'taxonomy = "police-uk"'):
            if expected not in written:
                fail(f"hotspot init did not write {expected}:\n{written}")
        if 'output = "out/havering"' not in written:
            fail(f"hotspot init did not name the pack after the area (output = \"out/havering\"):\n{written}")
        subprocess.run([binary, "run", cfg, "--quiet"], check=True, stdout=subprocess.DEVNULL)
        out = os.path.join(tmp, "out", "havering")
        check_styles(out)
        check_numbers(out)
        check_desktop(out, optional=True)
        check_qgis(out)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "havering":
        check_havering(sys.argv[2], sys.argv[3])
    else:
        {"styles": check_styles, "qgis": check_qgis, "numbers": check_numbers,
         "desktop": check_desktop}[mode](sys.argv[2])
