// Prints report.html through Debian's Chromium to A4 PDF and reads the PDF
// back with poppler (pdfinfo, pdftotext), as a reader of the printed pack would:
//   - the page count is the number of themes plus the fixed pages (summary,
//     wards, venues when planned, data quality, appendix), once printed as any
//     browser prints it and once with Chromium's own header and footer;
//   - no page is blank or holds only a heading;
//   - the protective marking is on every page (header and footer), with the
//     production date, the data period and "Page i of n";
//   - on every map no two text labels overlap and no map text prints below 7 pt;
//   - every legend swatch has the colour and opacity of what it stands for.
// Usage: node report_print_test.mjs sample OUTPUT_DIR ARTEFACT_DIR
//        node report_print_test.mjs havering HOTSPOT_BINARY SOURCE_DIR ARTEFACT_DIR
// Exit 77 means skipped (ctest SKIP_RETURN_CODE).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const skip = (why) => { console.log("SKIPPED: " + why); process.exit(77); };
const browserPath = "/usr/bin/chromium";
if (!existsSync(browserPath)) skip("Chromium is not installed (tools/setup.sh installs the chromium package)");
for (const tool of ["pdfinfo", "pdftotext"])
  try { execFileSync(tool, ["-v"], { stdio: "ignore" }); } catch (e) {
    if (e.code === "ENOENT") skip(`${tool} is not installed (tools/setup.sh installs poppler-utils)`);
  }
let chromium;
try { ({ chromium } = await import("playwright-core")); } catch {
  skip("playwright-core is not installed in tests/pack (tools/setup.sh runs npm ci there)");
}

const [mode, ...args] = process.argv.slice(2);
let outDir, artefacts, cleanup = null;
if (mode === "sample") {
  [outDir, artefacts] = args;
} else if (mode === "havering") {
  const [binary, source, art] = args;
  artefacts = art;
  const data = process.env.HOTSPOT_SHARED_DATA || join(dirname(resolve(source)), "shared", "data");
  if (!existsSync(join(data, "README.md"))) skip(`${data} is absent (the shared data is not beside the clone)`);
  cleanup = mkdtempSync(join(tmpdir(), "hotspot-print-"));
  // A context layer made here: two named roads across the borough, in WGS84,
  // so the run reprojects, clips and labels them.
  const road = (name, coords) => ({ type: "Feature", properties: { name }, geometry: { type: "LineString", coordinates: coords } });
  writeFileSync(join(cleanup, "roads.geojson"), JSON.stringify({ type: "FeatureCollection", features: [
    road("Test Road North", [[0.12, 51.60], [0.20, 51.59], [0.30, 51.585]]),
    road("Test Road South", [[0.15, 51.53], [0.22, 51.545], [0.32, 51.55]]),
  ] }));
  writeFileSync(join(cleanup, "havering.toml"), `[run]
area_name = "Havering"
period = "2017-04"
output = "out"
taxonomy = "${resolve(source)}/data/themes/police-uk.toml"
[wards]
path = "${data}/boundaries/london-wards-2014/London_Ward.shp"
where = "BOROUGH = 'Havering'"
code_field = "GSS_CODE"
name_field = "NAME"
[[incidents]]
format = "police_uk"
paths = ["${data}/police-uk/havering/*.csv"]
[report]
marking = "OFFICIAL-SENSITIVE"
[context]
path = "roads.geojson"
label_field = "name"
kind = "roads"
`);
  execFileSync(binary, ["run", join(cleanup, "havering.toml"), "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
  outDir = join(cleanup, "out");
} else {
  console.log("usage: report_print_test.mjs sample OUT ARTEFACTS | havering BINARY SOURCE ARTEFACTS");
  process.exit(2);
}
mkdirSync(artefacts, { recursive: true });

const failures = [];
const browser = await chromium.launch({
  executablePath: browserPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic"],
});
// The viewport is the printed page area (A4 landscape less 12 mm and 10 mm margins), so
// what is measured below is laid out as it prints.
const pxPerMm = 96 / 25.4;
const page = await browser.newPage({ viewport: { width: Math.round(273 * pxPerMm), height: Math.round(190 * pxPerMm) } });
await page.goto("file://" + resolve(outDir, "report.html"), { waitUntil: "load" });
await page.emulateMedia({ media: "print" });

// What the report says it holds, and how its maps print (CSS px: 96 a inch).
const facts = await page.evaluate(() => {
  const pxPerPt = 96 / 72, pxPerMm = 96 / 25.4;
  const maps = [...document.querySelectorAll("svg.map")].map((svg) => {
    const texts = [...svg.querySelectorAll("text")].map((t) => {
      const r = t.getBoundingClientRect();
      const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
      return { text: t.textContent, box: [r.left, r.top, r.right, r.bottom], pt: px / pxPerPt };
    });
    const overlaps = [], small = [];
    for (let i = 0; i < texts.length; ++i) {
      if (texts[i].pt < 7 - 1e-6) small.push(`${texts[i].text} (${texts[i].pt.toFixed(2)} pt)`);
      for (let j = i + 1; j < texts.length; ++j) {
        const [a, b] = [texts[i].box, texts[j].box];
        if (a[0] < b[2] - 0.25 && b[0] < a[2] - 0.25 && a[1] < b[3] - 0.25 && b[1] < a[3] - 0.25)
          overlaps.push(`"${texts[i].text}" and "${texts[j].text}"`);
      }
    }
    const count = (sel) => svg.querySelectorAll(sel).length;
    return { label: svg.getAttribute("aria-label"), change: svg.classList.contains("change-map"), texts: texts.length,
             overlaps, small,
             hotspotIds: count("text.hotspot-id"), wardNames: count("text.ward-name"), venueIds: count("text.venue-id"),
             contextNames: count("text.context-name"), context: count(".context") };
  });
  // Legend swatches against the map's own elements, within the same theme page.
  const swatches = [];
  for (const section of document.querySelectorAll("section.theme")) {
    for (const sw of section.querySelectorAll("svg.swatch[data-style]")) {
      const key = sw.dataset.style, shown = getComputedStyle(sw.lastElementChild);
      const drawn = section.querySelector(`svg.map .${key}`);
      if (!drawn) { swatches.push(`${section.id}: legend shows ${key}, the map has none`); continue; }
      const d = getComputedStyle(drawn);
      const props = d.fill === "none" ? ["stroke", "stroke-width", "stroke-dasharray"]
                                      : ["fill", "fill-opacity", "stroke", "stroke-width"];
      for (const p of props)
        if (d.getPropertyValue(p) !== shown.getPropertyValue(p))
          swatches.push(`${section.id} ${key}: ${p} is ${d.getPropertyValue(p)} on the map, ${shown.getPropertyValue(p)} in the legend`);
    }
  }
  // Each map numbers the hotspots its table lists, with the same numbers.
  const numbering = [];
  for (const section of document.querySelectorAll("section.theme")) {
    const onMap = [...section.querySelectorAll("svg.map text.hotspot-id")].map((t) => t.textContent).sort();
    const inTable = [...section.querySelectorAll("table.hotspots tr[data-id] td:first-child")]
      .map((td) => /^Hotspot (\d+)/.exec(td.textContent)[1]).sort();
    if (onMap.join() !== inTable.join())
      numbering.push(`${section.id}: the map numbers [${onMap}], the table lists [${inTable}]`);
  }
  // Each page section must fit the printed page area less the fixed header and footer.
  const tall = [...document.querySelectorAll("section.page")]
    .map((s) => ({ id: s.id || s.querySelector("h1, h2")?.textContent, mm: s.getBoundingClientRect().height / pxPerMm }))
    .filter((s) => s.mm > 190 + 0.5);
  return {
    pages: document.querySelectorAll("section.page").length,
    themes: document.querySelectorAll("table.summary tr[data-theme]").length,
    plans: document.querySelectorAll("table.programme").length,
    events: document.querySelectorAll("table.forward-plan tr[data-event]").length,
    planPages: document.querySelectorAll("section.roadshow-plan").length,
    venuePages: document.querySelectorAll("section.venues").length,
    inputFiles: document.querySelectorAll("section.input-files table.files tr:not(:first-child)").length,
    filePages: document.querySelectorAll("section.input-files").length,
    wardRows: document.querySelectorAll("section.wards table.wards tr[data-ward]").length,
    wardPages: document.querySelectorAll("section.wards").length,
    whenWhereBlocks: document.querySelectorAll("div.when-where").length,
    whenWherePages: document.querySelectorAll("section.when-where-page").length,
    hourGrids: document.querySelectorAll("table.hours").length,
    marking: document.querySelector(".page-head .marking").textContent,
    produced: document.querySelector(".page-head span:last-child").textContent,
    maps, swatches, tall, numbering,
  };
});

// Summary, data quality, appendix A (two pages: method and files; measures and glossary), and the wards 24 rows a page, the venue
// programme two plans a page and appendix B's input files sixty a page.
const venuePages = Math.ceil(facts.plans / 2), filePages = Math.max(1, Math.ceil(facts.inputFiles / 60));
const wardPages = Math.ceil(facts.wardRows / 24);
// and the trend charts, six themes a page; when and where, two base themes a
// page with hour grids, six without.
const trendPages = Math.ceil(facts.themes / 6);
const whenWherePages = Math.ceil(facts.whenWhereBlocks / (facts.hourGrids > 0 ? 2 : 6));
if (facts.whenWherePages !== whenWherePages)
  failures.push(`${facts.whenWhereBlocks} when-and-where themes on ${facts.whenWherePages} pages, expected ${whenWherePages}`);
// and the roadshow plan, twelve events a page, when a forward plan is configured.
const planPages = facts.planPages > 0 ? Math.max(1, Math.ceil(facts.events / 12)) : 0;
if (facts.planPages !== planPages) failures.push(`${facts.events} roadshow events on ${facts.planPages} pages, expected 12 a page`);
const fixedPages = 4 + trendPages + whenWherePages + wardPages + venuePages + planPages + filePages;
if (facts.wardPages !== wardPages) failures.push(`${facts.wardRows} ward rows on ${facts.wardPages} pages, expected 24 a page`);
if (facts.venuePages !== venuePages) failures.push(`${facts.plans} venue plans on ${facts.venuePages} pages, expected two a page`);
if (facts.filePages !== filePages) failures.push(`${facts.inputFiles} input files on ${facts.filePages} pages, expected 60 a page`);
if (facts.pages !== facts.themes + fixedPages)
  failures.push(`the report has ${facts.pages} page sections, expected ${facts.themes} themes + ${fixedPages} fixed pages`);
// A hotspot map and a ward change map per theme.
const hotspotMaps = facts.maps.filter((m) => !m.change), changeMaps = facts.maps.filter((m) => m.change);
if (hotspotMaps.length !== facts.themes) failures.push(`${hotspotMaps.length} maps for ${facts.themes} themes`);
if (changeMaps.length !== facts.themes) failures.push(`${changeMaps.length} change maps for ${facts.themes} themes`);
for (const m of facts.maps) {
  if (m.overlaps.length) failures.push(`${m.label}: overlapping labels ${m.overlaps.join(", ")}`);
  if (m.small.length) failures.push(`${m.label}: text below 7 pt: ${m.small.join(", ")}`);
  if (!m.change && m.wardNames < 1) failures.push(`${m.label}: no ward name on the map`);
}
failures.push(...facts.swatches, ...facts.numbering);
for (const t of facts.tall) failures.push(`page "${t.id}" is ${t.mm.toFixed(0)} mm tall; the page holds 190 mm`);

// Prints as any browser would (the page's own header and footer), and with
// Chromium's print header and footer as well.
const plainPdf = resolve(artefacts, `report-${mode}.pdf`), framedPdf = resolve(artefacts, `report-${mode}-framed.pdf`);
await page.pdf({ path: plainPdf, preferCSSPageSize: true, printBackground: true });
await page.pdf({
  path: framedPdf, preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true,
  headerTemplate: `<div style="font-size:8pt;width:100%;text-align:center"><b>${facts.marking}</b></div>`,
  footerTemplate: `<div style="font-size:8pt;width:100%;padding-left:12mm"><b>${facts.marking}</b> &middot; ` +
                  `<span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
});
await browser.close();

const pageCount = (pdf) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())[1]);
const pageText = (pdf, i) => execFileSync("pdftotext", ["-f", `${i}`, "-l", `${i}`, "-layout", pdf, "-"]).toString();
const expected = facts.themes + fixedPages;
for (const pdf of [plainPdf, framedPdf]) {
  const n = pageCount(pdf);
  if (n !== expected) failures.push(`${pdf}: ${n} pages, expected ${expected} (${facts.themes} themes + ${fixedPages})`);
  let inAppendix = false;
  for (let i = 1; i <= n; ++i) {
    const text = pageText(pdf, i);
    // Plain words: the measures' names only in the appendix.
    inAppendix = inAppendix || text.includes("Appendix A");
    if (!inAppendix && /\bPAI\b|z-score|hit rate/.test(text)) failures.push(`${pdf} page ${i}: PAI, z-score or hit rate before the appendix`);
    const markings = text.split(facts.marking).length - 1;
    if (markings < 2) failures.push(`${pdf} page ${i}: the marking ${facts.marking} appears ${markings} time(s), not in header and footer`);
    if (!text.includes(`Page ${i} of ${n}`)) failures.push(`${pdf} page ${i}: no "Page ${i} of ${n}"`);
    if (!text.includes(facts.produced)) failures.push(`${pdf} page ${i}: no "${facts.produced}"`);
    if (!text.includes("Data: ")) failures.push(`${pdf} page ${i}: no data period`);
    // What is left once the running header and footer are taken away.
    const own = text.split("\n").filter((l) => l.trim() && !l.includes(facts.marking) && !/Page \d+ of \d+/.test(l) &&
                                            !l.includes(facts.produced) && !l.includes("Data: "));
    if (own.length < 4 || own.join("").replace(/\s+/g, "").length < 120)
      failures.push(`${pdf} page ${i} is blank or holds only a heading: ${JSON.stringify(own.slice(0, 3))}`);
  }
}
if (cleanup) rmSync(cleanup, { recursive: true, force: true });

const labels = hotspotMaps.map((m) => `${m.texts} (${m.hotspotIds} hotspot, ${m.venueIds} venue, ${m.wardNames} ward, ` +
                                      `${m.contextNames} context)`).join("; ");
if (mode === "havering" && !facts.maps.some((m) => m.context > 0 && m.contextNames > 0))
  failures.push("the context layer is not drawn and labelled on the Havering maps");
if (failures.length) {
  console.log("FAILED:\n" + failures.join("\n"));
  process.exit(1);
}
console.log(`ok: ${mode}: ${expected} pages (${facts.themes} themes + ${fixedPages}), marking "${facts.marking}" on every ` +
            `page, ${facts.maps.length} maps with labels ${labels}, no overlaps, none below 7 pt; PDFs in ${artefacts}`);
