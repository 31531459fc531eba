// report.html on the sample with a context layer made here (named roads in
// WGS84, one of them off the map): the roads are reprojected, cut to the map
// and named; every page carries the marking and production date; each map
// numbers the hotspots its table lists and letters the venues V1, V2, ...;
// the legend's hotspot swatch has the map's own fill and opacity.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "geo/crs_transform.hpp"
#include "io/label_placer.hpp"
#include "test_support.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = 0; (p = text.find(what, p)) != std::string::npos; p += what.size()) ++n;
  return n;
}

// The text between `open` (after it) and the next `close`, from `from`.
std::string between(const std::string& text, const std::string& open, const std::string& close, std::size_t from = 0) {
  const std::size_t a = text.find(open, from);
  if (a == std::string::npos) return "";
  const std::size_t b = text.find(close, a + open.size());
  return text.substr(a + open.size(), b - a - open.size());
}

// A GeoJSON line in lon/lat from points in British National Grid.
std::string road(const std::string& name, std::vector<std::pair<double, double>> bng) {
  const CrsTransform to_wgs84("EPSG:27700", "EPSG:4326");
  std::string coords;
  for (auto& [x, y] : bng) {
    to_wgs84.apply(x, y);
    coords += fmt::format("{}[{:.7f},{:.7f}]", coords.empty() ? "" : ",", x, y);
  }
  return fmt::format(R"({{"type":"Feature","properties":{{"name":"{}"}},"geometry":{{"type":"LineString","coordinates":[{}]}}}})",
                     name, coords);
}

OGREnvelope sample_extent() {
  GDALDatasetUniquePtr wards(GDALDataset::Open((test::source_dir() / "data/sample/wards.geojson").c_str(), GDAL_OF_VECTOR));
  REQUIRE(wards);
  OGREnvelope e;
  REQUIRE(wards->GetLayer(0)->GetExtent(&e) == OGRERR_NONE);
  return e;
}

fs::path write_sample_config(const test::TempDir& dir, const std::string& extra) {
  return test::sample_config_copy(dir, extra);
}

// The sample's config with a context layer of roads and report options.
fs::path write_config(const test::TempDir& dir) {
  const OGREnvelope e = sample_extent();
  const double midy = (e.MinY + e.MaxY) / 2;
  test::write_text(dir / "roads.geojson",
                   "{\"type\":\"FeatureCollection\",\"features\":[" +
                       road("High Street", {{e.MinX - 500, midy}, {(e.MinX + e.MaxX) / 2, midy + 200}, {e.MaxX + 500, midy}}) +
                       "," + road("Canal Way", {{e.MinX, e.MinY}, {e.MaxX, e.MaxY}}) + "," +
                       road("Outside Lane", {{e.MaxX + 3000, e.MinY}, {e.MaxX + 3000, e.MaxY}}) + "]}");
  return write_sample_config(dir, "\n[report]\nmarking = \"OFFICIAL-SENSITIVE\"\n[context]\npath = \"roads.geojson\"\n"
                                  "label_field = \"name\"\n");
}

}  // namespace

TEST_CASE("report: context roads, marking and date on every page, hotspot numbers as in the tables", "[report]") {
  test::TempDir dir("report");
  const fs::path cfg = write_config(dir);
  const int rc = test::run_hotspot("run '" + cfg.string() + "' --quiet --report-date 2026-01-15 --out '" +
                                       (dir / "out").string() + "'", dir / "log");
  INFO(test::read_text(dir / "log"));
  REQUIRE(rc == 0);
  const std::string html = test::read_text(dir / "out/report.html");
  // asb, hate (no hotspots), vawg, violence and the default windows' violence_nte and asb_after_school
  const std::size_t themes = 6;
  REQUIRE(count(html, "<section class=\"page theme\"") == themes);
  // Summary, trends (six themes a page), 6 themes, when and where (4 base themes, two a page with their
  // hour grids), wards, venues (4 plans, two a page), the roadshow plan (5 events), data quality, appendix A
  // (method and files; measures and glossary) and B.
  CHECK(count(html, "<section class=\"page") == 18);
  CHECK(count(html, "<section class=\"page when-where-page\"") == 2);
  CHECK(count(html, "<table class=\"hours\"") == 4);
  // The top five repeat locations of each theme with any, as repeat_locations.csv lists them.
  CHECK(count(html, "<table class=\"repeats\"") == 2);
  CHECK(count(html, "<figure class=\"trend\">") == themes);

  // The two roads that cross the sample, on every theme map, named; the one off the map is cut away.
  CHECK(count(html, "<path class=\"context\"") == 2 * themes);
  CHECK(html.find("Outside Lane") == std::string::npos);
  // Named sparingly: each road at most once a map, and each on some map.
  CHECK(count(html, ">High Street</tspan>") >= 1);
  CHECK(count(html, ">Canal Way</tspan>") >= 1);
  CHECK(count(html, ">High Street</tspan>") + count(html, ">Canal Way</tspan>") <= 2 * themes);
  CHECK(count(html, "data-style=\"context\"") == themes);

  // The running header and footer: marking and production date (the CLI's, not the clock's).
  CHECK(count(html, "<span class=\"marking\">OFFICIAL-SENSITIVE</span>") == 2);
  CHECK(count(html, "Produced 2026-01-15") == 3);  // and on the summary page
  CHECK(html.find("Data: 2025-12 (2025-12)") != std::string::npos);

  // Each map numbers exactly the hotspots its table lists, and letters the venues.
  for (std::size_t from = 0; (from = html.find("<section class=\"page theme\"", from)) != std::string::npos;) {
    const std::size_t end = html.find("</section>", from);
    const std::string page = html.substr(from, end - from);
    std::set<std::string> on_map, in_table;
    for (std::size_t p = 0; (p = page.find("class=\"hotspot-id\"", p)) != std::string::npos; ++p)
      on_map.insert(between(page, "\">", "</tspan>", page.find("<tspan", p)));
    for (std::size_t p = 0; (p = page.find("<tr data-id=", p)) != std::string::npos; ++p)
      in_table.insert(between(page, "<td>Hotspot ", " \u2014", p));
    const std::string theme = between(page, "id=\"theme-", "\"");
    INFO(theme);
    CHECK_FALSE(in_table.empty());  // forecast hotspots are never dropped for being small
    CHECK(on_map == in_table);
    // hate has no programme, and time windows get none by default
    if (theme == "hate" || theme == "violence_nte" || theme == "asb_after_school") {
      from = end;
      continue;
    }
    CHECK(count(page, "class=\"venue-id\"") == 5);  // the programme's k
    CHECK(count(page, ">V1</tspan>") == 1);
    // The legend's hotspot swatch is drawn with the map's own style.
    const std::string map_style = between(page, "<path class=\"hotspot\" d=\"", " fill-rule");
    const std::string swatch = between(page, "data-style=\"hotspot\"", "</svg>");
    const std::string style = map_style.substr(map_style.find("\" ") + 2);
    CHECK(style == "fill=\"#f03b20\" fill-opacity=\"0.55\" stroke=\"#a50f15\" stroke-width=\"0.9\" stroke-linejoin=\"round\"");
    CHECK(swatch.find(style) != std::string::npos);
    from = end;
  }
  // The programme table uses the maps' V numbers.
  CHECK(html.find("<td>V1</td>") != std::string::npos);
}

TEST_CASE("report: a water context layer is repaired, filled and named, with its swatch in every legend", "[report]") {
  test::TempDir dir("report-water");
  const OGREnvelope e = sample_extent();
  const double x = (e.MinX + e.MaxX) / 2 + 1500, y = (e.MinY + e.MaxY) / 2 - 1500;
  // British National Grid, named in the file: read as it says, no reprojection.
  test::write_text(dir / "water.geojson",
                   fmt::format(R"({{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::27700"}}}},
"features":[{{"type":"Feature","properties":{{"label":"Kings Lake"}},"geometry":{{"type":"Polygon","coordinates":[[[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}],[{0},{1}]]]}}}},
{{"type":"Feature","properties":{{"label":""}},"geometry":{{"type":"Polygon","coordinates":[[[{0},{4}],[{2},{5}],[{2},{4}],[{0},{5}],[{0},{4}]]]}}}}]}})",
                               x, y, x + 2000, y + 1200, y - 2000, y - 1500));
  const fs::path cfg = write_sample_config(dir, "\n[context]\npath = \"water.geojson\"\nlabel_field = \"label\"\nkind = \"water\"\n");
  const int rc = test::run_hotspot("run '" + cfg.string() + "' --quiet --out '" + (dir / "out").string() + "'", dir / "log");
  INFO(test::read_text(dir / "log"));
  REQUIRE(rc == 0);
  const std::string html = test::read_text(dir / "out/report.html");
  const std::string water = "fill=\"#cfe3f3\" stroke=\"#7fa9d1\" stroke-width=\"0.4\"";
  // A lake and a bow-tie pond (invalid, repaired) on each of the six maps, and in each legend.
  CHECK(count(html, "<path class=\"context\"") == 12);
  CHECK(count(html, water) == 18);
  CHECK(count(html, ">Kings Lake</tspan>") >= 1);
  CHECK(count(html, ">Water</li>") == 6);
}

namespace {

// The polygon a map path draws ("M x,y L x,y ... Z", possibly several rings), in map mm.
std::unique_ptr<OGRGeometry> path_polygon(const std::string& d) {
  OGRMultiPolygon out;
  std::vector<std::pair<double, double>> ring;
  const auto close = [&] {
    if (ring.size() < 3) return;
    OGRLinearRing r;
    for (const auto& [x, y] : ring) r.addPoint(x, y);
    r.closeRings();
    OGRPolygon p;
    p.addRing(&r);
    out.addGeometry(&p);
    ring.clear();
  };
  for (std::size_t i = 0; i < d.size();) {
    const char c = d[i];
    if (c == 'Z') {
      close();
      ++i;
      continue;
    }
    if (c == 'M') close();
    char* end = nullptr;
    const double x = std::strtod(d.c_str() + i + 1, &end);
    const double y = std::strtod(end + 1, &end);
    ring.emplace_back(x, y);
    i = static_cast<std::size_t>(end - d.c_str());
  }
  close();
  // Rings as drawn (even-odd): their union is close enough for a covering test.
  std::unique_ptr<OGRGeometry> merged(out.UnionCascaded());
  return merged ? std::move(merged) : std::unique_ptr<OGRGeometry>(out.clone());
}

}  // namespace

TEST_CASE("report maps at A4: numbers beside their hotspots, never on them, and the ward of every hotspot named",
          "[report][maps]") {
  const std::string html = test::read_text(test::sample_pack() / "report.html");
  int pages = 0, numbers = 0;
  for (std::size_t from = 0; (from = html.find("<section class=\"page theme\"", from)) != std::string::npos;) {
    const std::size_t end = html.find("</section>", from);
    const std::string page = html.substr(from, end - from);
    from = end;
    const std::string theme = between(page, "id=\"theme-", "\"");
    INFO(theme);
    ++pages;
    // Each hotspot's outline, by its number (its <title>: "Hotspot N — ...").
    std::map<std::string, std::unique_ptr<OGRGeometry>> outline;
    for (std::size_t p = 0; (p = page.find("<path class=\"hotspot\" d=\"", p)) != std::string::npos; ++p) {
      const std::string d = between(page, "d=\"", "\"", p);
      const std::string title = between(page, "<title>Hotspot ", " \u2014", p);
      outline[title] = path_polygon(d);
    }
    // The ward names on the map, a two-line name joined.
    std::string ward_names;
    for (std::size_t p = 0; (p = page.find("<text class=\"ward-name\"", p)) != std::string::npos; ++p) {
      const std::string text = between(page, ">", "</text>", page.find("<tspan", p) - 1);
      std::string joined;
      // Appended step by step: GCC 12 -Wrestrict misfires on "..." + string&&.
      for (std::size_t t = 0; (t = text.find("<tspan", t)) != std::string::npos; ++t) {
        if (!joined.empty()) joined += ' ';
        joined += between(text, "\">", "</tspan>", t);
      }
      ward_names.append("|").append(joined).append("|");
    }
    for (std::size_t p = 0; (p = page.find("<text class=\"hotspot-id\"", p)) != std::string::npos; ++p) {
      const std::size_t span = page.find("<tspan", p);
      const double x = std::stod(between(page, "x=\"", "\"", span)), y = std::stod(between(page, "y=\"", "\"", span));
      const std::string number = between(page, "\">", "</tspan>", span);
      INFO("hotspot " << number);
      REQUIRE(outline.count(number));
      // Its box (as the placer measures it, with the outline's half width) is off its own hotspot.
      const Box b = text_box(x, y, number, 3.2, true, "middle");
      OGRPolygon box;
      OGRLinearRing r;
      r.addPoint(b.x0 - 0.45, b.y0 - 0.45), r.addPoint(b.x1 + 0.45, b.y0 - 0.45), r.addPoint(b.x1 + 0.45, b.y1 + 0.45),
          r.addPoint(b.x0 - 0.45, b.y1 + 0.45);
      r.closeRings();
      box.addRing(&r);
      CHECK_FALSE(outline.at(number)->Intersects(&box));
      ++numbers;
      // The ward holding it ("(Kingsmere Town)" at the end of its table label) is named on the map.
      const std::size_t row = page.find("<td>Hotspot " + number + " \u2014");
      REQUIRE(row != std::string::npos);
      const std::string label = between(page, "<td>", "</td>", row);
      const std::string ward = label.substr(label.rfind('(') + 1, label.rfind(')') - label.rfind('(') - 1);
      INFO(label);
      CHECK(ward_names.find("|" + ward + "|") != std::string::npos);
    }
  }
  CHECK(pages == 6);
  CHECK(numbers >= 6 * 10);  // the top kde.numbered (12) on each map, or as many as a theme has
}

namespace {

// A CSV file's rows, each a map from column name to cell (quoted cells as written, quotes removed).
std::vector<std::map<std::string, std::string>> read_csv(const fs::path& path) {
  const std::string text = test::read_text(path);
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell), cell.clear();
    } else if (c == '\n') {
      rows.back().push_back(cell), cell.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (!cell.empty() || !rows.back().empty()) rows.back().push_back(cell);
  while (!rows.empty() && rows.back().empty()) rows.pop_back();
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> m;
    for (std::size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) m[rows[0][c]] = rows[r][c];
    out.push_back(m);
  }
  return out;
}

// The <section ...> starting at `from` in html, to its end.
std::string section_at(const std::string& html, std::size_t from) {
  return from == std::string::npos ? "" : html.substr(from, html.find("</section>", from) - from);
}

bool withheld_text(const std::string& s) { return s == "<5" || s == "[c]"; }

}  // namespace

TEST_CASE("report on the sample: priorities first, plain words, change maps and the roadshow plan", "[report]") {
  const fs::path out = test::sample_pack();
  const std::string html = test::read_text(out / "report.html");
  const auto wards = read_csv(out / "ward_summary.csv");
  REQUIRE(wards.size() > 2);
  const auto& all = wards.back();
  REQUIRE(all.at("ward_code") == "ALL");
  std::vector<std::string> themes;
  for (std::size_t p = 0; (p = html.find("<section class=\"page theme\" id=\"theme-", p)) != std::string::npos; ++p)
    themes.push_back(between(html, "id=\"theme-", "\"", p));
  REQUIRE(themes.size() == 6);

  // Page 1 names the planted rise (Larkhill's ASB tripled) among the first two key changes, whichever theme
  // ranks above it, and every theme red over the whole area in its exception list, with its reason.
  const std::string cover = section_at(html, html.find("<section class=\"page cover\""));
  const std::string planted = "Larkhill: 75 anti-social behaviour incidents, three times its usual 24.8 \u2014 a significant rise.";
  const std::string key = between(cover, "<ol>", "</ol>");
  std::vector<std::string> items;
  std::vector<int> tiers;
  for (std::size_t p = 0; (p = key.find("<li ", p)) != std::string::npos; ++p) {
    items.push_back(between(key, "\">", "</li>", p));
    tiers.push_back(std::stoi(between(key, "data-tier=\"", "\"", p)));
  }
  REQUIRE(items.size() == 6);
  CHECK((items[0] == planted || items[1] == planted));
  CHECK(std::is_sorted(tiers.begin(), tiers.end()));  // significant changes the bad way first
  CHECK(count(key, "data-theme=\"") == 6);
  std::size_t red = 0;
  for (const std::string& t : themes) {
    INFO(t);
    // A theme's colour on page 1: the worst of its RAG and its year-to-date and rolling-12-month statuses.
    const std::vector<std::string> statuses{all.at(t + "_rag"), all.at(t + "_ytd_status"), all.at(t + "_rolling_12_status")};
    const auto has = [&](const char* s) { return std::find(statuses.begin(), statuses.end(), s) != statuses.end(); };
    const std::string rag = has("red") ? "red" : has("amber") ? "amber" : "";
    if (!rag.empty()) {
      ++red;
      CHECK(count(cover, "<li data-theme=\"" + t + "\" data-rag=\"" + rag + "\"><span class=\"rag rag-" + rag + "\">" +
                             rag + "</span> <b>") >= 1);
    }
  }
  // The sample's ASB, hate crime, VAWG and violence are amber on their usual level; VAWG (up 5% on last year,
  // no target) and violence (up 1% against a 3% fall) are red year to date.
  CHECK(red == 4);
  CHECK(count(cover, "<li data-theme=\"violence\" data-rag=\"red\"><span class=\"rag rag-red\">red</span> <b>Violence:</b>") == 1);
  // "N more" says where: the theme pages' numbers (summary 1, trends 2, themes 3 to 8).
  CHECK(cover.find(" more on the theme pages (pages 3\u20138): their change maps and hotspot tables.") != std::string::npos);
  CHECK(cover.find("{pages}") == std::string::npos);

  // Plain words: no PAI, hit-rate decimals or method names before the appendix; "(proxy)" once.
  const std::size_t appendix = html.find("<h2>Appendix A: method and files</h2>");
  REQUIRE(appendix != std::string::npos);
  const std::string pages = html.substr(0, appendix);
  for (const std::string jargon : {"PAI", "z-score", "Gi*", "KDE", "hit rate", "DBSCAN", "Poisson"}) {
    INFO(jargon);
    CHECK(pages.find(jargon) == std::string::npos);
  }
  CHECK(html.find("(proxy) (proxy)") == std::string::npos);
  CHECK(html.find("reaches 0%") == std::string::npos);
  CHECK(pages.find("of every 100 incidents the month after") != std::string::npos);
  // The appendix names the forecast each theme used and its measures.
  CHECK(count(html.substr(appendix), "<table class=\"measures\"") == 1);
  CHECK(html.find("<b>PAI (predictive accuracy index):</b>", appendix) != std::string::npos);

  // A change map on every theme page; the wards it draws as withheld are exactly those whose published count
  // or change ward_summary.csv withholds (as "<5" or "[c]"), and the legend lists the withheld swatch then.
  std::size_t withheld_total = 0;
  for (const std::string& t : themes) {
    INFO(t);
    const std::string page = section_at(html, html.find("id=\"theme-" + t + "\""));
    REQUIRE(count(page, "<svg class=\"map change-map\"") == 1);
    std::set<std::string> drawn, expected;
    for (std::size_t p = 0; (p = page.find("<path class=\"change-withheld\"", p)) != std::string::npos; ++p)
      drawn.insert(between(page, "<title>", ": Withheld", p));
    for (std::size_t r = 0; r + 1 < wards.size(); ++r)
      for (const char* column : {"_count", "_baseline_mean", "_change_baseline_pct", "_direction", "_significant"})
        if (wards[r].count(t + column) && withheld_text(wards[r].at(t + column))) expected.insert(wards[r].at("ward_name"));
    CHECK(drawn == expected);
    withheld_total += drawn.size();
    CHECK((count(page, "data-style=\"change-withheld\"") == 1) == !drawn.empty());
    // Every significant rise the table gives is drawn as one.
    std::size_t rises = 0;
    for (std::size_t r = 0; r + 1 < wards.size(); ++r)
      if (wards[r].at(t + "_significant") == "true" && wards[r].at(t + "_direction") == "rise") ++rises;
    CHECK(count(page, "<path class=\"change-rise-significant\"") == rises);
  }
  CHECK(withheld_total >= 1);  // the sample withholds some ward counts (Larkhill among them)

  // The roadshow plan page lists forward_plan.csv's events, as the file gives them.
  const auto plan = read_csv(out / "forward_plan.csv");
  REQUIRE(plan.size() == 5);  // 2,500 at 500 an event
  const std::string plan_page = section_at(html, html.find("<section class=\"page roadshow-plan\""));
  REQUIRE_FALSE(plan_page.empty());
  CHECK(count(plan_page, "<tr data-event=") == plan.size());
  for (const auto& e : plan) {
    const std::size_t row = plan_page.find("<tr data-event=\"" + e.at("event") + "\">");
    REQUIRE(row != std::string::npos);
    const std::string tr = plan_page.substr(row, plan_page.find("</tr>", row) - row);
    for (const char* column : {"date", "theme_label", "venue_name", "ward_name"})
      CHECK(tr.find("<td>" + e.at(column) + "</td>") != std::string::npos);
    std::string reason = e.at("reason");  // escaped as the page writes it
    for (std::size_t p = 0; (p = reason.find('&', p)) != std::string::npos; p += 5) reason.replace(p, 1, "&amp;");
    CHECK(tr.find("<td>" + reason + "</td>") != std::string::npos);
  }

  // The ward pages give each count with its rate per 1,000 residents as ward_summary.csv publishes both
  // (issue 27: the sample's wards have residents); a withheld count shows no rate.
  std::size_t rated = 0;
  for (const auto& ward : wards) {
    const std::size_t row = html.find("<tr data-ward=\"" + ward.at("ward_code") + "\">");
    REQUIRE(row != std::string::npos);
    const std::string tr = html.substr(row, html.find("</tr>", row) - row);
    for (const std::string& t : themes) {
      INFO(ward.at("ward_code") << " " << t);
      const std::string count = ward.at(t + "_count"), rate = ward.at(t + "_rate_per_1000");
      const bool shown = !rate.empty() && !withheld_text(rate) && !withheld_text(count);
      std::string expect = count + (shown ? " (" + rate + ")" : "");
      for (std::size_t p = 0; (p = expect.find('<', p)) != std::string::npos; p += 4) expect.replace(p, 1, "&lt;");
      CHECK(tr.find(">" + expect + "</td>") != std::string::npos);
      rated += shown;
    }
  }
  CHECK(rated >= 100);  // of 19 rows x 6 themes
}
