// Opens report.html in Debian's Chromium through playwright-core and checks:
// no network request other than the file itself, no console error, it prints
// to A4 landscape PDF; keeps a screenshot and the PDF as test artefacts.
// Usage: node report_browser_test.mjs OUTPUT_DIR ARTEFACT_DIR
import { existsSync, mkdirSync, statSync } from "node:fs";
import { resolve } from "node:path";

const [outDir, artefacts] = process.argv.slice(2);
const browserPath = "/usr/bin/chromium";
if (!existsSync(browserPath)) {
  console.log("SKIPPED: Chromium is not installed (tools/setup.sh installs the chromium package)");
  process.exit(77);
}
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  console.log("SKIPPED: playwright-core is not installed in tests/pack (tools/setup.sh runs npm ci there)");
  process.exit(77);
}
mkdirSync(artefacts, { recursive: true });
const report = resolve(outDir, "report.html");
const url = "file://" + report;

const browser = await chromium.launch({
  executablePath: browserPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const requests = [], problems = [];
page.on("request", (r) => { if (r.url() !== url) requests.push(r.url()); });
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`); });
page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
await page.goto(url, { waitUntil: "load" });

const facts = await page.evaluate(() => ({
  title: document.title,
  svgs: document.querySelectorAll("svg.map").length,
  summaryRows: document.querySelectorAll("table.summary tr[data-theme]").length,
  scaleBars: document.querySelectorAll("svg g.scale").length,
  northArrows: document.querySelectorAll("svg g.north").length,
}));
await page.screenshot({ path: resolve(artefacts, "report.png"), fullPage: false });
await page.emulateMedia({ media: "print" });
await page.pdf({ path: resolve(artefacts, "report.pdf"), format: "A4", landscape: true, preferCSSPageSize: true });
await browser.close();

const failures = [];
if (requests.length) failures.push(`network requests attempted: ${requests.join(", ")}`);
if (problems.length) failures.push(`console: ${problems.join(" | ")}`);
if (facts.svgs < 1 || facts.scaleBars !== facts.svgs || facts.northArrows !== facts.svgs)
  failures.push(`maps need a scale bar and north arrow each: ${JSON.stringify(facts)}`);
if (facts.summaryRows < 1) failures.push("no summary rows");
if (statSync(resolve(artefacts, "report.pdf")).size < 10000) failures.push("the PDF is suspiciously small");
if (failures.length) {
  console.log("FAILED:\n" + failures.join("\n"));
  process.exit(1);
}
console.log(`ok: ${facts.svgs} maps, ${facts.summaryRows} themes, no requests, no console errors; artefacts in ${artefacts}`);
