#!/usr/bin/env python3
"""Deterministic generator for the fictional "Kingsmere" sample data set.

Run from the repository root:

    python3 tools/make_sample.py

Regenerates data/sample/ byte-identically on every run (Python 3 standard
library only; all randomness comes from random.Random with fixed seeds; no
set/dict-hash-order dependence; all floats formatted with fixed decimals).

Everything is in British National Grid (EPSG:27700) metres.
"""

import calendar
import datetime
import json
import math
import os
import random

SEED = 27700
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "sample")
INC_DIR = os.path.join(OUT, "incidents")

# --------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------

NCOLS, NROWS = 6, 3
X0, X1 = 530500.0, 540500.0
Y0, Y1 = 180500.0, 188500.0
DX = (X1 - X0) / NCOLS
DY = (Y1 - Y0) / NROWS
NODE_JITTER = 170.0  # lattice node jitter (m), small relative to 1667 x 2667 cells
SEG_PER_EDGE = 6
SEG_JITTER = 35.0  # perpendicular jitter of intermediate edge points (m)
MARGIN = 2.0  # generated points keep at least this distance from ward edges


def r1(v):
    """Round to 0.1 m (the precision used in every output file)."""
    return round(v * 10.0) / 10.0


def f1(v):
    return "%.1f" % v


def ring_area(ring):
    a = 0.0
    for i in range(len(ring) - 1):
        x1, y1 = ring[i]
        x2, y2 = ring[i + 1]
        a += x1 * y2 - x2 * y1
    return a / 2.0


def ring_centroid(ring):
    a = 0.0
    cx = cy = 0.0
    for i in range(len(ring) - 1):
        x1, y1 = ring[i]
        x2, y2 = ring[i + 1]
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    a /= 2.0
    return (cx / (6.0 * a), cy / (6.0 * a))


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring) - 1
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[i + 1]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                inside = not inside
    return inside


def dist_to_ring(x, y, ring):
    best = float("inf")
    for i in range(len(ring) - 1):
        x1, y1 = ring[i]
        x2, y2 = ring[i + 1]
        vx, vy = x2 - x1, y2 - y1
        L2 = vx * vx + vy * vy
        t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((x - x1) * vx + (y - y1) * vy) / L2))
        px, py = x1 + t * vx, y1 + t * vy
        d = math.hypot(x - px, y - py)
        if d < best:
            best = d
    return best


def seg_intersect(p1, p2, p3, p4):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)

    o1, o2 = orient(p1, p2, p3), orient(p1, p2, p4)
    o3, o4 = orient(p3, p4, p1), orient(p3, p4, p2)
    return o1 != o2 and o3 != o4


def ring_is_simple(ring):
    n = len(ring) - 1
    segs = [(ring[i], ring[i + 1]) for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue
            if seg_intersect(segs[i][0], segs[i][1], segs[j][0], segs[j][1]):
                return False
    return True


# --------------------------------------------------------------------------
# Wards
# --------------------------------------------------------------------------

# names[row][col]; row 0 is the southern-most row
WARD_NAMES = [
    ["Brampton Vale", "Cressley", "Southfields", "Millbrook", "Fairholme", "Thornbury Heath"],
    ["Hollins Green", "Abbey Park", "Kingsmere Town", "Riverside", "Ashcombe", "Wyvern"],
    ["Westbury", "Larkhill", "Northgate", "Highcross", "Oakwood", "Eastwick"],
]

TC_WARD_NAME = "Kingsmere Town"
NTE_WARD_NAME = "Riverside"
VAWG_WARD_NAME = "Fairholme"
RISING_WARD_NAME = "Larkhill"


def build_wards(rng):
    nodes = {}
    for j in range(NROWS + 1):
        for i in range(NCOLS + 1):
            x = X0 + i * DX + rng.uniform(-NODE_JITTER, NODE_JITTER)
            y = Y0 + j * DY + rng.uniform(-NODE_JITTER, NODE_JITTER)
            nodes[(i, j)] = (r1(x), r1(y))

    def make_edge(a, b):
        (ax, ay), (bx, by) = a, b
        L = math.hypot(bx - ax, by - ay)
        nx, ny = -(by - ay) / L, (bx - ax) / L
        pts = [a]
        for k in range(1, SEG_PER_EDGE):
            t = k / SEG_PER_EDGE + rng.uniform(-0.04, 0.04)
            off = rng.uniform(-SEG_JITTER, SEG_JITTER)
            pts.append((r1(ax + t * (bx - ax) + off * nx), r1(ay + t * (by - ay) + off * ny)))
        pts.append(b)
        return pts

    # Generate every edge exactly once (fixed iteration order).
    hedges = {}
    for j in range(NROWS + 1):
        for i in range(NCOLS):
            hedges[(i, j)] = make_edge(nodes[(i, j)], nodes[(i + 1, j)])
    vedges = {}
    for i in range(NCOLS + 1):
        for j in range(NROWS):
            vedges[(i, j)] = make_edge(nodes[(i, j)], nodes[(i, j + 1)])

    wards = []
    # ward codes numbered north-west first, row-major west->east
    code_no = 0
    for j in range(NROWS - 1, -1, -1):
        for i in range(NCOLS):
            code_no += 1
            bottom = hedges[(i, j)]
            right = vedges[(i + 1, j)]
            top = list(reversed(hedges[(i, j + 1)]))
            left = list(reversed(vedges[(i, j)]))
            ring = bottom[:-1] + right[:-1] + top[:-1] + left[:-1] + [bottom[0]]
            assert ring_area(ring) > 0, "ring must be counter-clockwise"
            assert ring_is_simple(ring), "ring self-intersects"
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            wards.append({
                "code": "E0590%04d" % code_no,
                "name": WARD_NAMES[j][i],
                "cell": (i, j),
                "ring": ring,
                "bbox": (min(xs), min(ys), max(xs), max(ys)),
                "centroid": ring_centroid(ring),
                "area": ring_area(ring),
            })
    return wards


def ward_at(wards, x, y):
    for idx, w in enumerate(wards):
        b = w["bbox"]
        if b[0] <= x <= b[2] and b[1] <= y <= b[3] and point_in_ring(x, y, w["ring"]):
            return idx
    return -1


def ok_point(wards, x, y, want=None, exclude=None):
    """Return ward index of a (rounded) point if acceptable, else -1."""
    idx = ward_at(wards, x, y)
    if idx < 0:
        return -1
    if want is not None and idx != want:
        return -1
    if exclude is not None and idx == exclude:
        return -1
    if dist_to_ring(x, y, wards[idx]["ring"]) < MARGIN:
        return -1
    return idx


# --------------------------------------------------------------------------
# Taxonomy and distributions
# --------------------------------------------------------------------------

ASB = "Anti-social behaviour"
VAP = "Violence against the person"

GROUPS = [
    (ASB, 0.27, [("Personal ASB", 0.25), ("Nuisance ASB", 0.6), ("Environmental ASB", 0.15)]),
    (VAP, 0.22, [("Violence with injury", 0.3), ("Violence without injury", 0.3),
                 ("Stalking and harassment", 0.2), ("Common assault", 0.2)]),
    ("Sexual offences", 0.02, [("Rape", 0.35), ("Other sexual offences", 0.65)]),
    ("Robbery", 0.03, [("Robbery of personal property", 0.88), ("Robbery of business property", 0.12)]),
    ("Possession of weapons", 0.012, [("Possession of article with blade or point", 0.85),
                                      ("Possession of firearms", 0.15)]),
    ("Theft", 0.17, [("Theft from the person", 0.12), ("Shoplifting", 0.4), ("Bicycle theft", 0.13),
                     ("Other theft", 0.35)]),
    ("Burglary", 0.06, [("Residential burglary", 0.72), ("Business burglary", 0.28)]),
    ("Criminal damage", 0.08, [("Criminal damage to vehicle", 0.45), ("Criminal damage to dwelling", 0.48),
                               ("Arson", 0.07)]),
    ("Public order", 0.058, [("Public fear alarm or distress", 0.85),
                             ("Racially or religiously aggravated public order", 0.15)]),
    ("Drug offences", 0.04, [("Possession of drugs", 0.8), ("Trafficking of drugs", 0.2)]),
    ("Vehicle offences", 0.04, [("Theft of a motor vehicle", 0.35), ("Theft from a motor vehicle", 0.65)]),
]

HOUR_W = [3.0, 2.5, 2.0, 1.5, 1.0, 1.0, 1.5, 2.5, 3.5, 4.0, 4.5, 5.0,
          5.5, 5.5, 5.5, 6.0, 6.5, 7.0, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0]
ASB_HOUR_W = [3.0, 2.0, 1.5, 1.0, 0.6, 0.5, 0.8, 1.5, 2.5, 3.0, 3.5, 4.0,
              4.5, 4.5, 5.0, 6.0, 7.0, 8.0, 8.5, 8.5, 8.0, 7.0, 5.5, 4.0]

STREETS = ["High Street", "Mill Lane", "Church Road", "Station Road", "Abbey Road", "Kings Parade",
           "Market Square", "Victoria Road", "Park Lane", "Queens Avenue", "Bridge Street", "North Road",
           "London Road", "Elm Grove", "Chestnut Close", "Riverside Walk", "Canal Path", "Greenway",
           "Orchard Road", "Cedar Avenue", "Meadow Way", "Fairfield Road", "Granary Lane", "Tanners Row"]
PLACES = ["bus station", "car park", "recreation ground", "shopping parade", "petrol station",
          "supermarket", "playground", "parking area", "sports ground", "pub", "nightclub",
          "takeaway", "library", "school", "hospital"]


# Streets are tied to places: a lattice of named streets 250 m apart, north-south
# ones through eastings TC_E + 250 i and east-west ones through northings
# TC_N + 250 j (TC = the town centre). A point is on the nearer line. The two
# through the town centre are High Street and Market Square, the north-south
# one through the night-time economy Kings Parade. Generic places (a police.uk
# map point's kind, e.g. "Supermarket") stay as they were drawn.
STREET_STEP = 250.0
STREET_PREFIXES = ["Abbey", "Acorn", "Albert", "Alder", "Ash", "Beech", "Birch", "Bridge", "Brook", "Castle",
                   "Cedar", "Chapel", "Cherry", "Church", "Clarence", "Crown", "Dean", "Elm", "Fairfield", "Forest",
                   "Garden", "Granary", "Grange", "Hawthorn", "Hazel", "Heath", "Holly", "Larch", "Lime", "Maple",
                   "Meadow", "Mill", "North", "Oak", "Orchard", "Park", "Pine", "Queens", "Rectory", "Rose",
                   "Station", "Tanners", "Victoria", "Willow", "York", "Linden"]


def street_lines(x, y, tc):
    """The nearest north-south and east-west streets of (x, y), nearer first."""
    i = int(round((x - tc[0]) / STREET_STEP))
    j = int(round((y - tc[1]) / STREET_STEP))
    ns = "%s Road" % STREET_PREFIXES[(i + 100) % len(STREET_PREFIXES)]
    ew = "%s Lane" % STREET_PREFIXES[(j + 123) % len(STREET_PREFIXES)]
    if i == 0 and abs(j) <= 4:
        ns = "High Street"
    elif i == 5 and abs(j) <= 2:
        ns = "Kings Parade"
    if j == 0 and abs(i) <= 3:
        ew = "Market Square"
    dx = abs(x - (tc[0] + i * STREET_STEP))
    dy = abs(y - (tc[1] + j * STREET_STEP))
    return (ns, ew) if dx <= dy else (ew, ns)


def months():
    out = []
    y, m = 2023, 12
    while (y, m) <= (2025, 12):
        out.append((y, m))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


MONTHS = months()
WINDOW_START = (2024, 12)
RUN_PERIOD = "2025-12"

BAD_KINDS = ["missing_coords", "swapped_coords", "impossible_coords", "bad_date",
             "duplicate_ref", "outside_borough", "unknown_offence_group", "too_few_columns"]
BAD_TOTALS = {"missing_coords": 14, "swapped_coords": 7, "impossible_coords": 5, "bad_date": 6,
              "duplicate_ref": 6, "outside_borough": 6, "unknown_offence_group": 9,
              "too_few_columns": 2}
MULTILINE_MONTHS = [(2024, 3), (2025, 2), (2025, 7), (2025, 12), (2025, 12)]
TRAILING_COMMA_MONTH = (2024, 6)
BOM_MONTH = MONTHS[0]


def mkey(ym):
    return "%04d-%02d" % ym


def bad_schedule(rng):
    sched = {mkey(ym): {k: 0 for k in BAD_KINDS} for ym in MONTHS}
    window = [ym for ym in MONTHS if ym >= WINDOW_START]
    before = [ym for ym in MONTHS if ym < WINDOW_START]
    for kind in BAD_KINDS:
        total = BAD_TOTALS[kind]
        sched[RUN_PERIOD][kind] += 1  # the run month sees every kind at least once
        rest = total - 1
        n_before = rest // 4
        for _ in range(rest - n_before):
            sched[mkey(rng.choice(window))][kind] += 1
        for _ in range(n_before):
            sched[mkey(rng.choice(before))][kind] += 1
    return sched


# --------------------------------------------------------------------------
# Main generation
# --------------------------------------------------------------------------


def main():
    rng = random.Random(SEED)
    wards = build_wards(rng)
    by_name = {w["name"]: i for i, w in enumerate(wards)}
    tc_w, nte_w = by_name[TC_WARD_NAME], by_name[NTE_WARD_NAME]
    vawg_w, rise_w = by_name[VAWG_WARD_NAME], by_name[RISING_WARD_NAME]

    c = wards[tc_w]["centroid"]
    tc = (r1(c[0] + 220.0), r1(c[1] - 90.0))
    nte = (r1(tc[0] + 1250.0), r1(tc[1] + 160.0))
    c = wards[vawg_w]["centroid"]
    vawg = (r1(c[0] - 60.0), r1(c[1] + 120.0))
    assert ward_at(wards, *tc) == tc_w
    assert ward_at(wards, *nte) == nte_w
    assert ward_at(wards, *vawg) == vawg_w
    nte_dist = math.hypot(nte[0] - tc[0], nte[1] - tc[1])
    assert 1000 <= nte_dist <= 1500

    allx = [p[0] for w in wards for p in w["ring"]]
    ally = [p[1] for w in wards for p in w["ring"]]
    bbox = (min(allx), min(ally), max(allx), max(ally))

    # ---------------- point samplers ----------------
    def gauss_pt(r, centre, sigma, want):
        while True:
            x = r1(r.gauss(centre[0], sigma))
            y = r1(r.gauss(centre[1], sigma))
            if ok_point(wards, x, y, want=want) >= 0:
                return x, y

    def uniform_in_ward(r, widx):
        b = wards[widx]["bbox"]
        while True:
            x = r1(r.uniform(b[0], b[2]))
            y = r1(r.uniform(b[1], b[3]))
            if ok_point(wards, x, y, want=widx) >= 0:
                return x, y

    def background_pt(r, exclude=None):
        while True:
            if r.random() < 0.6:
                x = r1(r.uniform(bbox[0], bbox[2]))
                y = r1(r.uniform(bbox[1], bbox[3]))
            else:
                cw = wards[r.randrange(len(wards))]["centroid"]
                x = r1(r.gauss(cw[0], 600.0))
                y = r1(r.gauss(cw[1], 600.0))
            if ok_point(wards, x, y, exclude=exclude) >= 0:
                return x, y

    # ---------------- wards.geojson ----------------
    os.makedirs(INC_DIR, exist_ok=True)
    feats = []
    for w in wards:
        coords = ",".join("[%s,%s]" % (f1(x), f1(y)) for x, y in w["ring"])
        feats.append('{"type":"Feature","properties":{"ward_code":%s,"ward_name":%s},'
                     '"geometry":{"type":"Polygon","coordinates":[[%s]]}}'
                     % (json.dumps(w["code"]), json.dumps(w["name"]), coords))
    gj = ('{\n"type":"FeatureCollection",\n"name":"wards",\n'
          '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},\n'
          '"features":[\n' + ",\n".join(feats) + "\n]\n}\n")
    with open(os.path.join(OUT, "wards.geojson"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(gj)

    # ---------------- population.csv ----------------
    prng = random.Random(SEED + 1)
    pops = {}
    for w in wards:
        pops[w["code"]] = prng.randint(9000, 16000)
    with open(os.path.join(OUT, "population.csv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("ward_code,population\n")
        for w in wards:
            fh.write("%s,%d\n" % (w["code"], pops[w["code"]]))

    # ---------------- venues.csv ----------------
    vrng = random.Random(SEED + 2)
    venues = [("Kingsmere Town Centre Library", "library", (r1(tc[0] + 45.0), r1(tc[1] - 35.0)))]
    vtypes = (["library"] * 5 + ["station"] * 4 + ["supermarket"] * 5 + ["community_centre"] * 4
              + ["leisure_centre"] * 3 + ["shopping_parade"] * 3)
    suffix = {"library": "Library", "station": "Station", "supermarket": "Superstore",
              "community_centre": "Community Centre", "leisure_centre": "Leisure Centre",
              "shopping_parade": "Parade"}
    ward_order = [i for i in range(len(wards)) if i != tc_w]
    vrng.shuffle(ward_order)
    used_names = []
    for k, vt in enumerate(vtypes):
        widx = ward_order[k % len(ward_order)]
        w = wards[widx]
        while True:
            x = r1(w["centroid"][0] + vrng.uniform(-350, 350))
            y = r1(w["centroid"][1] + vrng.uniform(-500, 500))
            if ok_point(wards, x, y, want=widx) >= 0:
                break
        name = "%s %s" % (w["name"], suffix[vt])
        if name in used_names:
            name = "%s %s %s" % (w["name"], vrng.choice(STREETS).split()[0], suffix[vt])
        used_names.append(name)
        venues.append((name, vt, (x, y)))
    venue_rows = []
    for k, (name, vt, (x, y)) in enumerate(venues):
        venue_rows.append(("V%03d" % (k + 1), name, vt, f1(x), f1(y)))
    n_good_venues = len(venue_rows)
    venue_rows.append(("V%03d" % (n_good_venues + 1), "Elmstead Retail Park Superstore", "supermarket",
                       "521350.0", "176480.0"))  # outside the borough
    venue_rows.append(("V%03d" % (n_good_venues + 2), "Kingsmere Mobile Library", "library", "", ""))
    with open(os.path.join(OUT, "venues.csv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("venue_id,name,type,easting,northing\n")
        for row in venue_rows:
            fh.write(",".join(row) + "\n")

    # ---------------- incidents ----------------
    srng = random.Random(SEED + 3)
    sched = bad_schedule(srng)
    seq = {}
    truth_files = {}
    rising_baseline = None

    for mi, (yy, mm) in enumerate(MONTHS):
        key = mkey((yy, mm))
        r = random.Random(SEED * 1000 + yy * 100 + mm)
        ndays = calendar.monthrange(yy, mm)[1]
        season = math.sin(2 * math.pi * (mm - 4) / 12.0)
        n_total = int(round(2050 * (1.0 + 0.05 * season))) + r.randint(-60, 60)

        def rand_dt(hour_w=HOUR_W):
            d = r.randint(1, ndays)
            h = r.choices(range(24), weights=hour_w)[0]
            return datetime.datetime(yy, mm, d, h, r.randint(0, 59))

        def nte_dt():
            h = r.choices([21, 22, 23, 0, 1, 2], weights=[3, 5, 6, 6, 5, 3])[0]
            if h >= 21:
                days = [d for d in range(1, ndays + 1)
                        if datetime.date(yy, mm, d).weekday() in (4, 5)]
            else:  # after midnight: Saturday / Sunday morning following a Fri/Sat night
                days = [d for d in range(2, ndays + 1)
                        if datetime.date(yy, mm, d).weekday() in (5, 6)]
            return datetime.datetime(yy, mm, r.choice(days), h, r.randint(0, 59))

        def pick(items):
            return r.choices([a for a, _ in items], weights=[b for _, b in items])[0]

        rows = []  # dicts

        def add(dt, group, offence, x, y, da="N", hate="N", tag="background"):
            rows.append({"dt": dt, "group": group, "offence": offence, "x": x, "y": y,
                         "da": da, "hate": hate, "tag": tag})

        counts = {}
        for g, wgt, _ in GROUPS:
            counts[g] = max(1, int(round(n_total * wgt * (1.0 + r.uniform(-0.06, 0.06)))))
        offs = {g: o for g, _, o in GROUPS}

        # a) ASB: town-centre hotspot + d) rising ward + background (rising ward excluded)
        n_asb = counts[ASB]
        n_tc = int(round(0.30 * n_asb))
        if key == RUN_PERIOD:
            n_rise = 3 * rising_baseline_mean
        else:
            n_rise = 25 + r.randint(-3, 3)
        for _ in range(n_tc):
            x, y = gauss_pt(r, tc, 150.0, tc_w)
            add(rand_dt(ASB_HOUR_W), ASB, pick(offs[ASB]), x, y, tag="asb_town_centre")
        for _ in range(n_rise):
            x, y = uniform_in_ward(r, rise_w)
            add(rand_dt(ASB_HOUR_W), ASB, pick(offs[ASB]), x, y, tag="asb_rising_ward")
        for _ in range(n_asb - n_tc - n_rise):
            x, y = background_pt(r, exclude=rise_w)
            add(rand_dt(ASB_HOUR_W), ASB, pick(offs[ASB]), x, y)

        # b) NTE violence and c) VAWG
        n_vap = counts[VAP]
        n_nte = 55 + r.randint(-6, 6)
        for _ in range(n_nte):
            x, y = gauss_pt(r, nte, 120.0, nte_w)
            off = pick([("Violence with injury", 0.45), ("Violence without injury", 0.3),
                        ("Common assault", 0.25)])
            hate = "Y" if r.random() < 0.03 else "N"
            add(nte_dt(), VAP, off, x, y, hate=hate, tag="nte_violence")
        for _ in range(n_vap - n_nte):
            off = pick(offs[VAP])
            p_da = 0.65 if off == "Stalking and harassment" else 0.15
            da = "Y" if r.random() < p_da else "N"
            hate = "Y" if r.random() < 0.03 else "N"
            if da == "Y" and r.random() < 0.45:
                x, y = gauss_pt(r, vawg, 300.0, vawg_w)
                tag = "vawg_da"
            else:
                x, y = background_pt(r)
                tag = "background"
            add(rand_dt(), VAP, off, x, y, da=da, hate=hate, tag=tag)

        # e) everything else: background
        for g, _, olist in GROUPS:
            if g in (ASB, VAP):
                continue
            for _ in range(counts[g]):
                off = pick(olist)
                hate = "Y" if off == "Racially or religiously aggravated public order" else "N"
                x, y = background_pt(r)
                add(rand_dt(), g, off, x, y, hate=hate)

        planted = {
            "asb_town_centre": n_tc,
            "asb_rising_ward": n_rise,
            "nte_violence": n_nte,
            "vawg_da_violence": sum(1 for q in rows if q["tag"] == "vawg_da"),
        }

        # ---- deliberately bad rows (all non-ASB so ASB counts stay exact) ----
        bad = sched[key]
        non_asb_groups = [(g, o) for g, _, o in GROUPS if g != ASB and g != VAP]

        def bad_base():
            g, olist = r.choice(non_asb_groups)
            return g, pick(olist)

        for _ in range(bad["missing_coords"]):
            g, o = bad_base()
            add(rand_dt(), g, o, None, None, tag="missing_coords")
        for _ in range(bad["swapped_coords"]):
            g, o = bad_base()
            x, y = background_pt(r)
            add(rand_dt(), g, o, y, x, tag="swapped_coords")
        for _ in range(bad["impossible_coords"]):
            g, o = bad_base()
            x, y = background_pt(r)
            add(rand_dt(), g, o, 9999999.0, y, tag="impossible_coords")
        for _ in range(bad["bad_date"]):
            g, o = bad_base()
            x, y = background_pt(r)
            add(rand_dt(), g, o, x, y, tag="bad_date")
        for _ in range(bad["outside_borough"]):
            g, o = bad_base()
            add(rand_dt(), g, o, r1(r.uniform(518000, 522000)), r1(r.uniform(173000, 177000)),
                tag="outside_borough")
        for _ in range(bad["unknown_offence_group"]):
            x, y = background_pt(r)
            add(rand_dt(), "Fraud", "Fraud by false representation", x, y, tag="unknown_offence_group")
        for _ in range(bad["too_few_columns"]):
            g, o = bad_base()
            x, y = background_pt(r)
            add(rand_dt(), g, o, x, y, tag="too_few_columns")

        # sort by time (stable, deterministic), assign refs
        rows.sort(key=lambda q: q["dt"])
        yy2 = yy % 100
        for q in rows:
            seq[yy2] = seq.get(yy2, 0) + 1
            q["ref"] = "KM%02d-%06d" % (yy2, seq[yy2])

        # location descriptions
        # (The random draws are kept as before, so every other column is unchanged;
        # a row with coordinates takes its street from where it is.)
        def on_street(q, drawn):
            return drawn if q["x"] is None else street_lines(q["x"], q["y"], tc)[0]

        for q in rows:
            t = r.random()
            if t < 0.55:
                q["loc"] = "On or near %s" % on_street(q, r.choice(STREETS))
            elif t < 0.85:
                q["loc"] = "Near %s" % on_street(q, r.choice(STREETS))
            else:  # a kind of place on the street it is on: "Near supermarket, Mill Road"
                q["loc"] = "Near %s" % r.choice(PLACES)
                if q["x"] is not None:
                    q["loc"] += ", " + street_lines(q["x"], q["y"], tc)[0]
        n_comma = r.randint(3, 8)
        comma_idx = sorted(r.sample(range(len(rows)), n_comma))
        for i in comma_idx:
            a, b = r.sample(STREETS, 2)
            if rows[i]["x"] is not None:
                a, b = street_lines(rows[i]["x"], rows[i]["y"], tc)
            rows[i]["loc"] = "Junction of %s, %s" % (a, b)
        n_multi = sum(1 for ym in MULTILINE_MONTHS if ym == (yy, mm))
        multi_idx = []
        if n_multi:
            cand = [i for i in range(len(rows)) if i not in comma_idx]
            multi_idx = sorted(r.sample(cand, n_multi))
            for i in multi_idx:
                pub, drawn = r.choice(["Crown", "Kings", "Millers", "Abbey", "Swan"]), r.choice(STREETS)
                rows[i]["loc"] = 'Outside "The %s Arms"\nrear of %s' % (pub, on_street(rows[i], drawn))

        # duplicates: exact copies of earlier non-ASB, non-bad rows inserted later in the file
        dup_positions = []
        good_idx = [i for i, q in enumerate(rows) if q["group"] != ASB and q["tag"] == "background"
                    and i < len(rows) - 50]
        for _ in range(bad["duplicate_ref"]):
            src = r.choice(good_idx)
            good_idx.remove(src)
            dst = r.randint(src + 1, len(rows))
            dup_positions.append((src, dst))
        records = [dict(q) for q in rows]
        # insert from the back so indexes remain valid
        for src, dst in sorted(dup_positions, key=lambda p: (p[1], p[0]), reverse=True):
            cp = dict(rows[src])
            cp["tag"] = "duplicate_ref"
            records.insert(dst, cp)

        # ---- serialise ----
        trailing = (yy, mm) == TRAILING_COMMA_MONTH

        def esc(s):
            if any(ch in s for ch in ',"\r\n'):
                return '"' + s.replace('"', '""') + '"'
            return s

        bad_date_strings = ["31/31/2025 25:99", "not a date"]
        bd_k = 0
        lines = []
        header = ["incident_ref", "occurred_at", "offence_group", "offence", "easting", "northing",
                  "da_flag", "hate_flag", "location_desc"]
        lines.append(header)
        for q in records:
            if q["tag"] == "bad_date":
                dts = bad_date_strings[bd_k % 2]
                bd_k += 1
            else:
                dts = q["dt"].strftime("%Y-%m-%d %H:%M")
            e = "" if q["x"] is None else f1(q["x"])
            n = "" if q["y"] is None else f1(q["y"])
            fields = [q["ref"], dts, q["group"], q["offence"], e, n, q["da"], q["hate"], q["loc"]]
            if q["tag"] == "too_few_columns":
                fields = fields[:5]
            lines.append(fields)
        text = ""
        for fields in lines:
            row = ",".join(esc(f) for f in fields)
            if trailing:
                row += ","
            text += row + "\r\n"
        data = text.encode("utf-8")
        if (yy, mm) == BOM_MONTH:
            data = b"\xef\xbb\xbf" + data
        with open(os.path.join(INC_DIR, key + ".csv"), "wb") as fh:
            fh.write(data)

        # ---- truth for this file ----
        n_rows = len(records)
        n_bad_excl_fraud = sum(bad[k] for k in BAD_KINDS if k != "unknown_offence_group")
        asb_by_ward = [0] * len(wards)
        group_counts = {}
        for q in records:
            if q["tag"] in ("background", "asb_town_centre", "asb_rising_ward", "nte_violence",
                            "vawg_da", "unknown_offence_group"):
                group_counts[q["group"]] = group_counts.get(q["group"], 0) + 1
                if q["group"] == ASB:
                    asb_by_ward[ward_at(wards, q["x"], q["y"])] += 1
        assert asb_by_ward[rise_w] == n_rise
        truth_files[key] = {
            "file": "incidents/%s.csv" % key,
            "data_rows": n_rows,
            "clean_rows": n_rows - n_bad_excl_fraud,
            "bad_rows": dict((k, bad[k]) for k in BAD_KINDS),
            "planted": planted,
            "offence_group_counts_clean": dict(sorted(group_counts.items())),
            "asb_by_ward_clean": dict((wards[i]["code"], asb_by_ward[i]) for i in range(len(wards))),
            "quoted_comma_rows": n_comma,
            "multiline_quoted_rows": n_multi,
            "utf8_bom": (yy, mm) == BOM_MONTH,
            "trailing_empty_column": trailing,
            "line_endings": "CRLF",
        }
        if rising_baseline is None:
            rising_baseline = []
        if key != RUN_PERIOD:
            rising_baseline.append(n_rise)
            rising_baseline_mean = int(round(sum(rising_baseline) / len(rising_baseline)))

    # ---------------- truth.json ----------------
    window_keys = [mkey(ym) for ym in MONTHS if ym >= WINDOW_START]
    bad_window = dict((k, sum(truth_files[m]["bad_rows"][k] for m in window_keys)) for k in BAD_KINDS)
    bad_all = dict((k, sum(truth_files[m]["bad_rows"][k] for m in truth_files)) for k in BAD_KINDS)
    rise = wards[rise_w]
    truth = {
        "description": "Ground truth for the fictional Kingsmere sample (generated by tools/make_sample.py)",
        "crs": "EPSG:27700",
        "seed": SEED,
        "run_period": RUN_PERIOD,
        "window": {"start": mkey(WINDOW_START), "end": RUN_PERIOD, "months": window_keys},
        "months": [mkey(ym) for ym in MONTHS],
        "borough_bbox": {"min_easting": bbox[0], "min_northing": bbox[1],
                         "max_easting": bbox[2], "max_northing": bbox[3]},
        "borough_area_m2": round(sum(w["area"] for w in wards), 1),
        "wards": [{"ward_code": w["code"], "ward_name": w["name"],
                   "population": pops[w["code"]], "area_m2": round(w["area"], 1),
                   "centroid": [round(w["centroid"][0], 1), round(w["centroid"][1], 1)]}
                  for w in wards],
        "town_centre": {"easting": tc[0], "northing": tc[1], "sigma_m": 150.0,
                        "ward_code": wards[tc_w]["code"], "ward_name": wards[tc_w]["name"],
                        "share_of_asb": 0.30},
        "nte": {"easting": nte[0], "northing": nte[1], "sigma_m": 120.0,
                "ward_code": wards[nte_w]["code"], "ward_name": wards[nte_w]["name"],
                "distance_from_town_centre_m": round(nte_dist, 1),
                "when": "Friday and Saturday nights 21:00-03:00 (00:00-02:59 dated Saturday/Sunday)"},
        "vawg": {"easting": vawg[0], "northing": vawg[1], "sigma_m": 300.0,
                 "ward_code": wards[vawg_w]["code"], "ward_name": wards[vawg_w]["name"]},
        "rising_ward": {"ward_code": rise["code"], "ward_name": rise["name"],
                        "asb_by_month": dict((m, truth_files[m]["planted"]["asb_rising_ward"])
                                             for m in truth_files),
                        "baseline_mean_before_run_period": rising_baseline_mean,
                        "expected_asb_in_run_period": truth_files[RUN_PERIOD]["planted"]["asb_rising_ward"],
                        "note": "No other ASB is generated in this ward; deliberately bad rows are never ASB."},
        "venues": {"file": "venues.csv", "rows": len(venue_rows), "valid": n_good_venues,
                   "town_centre_library": {"venue_id": "V001", "name": venues[0][0],
                                           "easting": venues[0][2][0], "northing": venues[0][2][1],
                                           "distance_to_town_centre_m": round(
                                               math.hypot(venues[0][2][0] - tc[0],
                                                          venues[0][2][1] - tc[1]), 1)},
                   "bad_rows": {"outside_borough": [venue_rows[-2][0]],
                                "missing_coords": [venue_rows[-1][0]]}},
        "incident_files": truth_files,
        "bad_rows_window_total": bad_window,
        "bad_rows_all_total": bad_all,
        "bad_row_notes": {
            "missing_coords": "easting and northing empty",
            "swapped_coords": "easting/northing swapped: valid BNG but far outside the borough",
            "impossible_coords": "easting 9999999.0",
            "bad_date": "occurred_at is '31/31/2025 25:99' or 'not a date'",
            "duplicate_ref": "exact copy of an earlier row in the same file (same incident_ref)",
            "outside_borough": "valid BNG around 518000-522000, 173000-177000: outside every ward",
            "unknown_offence_group": "offence_group 'Fraud' / 'Fraud by false representation': valid row, keep it",
            "too_few_columns": "record with only 5 fields (unparseable)",
        },
        "data_rows_window_total": sum(truth_files[m]["data_rows"] for m in window_keys),
        "data_rows_all_total": sum(truth_files[m]["data_rows"] for m in truth_files),
    }
    with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(truth, indent=2, sort_keys=True) + "\n")

    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(README)


README = """# Kingsmere sample data (fictional)

A small, entirely **fictional** London-like borough, "Kingsmere", in British
National Grid (EPSG:27700) around easting 530000-541000, northing
180000-189000. Ward names, codes, populations, venues and incidents are made
up; any resemblance to real places is coincidental.

Regenerate (deterministic, byte-identical, Python 3 stdlib only):

    python3 tools/make_sample.py

## Files

- `wards.geojson` - 18 ward polygons (`ward_code`, `ward_name`) that tile the
  borough with no gaps or overlaps (shared edges are identical), with a legacy
  `crs` member for EPSG:27700.
- `population.csv` - `ward_code,population`.
- `incidents/YYYY-MM.csv` - 25 monthly extracts, 2023-12 .. 2025-12, CRLF line
  endings; 2023-12 starts with a UTF-8 BOM; 2024-06 has a trailing empty
  column on every line; some `location_desc` values are quoted (commas, and a
  few with embedded newlines and doubled quotes).
- `venues.csv` - candidate venues (one outside the borough, one without
  coordinates).
- `truth.json` - ground truth for tests: planted points, per-file row counts,
  bad-row counts per file and for the window 2024-12..2025-12.

## Planted structure

- ASB hotspot: ~30% of ASB around the town centre (sigma 150 m) in "Kingsmere
  Town"; "Kingsmere Town Centre Library" is within 100 m of it.
- Night-time-economy violence cluster (sigma 120 m) ~1.25 km away, Friday and
  Saturday nights 21:00-03:00.
- VAWG: domestic-abuse-flagged violence and stalking concentrated (sigma
  300 m) in a residential ward.
- Rising ward: ASB in one ward is about 3x its usual level in 2025-12 only.
- Streets (`location_desc`): named streets on a 250 m lattice; a row with
  coordinates is on the nearer one ("On or near High Street", "Near Mill
  Road"; a kind of place with its street, "Near supermarket, Mill Road"). The
  town centre lies where High Street crosses Market Square, the night-time
  economy on Kings Parade. Rows without coordinates keep a random street.
- Background: everything else spread over the borough, mildly weighted to ward
  centres.
- Deliberately bad rows (missing/swapped/impossible coordinates, bad dates,
  duplicate refs, points outside the borough, an unknown "Fraud" group, too
  few columns), counted exactly in `truth.json`.
"""

if __name__ == "__main__":
    main()
