// The risk stage: per theme, the published incident surface over a resident
// surface on the same grid and kernel (analysis/risk_surface.hpp), as
// risk_<theme>.tif with its own QGIS map theme, and the wards that are high on
// risk but not on count, for the report.
//
// Disclosure: the numerator is the KDE surface exactly as published (its
// protected incidents already drawn from regions, app/disclosure/
// theme_protection.hpp) and the denominator comes from public population
// files, so the ratio shows nothing the pack does not already publish.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <tuple>

#include "analysis/risk_surface.hpp"
#include "app/qgis/layer_styles.hpp"
#include "app/qgis/palettes.hpp"
#include "app/stages/stages.hpp"
#include "geo/resident_points.hpp"
#include "io/raster_writer.hpp"
#include "io/qgis_style.hpp"

namespace hotspot {
namespace {

// The factor from the KDE's raw output to incidents per km2 (kde.hpp).
double per_km2(const KdeParams& p) {
  if (p.output == KdeOutput::Density) return 1.0;
  KdeParams density = p;
  density.output = KdeOutput::Density;
  return kernel_value(density, 0) * 1e6 / kernel_value(p, 0);
}

// Per ward: the mean risk over its cells with a ratio (cell centres), and
// how many such cells it has.
struct WardRisk {
  double sum = 0;
  int cells = 0;
};

std::vector<WardRisk> ward_risk(const RunInputs& run, const Grid& ratio) {
  std::vector<WardRisk> w(run.wards.wards.size());
  const GridSpec& s = ratio.spec;
  for (int r = 0; r < s.ny; ++r)
    for (int c = 0; c < s.nx; ++c) {
      const double v = ratio.values[s.index(r, c)];
      if (std::isnan(v)) continue;
      const std::uint32_t k = run.ward_set->index().locate(s.center_x(c), s.center_y(r));
      if (k >= w.size()) continue;
      w[k].sum += v;
      ++w[k].cells;
    }
  return w;
}

// Wards whose mean risk is at least kHighRisk times the area's rate per
// resident, on at least kMinCells cells, that are not among the kTopCount
// wards with the most incidents: the places a count map does not show.
constexpr double kHighRisk = 1.5;
constexpr int kMinCells = 3;
constexpr std::size_t kTopCount = 5, kNamed = 3;

std::vector<RiskPlace> high_risk_not_count(const RunInputs& run, std::size_t t, const Grid& ratio) {
  const std::vector<WardRisk> risk = ward_risk(run, ratio);
  std::vector<long> counts(risk.size(), 0);
  for (const Incident* inc : run.period_incidents(t))
    if (inc->ward < counts.size()) ++counts[inc->ward];
  std::vector<std::size_t> by_count(risk.size());
  for (std::size_t i = 0; i < by_count.size(); ++i) by_count[i] = i;
  std::stable_sort(by_count.begin(), by_count.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
  std::vector<bool> top(risk.size(), false);
  for (std::size_t i = 0; i < std::min(kTopCount, by_count.size()); ++i) top[by_count[i]] = counts[by_count[i]] > 0;
  std::vector<RiskPlace> places;
  for (std::size_t i = 0; i < risk.size(); ++i) {
    if (top[i] || risk[i].cells < kMinCells) continue;
    const double mean = risk[i].sum / risk[i].cells;
    if (mean >= kHighRisk) places.push_back({.ward = run.wards.wards[i].name, .mean_risk = mean});
  }
  std::stable_sort(places.begin(), places.end(),
                   [](const RiskPlace& a, const RiskPlace& b) { return a.mean_risk > b.mean_risk; });
  if (places.size() > kNamed) places.resize(kNamed);
  return places;
}

// Diverging RdBu around the area's rate (1): blue below, red above.
std::vector<RasterStop> risk_stops() {
  const auto& ramp = palette::rd_bu();
  return {{0, palette::with_alpha(ramp[9], 200), "0 (no incidents)"},
          {0.5, palette::with_alpha(ramp[7], 170), "half the area's rate"},
          {1, palette::with_alpha(ramp[5], 60), "the area's rate per resident"},
          {2, palette::with_alpha(ramp[3], 190), "twice"},
          {4, palette::with_alpha(ramp[1], 220), "4 times"},
          {8, ramp[0], "8 times or more"}};
}

}  // namespace

std::optional<RiskResult> compute_risk(const RunInputs& run, const KdeResult& kde) {
  const RunConfig& cfg = run.cfg;
  if (!cfg.kde.risk || run.population.areas.empty()) return std::nullopt;
  double residents = 0;
  for (const ResidentArea& a : run.population.areas) residents += a.residents;
  if (!(residents > 0)) return std::nullopt;
  // Residents as points on the KDE's cell lattice, once; their surface once per grid and bandwidth.
  const std::vector<WeightedPoint> people = resident_points(run.geos, run.population.areas, cfg.kde.cell);
  std::map<std::tuple<double, double, int, int, double>, std::vector<double>> resident_surfaces;
  RiskResult result;
  result.residents = residents;
  const double to_km2 = per_km2(kde.params);
  for (std::size_t t = 0; t < kde.themes.size(); ++t) {
    const KdeTheme& k = kde.themes[t];
    KdeParams params = kde.params;
    params.bandwidth = k.bandwidth;
    params.output = KdeOutput::Density;
    params.threads = cfg.threads;
    const auto key = std::make_tuple(k.spec.origin_x, k.spec.origin_y, k.spec.nx, k.spec.ny, k.bandwidth);
    auto it = resident_surfaces.find(key);
    if (it == resident_surfaces.end()) it = resident_surfaces.emplace(key, hotspot::kde(people, k.spec, params)).first;
    Grid incident = k.published_surface.applied_to(k.surface);
    for (double& v : incident.values) v *= to_km2;
    double incidents = 0;
    for (const Incident* inc : run.period_incidents(t)) incidents += inc->weight;
    RiskTheme r{.theme = cfg.taxonomy.themes[t].id,
                .surface = relative_risk(incident, it->second,
                                         RiskParams{.incidents = incidents, .residents = residents,
                                                    .min_residents_km2 = cfg.kde.risk_min_residents}),
                .places = {}};
    r.places = high_risk_not_count(run, t, r.surface.ratio);
    result.themes.push_back(std::move(r));
  }
  return result;
}

void publish_risk(RunContext& run, const RiskResult& r, std::ostream& out) {
  const RunConfig& cfg = run.cfg;
  for (std::size_t t = 0; t < r.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    const RiskTheme& risk = r.themes[t];
    const std::string tif = "risk_" + theme.id + ".tif";
    const std::string description = fmt::format(
        "{} risk per resident, {}: the KDE surface as published over the residents' KDE (same grid, kernel and "
        "bandwidth), divided by the area's rate ({} residents); 1 is the area's rate. Nodata where fewer than {:g} "
        "residents per km2.", theme.label, cfg.period.label, std::lround(r.residents), cfg.kde.risk_min_residents);
    Grid written = risk.surface.ratio;  // nodata where there is no ratio
    if (written.in_area.empty()) written.in_area.assign(written.values.size(), 1);
    for (std::size_t i = 0; i < written.values.size(); ++i)
      if (std::isnan(written.values[i])) written.in_area[i] = 0;
    const RasterOutput raster{&written, cfg.crs, -9999.0, description,
                              {{"HOTSPOT_THEME", theme.id},
                               {"HOTSPOT_OUTPUT", "relative risk (1 = the area's rate per resident)"},
                               {"HOTSPOT_MIN_RESIDENTS_KM2", fmt::format("{:g}", cfg.kde.risk_min_residents)},
                               {"HOTSPOT_CELLS", fmt::format("{} with a ratio, {} nodata for want of residents",
                                                             risk.surface.cells, risk.surface.masked)}}};
    write_geotiff(run.output_path(tif), raster);
    run.record_output(tif);
    ProjectLayer rl;
    rl.id = "risk_" + theme.id;
    rl.name = fmt::format("{}: risk per resident", theme.label);
    rl.file = tif;
    rl.group = theme.label;
    rl.raster = true;
    rl.visible = false;  // its own map theme shows it
    rl.style_xml = raster_style_xml(risk_stops(), 0.8);
    rl.stack = draw_order(DrawOrder::Surface);
    rl.abstract = description;
    run.layers.push_back(rl);
    fmt::print(out, "  {:<24} risk surface: {} cells, {} without enough residents\n", theme.label, risk.surface.cells,
               risk.surface.masked);
  }
  run.stages.push_back({"risk", [&r, &cfg](JsonWriter& j) {
    j.value("method", "incident KDE as published / resident KDE, same grid and bandwidth, over the area's rate "
                      "(sfhotspot hotspot_dual_kde, method ratio, scaled)")
        .value("residents", r.residents)
        .value("min_residents_km2", cfg.kde.risk_min_residents);
    j.begin_array("themes");
    for (const RiskTheme& t : r.themes) {
      j.begin_object().value("theme", t.theme).value("cells", static_cast<std::uint64_t>(t.surface.cells))
          .value("nodata_few_residents", static_cast<std::uint64_t>(t.surface.masked));
      j.begin_array("high_risk_not_count");
      for (const RiskPlace& p : t.places) j.value("", p.ward);
      j.end_array().end_object();
    }
    j.end_array();
  }});
}

}  // namespace hotspot
