#include "app/report/report_style.hpp"

namespace hotspot {

// The page area is 273 x 190 mm; the fixed header and footer take 7 mm each
// inside it, so a page's own content has 176 mm: a heading and a map of at
// most kMapMaxHeight fit, with the key figures and top-10 table beside it.
const char* const kReportCss = R"(
@page { size: A4 landscape; margin: 10mm 12mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt "DejaVu Sans", Arial, sans-serif; color: #333; }
}
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; color: #1b1b1b; margin: 0 auto; max-width: 273mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 13pt; border-bottom: 2px solid #444; margin: 0 0 3mm; }
h3 { font-size: 10pt; margin: 2mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 8pt; }
th, td { border: 1px solid #bbb; padding: 0.6mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #eceff1; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.rag { display: inline-block; min-width: 10mm; text-align: center; border-radius: 2mm; padding: 0 1.2mm; font-weight: bold; }
.rag-red { background: #d73027; color: #fff; } .rag-amber { background: #fdae61; } .rag-green { background: #1a9850; color: #fff; }
.rag-none { background: #ccc; }
.warn { border-left: 4px solid #d73027; background: #fff4f2; padding: 1.5mm 3mm; margin: 1.5mm 0; }
.marking { font-weight: bold; letter-spacing: 0.05em; }
.page-head, .page-foot { display: flex; justify-content: space-between; gap: 4mm; font-size: 8pt; color: #333; }
.page-head { border-bottom: 1px solid #999; padding-bottom: 1mm; margin-bottom: 3mm; }
.page-foot { border-top: 1px solid #999; padding-top: 1mm; margin-top: 4mm; }
.page { padding: 2mm 0; }
.theme-body { display: flex; gap: 5mm; align-items: flex-start; }
.theme-body svg.map { flex: none; border: 1px solid #ccc; }
.theme-map { flex: none; width: min-content; } .theme-map p { margin: 1mm 0; }
.theme-side { flex: 1; min-width: 0; }
.theme-side p { margin: 1mm 0; }
.theme-side h3:first-child { margin-top: 0; }
table.hotspots { font-size: 7.5pt; } table.hotspots td, table.hotspots th { padding: 0.4mm 1mm; }
table.hotspots { table-layout: fixed; } table.hotspots th:first-child { width: 37%; }
table.hotspots th.space-time { width: 25%; } table.hotspots th.count { width: 11%; }
table.hotspots th.change { width: 11%; } table.hotspots th.months { width: 16%; }
.unnumbered, p.risk { font-size: 7.5pt; }
table.wards { font-size: 7.5pt; }
.legend { list-style: none; padding: 0; margin: 1mm 0 2mm; font-size: 8pt; columns: 2; }
.legend li { display: flex; align-items: center; gap: 1.5mm; margin: 0.5mm 0; break-inside: avoid; }
.legend svg { flex: none; }
.method-note { font-size: 7.5pt; }
.change-row { display: flex; gap: 3mm; align-items: flex-start; } .change-row svg.map { flex: none; border: 1px solid #ccc; }
.change-row .legend { columns: 2; font-size: 7.5pt; margin: 0; flex: 1; } .theme-map h3.change-heading { margin: 1.5mm 0 0.5mm; font-size: 8.5pt; }
.cover-columns { display: grid; grid-template-columns: 2fr 3fr; gap: 0 6mm; }
.key-changes ol, .exceptions ul { margin: 1mm 0; padding-left: 5mm; font-size: 7.5pt; } .key-changes li, .exceptions li { margin: 0.3mm 0; }
.cover h2 { font-size: 11pt; margin-bottom: 1.5mm; } .cover table.summary { margin-bottom: 1.5mm; }
.exceptions ul { list-style: none; padding-left: 0; } .exceptions .rag { min-width: 9mm; font-size: 7pt; }
p.more { font-size: 7.5pt; margin: 1mm 0; } p.contents { font-size: 8pt; margin: 1mm 0; }
table.forward-plan { font-size: 7.5pt; } table.forward-plan th:nth-child(1) { width: 19mm; }
table.forward-plan th:nth-child(2) { width: 18mm; } table.forward-plan th:nth-child(6) { width: 45%; }
.halves { display: flex; gap: 4mm; align-items: flex-start; } .halves table { flex: 1; }
ul.outputs { columns: 5; font-size: 7pt; padding-left: 4mm; margin: 1mm 0; }
table.files { font-size: 7pt; } table.files td, table.files th { padding: 0.2mm 1mm; }
table.programme th:nth-child(1) { width: 5mm; } table.programme th:nth-child(2) { width: 38mm; }
table.programme th:nth-child(3), table.programme th:nth-child(4) { width: 22mm; }
table.programme { font-size: 7.5pt; margin-bottom: 1.5mm; } table.programme td, table.programme th { padding: 0.3mm 1mm; }
.trend-grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2mm 4mm; }
figure.trend { margin: 0; } figure.trend svg { width: 100%; height: auto; }
table.hours { font-size: 7pt; table-layout: fixed; } table.hours td, table.hours th { padding: 0.3mm 0.5mm; }
table.hours th:first-child { width: 9mm; } table.repeats { font-size: 7.5pt; width: auto; }
.when-where h3 { margin-top: 3mm; } .when-where { break-inside: avoid; }
.when-where-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; }
.appendix { font-size: 8pt; } .appendix ul { margin: 1mm 0; } .appendix li { margin: 0.3mm 0; }
@media print {
  a { color: inherit; text-decoration: none; }
  body { max-width: none; }
  .page-head { position: fixed; top: 0; left: 0; right: 0; margin: 0; background: #fff; }
  .page-foot { position: fixed; bottom: 0; left: 0; right: 0; margin: 0; background: #fff; }
  .page { break-before: page; break-inside: avoid; padding: 9mm 0 9mm; }
  .page:first-of-type { break-before: auto; }
  table, tr, .theme-body, .legend, figure { break-inside: avoid; }
}
)";

}  // namespace hotspot
