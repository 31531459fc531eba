#pragma once
// The report's stylesheet: screen, and print on A4 landscape with one theme
// a page. Page numbers come from @page margin boxes (Chromium 131+); the
// marking, date and period from fixed header and footer elements, which every
// browser repeats on each printed page.
namespace hotspot {

// Printed sizes the report's layout is built around (mm).
inline constexpr double kMapMaxWidth = 145;  // leaves the key figures and table 123 mm
inline constexpr double kMapMaxHeight = 150;

extern const char* const kReportCss;

}  // namespace hotspot
