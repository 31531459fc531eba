#include "app/support/attacker.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "test_support.hpp"

namespace hotspot::attack {
namespace fs = std::filesystem;

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (ch == '"') quoted = false;
      else out.back() += ch;
    } else if (ch == '"') quoted = true;
    else if (ch == ',') out.emplace_back();
    else if (ch != '\r') out.back() += ch;
  }
  return out;
}

std::vector<Row> read_csv(const fs::path& p) {
  std::istringstream in(test::read_text(p));
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> head = split_csv_line(line);
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    const std::vector<std::string> f = split_csv_line(line);
    Row r;
    for (std::size_t i = 0; i < head.size() && i < f.size(); ++i) r[head[i]] = f[i];
    rows.push_back(std::move(r));
  }
  return rows;
}

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return *end == '\0';
}

bool withheld(const std::string& text) { return !text.empty() && (text[0] == '<' || text == "[c]"); }

Bound prior(const std::string& text, int m) {
  if (text == fmt::format("<{}", m)) return {1, m - 1};
  if (text == "[c]") return {m, kOpen};  // an unsuppressed nonzero count: at least m
  const std::int64_t v = std::llround(std::stod(text));
  return {v, v};
}

Bound deduce(const std::vector<Bound>& parts, const Bound& total, std::size_t i) {
  std::int64_t lo = 0, hi = 0;
  for (std::size_t j = 0; j < parts.size(); ++j) {
    if (j == i) continue;
    lo = std::min(lo + parts[j].lo, kOpen);
    hi = std::min(hi + parts[j].hi, kOpen);
  }
  Bound b = parts[i];
  if (hi < kOpen) b.lo = std::max(b.lo, total.lo - hi);
  if (total.hi < kOpen) b.hi = std::min(b.hi, total.hi - lo);
  return b;
}

namespace {

const char* kColumns[4] = {"count", "previous", "year_earlier", "baseline_mean"};

// A baseline mean published to one decimal: the baseline total to within rounding.
Bound baseline_total(const std::string& text, int months) {
  const double total = std::stod(text) * months, slack = 0.05 * months + 1e-9;
  return {static_cast<std::int64_t>(std::ceil(total - slack)), static_cast<std::int64_t>(std::floor(total + slack))};
}

}  // namespace

int attack_ward_table(const fs::path& pack, const WardTruth& truth, const std::map<std::string, int>& min_count,
                      int baseline_months) {
  const std::vector<Row> rows = read_csv(pack / "ward_summary.csv");
  REQUIRE(rows.size() >= 2);
  REQUIRE(rows.back().at("ward_code") == "ALL");
  int attacked = 0;
  for (const auto& [theme, m] : min_count) {
    const auto& real_counts = truth.at(theme);
    for (int col = 0; col < 4; ++col) {
      const std::string field = theme + "_" + kColumns[col];
      std::vector<Bound> parts;
      for (std::size_t r = 0; r + 1 < rows.size(); ++r) {
        const std::string& text = rows[r].at(field);
        if (col == 3) parts.push_back(withheld(text) ? Bound{1, kOpen} : baseline_total(text, baseline_months));
        else parts.push_back(prior(text, m));
      }
      const std::string all_text = rows.back().at(field);
      const Bound total = col == 3 && !withheld(all_text) ? baseline_total(all_text, baseline_months) : prior(all_text, m);
      for (std::size_t r = 0; r < parts.size(); ++r) {
        const std::string& code = rows[r].at("ward_code");
        const std::int64_t real = real_counts.count(code) ? real_counts.at(code)[col] : 0;
        INFO(theme << " " << kColumns[col] << " " << code << " shows " << rows[r].at(field) << ", truly " << real);
        if (!withheld(rows[r].at(field))) {
          if (col < 3) CHECK(std::stoll(rows[r].at(field)) == real);  // the published numbers are the truth
          else CHECK((parts[r].lo <= real && real <= parts[r].hi));
          continue;
        }
        ++attacked;
        const Bound b = deduce(parts, total, r);
        CHECK(b.lo <= real);
        CHECK(real <= b.hi);
        CHECK(b.lo < b.hi);  // not recovered exactly
      }
      if (withheld(all_text)) {
        ++attacked;
        std::int64_t lo = 0, hi = 0;
        for (const Bound& b : parts) lo += b.lo, hi = std::min(hi + b.hi, kOpen);
        INFO(theme << " " << kColumns[col] << " ALL");
        CHECK(std::max(lo, prior(all_text, m).lo) < std::min(hi, prior(all_text, m).hi));
      }
    }
  }
  return attacked;
}

void attack_derived_values(const fs::path& pack, const std::map<std::string, int>& min_count) {
  const std::vector<Row> rows = read_csv(pack / "ward_summary.csv");
  const std::map<std::string, std::vector<std::string>> follows = {
      {"count", {"rate_per_1000", "change_previous_pct", "change_year_pct", "change_baseline_pct", "rank", "p_value",
                 "direction", "significant", "rag", "gi_z", "gi_p", "lisa_p"}},
      {"previous", {"change_previous_pct"}},
      {"year_earlier", {"change_year_pct"}},
      {"baseline_mean", {"baseline_sd", "change_baseline_pct", "p_value", "rag"}},
      {"ytd", {"ytd_change_pct", "ytd_status"}},
      {"ytd_before", {"ytd_change_pct", "ytd_status"}},
      {"rolling_12", {"rolling_12_change_pct", "rolling_12_status"}},
      {"rolling_12_before", {"rolling_12_change_pct", "rolling_12_status"}}};
  for (const auto& [theme, m] : min_count) {
    bool any_current = false;
    for (const Row& r : rows) {
      for (const auto& [input, derived] : follows) {
        if (!withheld(r.at(theme + "_" + input))) continue;
        any_current = any_current || input == "count";
        for (const std::string& d : derived) {
          const auto it = r.find(theme + "_" + d);
          if (it == r.end()) continue;
          INFO(r.at("ward_code") << " " << theme << "_" << d << " = " << it->second << " beside a withheld " << input);
          CHECK((it->second.empty() || withheld(it->second)));
        }
      }
    }
    // Gi* z and LISA p read every ward's value: with any ward withheld none is published.
    if (any_current && rows.front().count(theme + "_gi_z"))
      for (const Row& r : rows) {
        INFO(r.at("ward_code") << " " << theme);
        CHECK_FALSE(is_number(r.at(theme + "_gi_z")));
        CHECK_FALSE(is_number(r.at(theme + "_lisa_p")));
      }
  }
}

std::vector<Polygon> read_bng(const fs::path& file) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRSpatialReference wgs84, bng;
  wgs84.importFromEPSG(4326);
  bng.importFromEPSG(27700);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  bng.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> to_bng(OGRCreateCoordinateTransformation(&wgs84, &bng));
  REQUIRE(to_bng);
  std::vector<Polygon> out;
  for (auto& f : *ds->GetLayer(0)) {
    Polygon p;
    for (int i = 0; i < f->GetFieldCount(); ++i) p.props[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
    p.bng.reset(f->GetGeometryRef()->clone());
    REQUIRE(p.bng->transform(to_bng.get()) == OGRERR_NONE);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<OGRPoint> vertices(const OGRGeometry& g) {
  std::vector<OGRPoint> out;
  auto ring_points = [&](const OGRLinearRing* r) {
    for (int i = 0; i < r->getNumPoints(); ++i) out.emplace_back(r->getX(i), r->getY(i));
  };
  auto polygon = [&](const OGRPolygon* p) {
    ring_points(p->getExteriorRing());
    for (int i = 0; i < p->getNumInteriorRings(); ++i) ring_points(p->getInteriorRing(i));
  };
  if (wkbFlatten(g.getGeometryType()) == wkbPolygon) polygon(g.toPolygon());
  else
    for (const OGRPolygon* p : *g.toMultiPolygon()) polygon(p);
  return out;
}

double off_lattice(double v, double cell, double offset) {
  const double k = (v - offset) / cell;
  return std::fabs(k - std::round(k)) * cell;
}

bool on_lattice(const OGRPoint& p, double cell) {
  return off_lattice(p.getX(), cell) < kTolerance && off_lattice(p.getY(), cell) < kTolerance;
}

}  // namespace hotspot::attack
