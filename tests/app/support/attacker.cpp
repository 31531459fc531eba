#include "app/support/attacker.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "test_support.hpp"

namespace hotspot::attack {
namespace fs = std::filesystem;

Bound prior(const std::string& text, int m) {
  if (text == fmt::format("<{}", m)) return {1, static_cast<double>(m - 1)};
  if (text == "[c]") return {static_cast<double>(m), kInf};  // an unsuppressed nonzero count: at least m
  const double v = std::round(std::stod(text));
  return {v, v};
}

Bound deduce(const std::vector<Bound>& parts, const Bound& total, std::size_t i) {
  double lo = 0, hi = 0;  // the other parts' sum (kInf once one is open)
  for (std::size_t j = 0; j < parts.size(); ++j) {
    if (j == i) continue;
    lo += parts[j].lo;
    hi += parts[j].hi;
  }
  Bound b = parts[i];
  if (std::isfinite(hi)) b.lo = std::max(b.lo, total.lo - hi);
  if (std::isfinite(total.hi)) b.hi = std::min(b.hi, total.hi - lo);
  return b;
}

namespace {

const char* kColumns[4] = {"count", "previous", "year_earlier", "baseline_mean"};

// A baseline mean published to one decimal: the baseline total to within rounding.
Bound baseline_total(const std::string& text, int months) {
  const double total = std::stod(text) * months, slack = 0.05 * months + 1e-9;
  return {std::ceil(total - slack), std::floor(total + slack)};
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
        if (col == 3) parts.push_back(is_withheld(text) ? Bound{1, kInf} : baseline_total(text, baseline_months));
        else parts.push_back(prior(text, m));
      }
      const std::string all_text = rows.back().at(field);
      const Bound total = col == 3 && !is_withheld(all_text) ? baseline_total(all_text, baseline_months) : prior(all_text, m);
      for (std::size_t r = 0; r < parts.size(); ++r) {
        const std::string& code = rows[r].at("ward_code");
        const std::int64_t real = real_counts.count(code) ? real_counts.at(code)[col] : 0;
        INFO(theme << " " << kColumns[col] << " " << code << " shows " << rows[r].at(field) << ", truly " << real);
        if (!is_withheld(rows[r].at(field))) {
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
      if (is_withheld(all_text)) {
        ++attacked;
        double lo = 0, hi = 0;
        for (const Bound& b : parts) lo += b.lo, hi += b.hi;
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
        if (!is_withheld(r.at(theme + "_" + input))) continue;
        any_current = any_current || input == "count";
        for (const std::string& d : derived) {
          const auto it = r.find(theme + "_" + d);
          if (it == r.end()) continue;
          INFO(r.at("ward_code") << " " << theme << "_" << d << " = " << it->second << " beside a withheld " << input);
          CHECK((it->second.empty() || is_withheld(it->second)));
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
