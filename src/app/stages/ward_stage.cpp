// Ward stage: counts, change and RAG per ward and theme with the ward-level
// Gi* and Local Moran, published as wards.geojson and ward_summary.csv (through
// the ward table's disclosure control), the ward layers of tasking.qgs and the
// area totals of the manifest.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "analysis/multiple_testing.hpp"
#include "analysis/ward_stats.hpp"
#include "app/qgis/layer_styles.hpp"
#include "app/stages/stages.hpp"
#include "app/disclosure/ledger.hpp"
#include "app/disclosure/refusal.hpp"
#include "app/tables/ward_table.hpp"
#include "geo/contiguity.hpp"
#include "geo/reproject.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {

namespace {

// Gi* and Local Moran's I of each theme over the wards. The variable is the
// rate per 1,000 residents when every ward has a population (so big wards do
// not look hot for being big), else the count.
std::vector<WardSpatialStats> ward_spatial_stats(const RunInputs& run, const WardStats& stats) {
  const ClusterConfig& c = run.cfg.clusters;
  const SpatialWeights queen = queen_contiguity(*run.ward_set);
  const bool row = c.ward_weights == WardWeights::Row;
  const SpatialWeights w = queen.row_standardised();  // Local Moran: row-standardised, as GeoDa
  bool rates = true;
  for (std::size_t k = 0; k < run.wards.wards.size() && !stats.wards.empty(); ++k)
    rates = rates && stats.wards[0][k].rate_per_1000.has_value();
  std::vector<WardSpatialStats> out;
  for (std::size_t t = 0; t < stats.wards.size(); ++t) {
    WardSpatialStats s;
    s.variable = rates ? "rate_per_1000" : "count";
    std::vector<double> x;
    for (std::size_t k = 0; k < stats.wards[t].size(); ++k)
      x.push_back(rates ? *stats.wards[t][k].rate_per_1000 : static_cast<double>(stats.wards[t][k].count));
    const LocalG g = local_g(x, queen, true, row);
    s.gi_z = g.z;
    s.gi_p = adjust_p_values(g.p, c.correction);
    for (std::size_t k = 0; k < x.size(); ++k) {
      const double p = s.gi_p[k];
      const int level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
      s.gi_bin.push_back(std::isfinite(s.gi_z[k]) ? (s.gi_z[k] > 0 ? level : -level) : 0);
    }
    const LocalMoran m = local_moran(x, w, c.permutations, static_cast<std::uint64_t>(c.seed), c.lisa_alpha);
    s.lisa = m.quadrant;
    s.lisa_p = m.p_sim;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

WardResult compute_wards(const RunInputs& run) {
  const RunConfig& cfg = run.cfg;
  WardResult r;
  std::vector<std::optional<double>> population;
  for (const Ward& w : run.wards.wards) population.push_back(w.population);
  // Rates for the layer, the choropleths and Gi*: only when every ward has one
  // (enough residents, population.min_residents), else densities and counts.
  const double min_residents = cfg.population.min_residents;
  r.all_population = std::all_of(population.begin(), population.end(),
                                 [min_residents](const auto& p) { return p && *p > 0 && *p >= min_residents; });
  r.stats = compute_ward_stats(run.ingest.incidents, run.wards.wards.size(), population, cfg.taxonomy.themes,
                               cfg.period, cfg.significance, min_residents);
  if (cfg.clusters.enabled && run.wards.wards.size() >= 3) r.spatial = ward_spatial_stats(run, r.stats);
  const std::vector<WardSpatialStats>* spatial = r.spatial.empty() ? nullptr : &r.spatial;
  const std::vector<bool> no_data = no_data_themes(run.availability);
  r.cumulative_periods = cumulative_periods(cfg.period, cfg.year_start_month);
  const CumulativeWardStats cumulative = compute_cumulative_stats(
      run.ingest.incidents, run.wards.wards.size(), cfg.taxonomy.themes, r.cumulative_periods, cfg.significance);
  r.disclosure = ward_disclosure(cfg.taxonomy.themes, WardAtoms(run.ingest.incidents, run.wards.wards.size()),
                                 cfg.period, cfg.year_start_month, run.data_window, no_data, cfg.threads);
  if (!r.disclosure.unprotected.empty())
    throw disclosure_refusal("ward_summary.csv, wards.geojson and the trend charts", r.disclosure.unprotected);
  r.layer_table = ward_table(run.wards.wards, cfg.taxonomy.themes, r.stats, cumulative, r.disclosure, cfg.area_name,
                             false, spatial, no_data);
  r.summary = ward_table(run.wards.wards, cfg.taxonomy.themes, r.stats, cumulative, r.disclosure, cfg.area_name, true,
                         spatial, no_data);
  r.targets = published_targets(r.summary, cfg.taxonomy.themes);
  return r;
}

std::string area_count_text(const WardResult* wards, const Theme& theme, std::uint64_t count) {
  if (!wards)  // a run of a later stage alone (hotspot kde): primary suppression only
    return primary_suppressed(static_cast<double>(count), theme.min_count) ? withheld_text(Withheld::Primary, theme.min_count)
                                                                          : std::to_string(count);
  const Table& w = wards->summary;
  const std::size_t c = w.column_index(theme.id + "_count");
  return cell_text(w.rows.back()[c], w.columns[c]);
}

namespace {

// wards.geojson and ward_summary.csv, and what their disclosure control withheld.
void write_ward_files(RunContext& run, const WardResult& r) {
  const RunConfig& cfg = run.cfg;
  std::vector<std::vector<unsigned char>> wkb;
  for (const Ward& w : run.wards.wards) wkb.push_back(reproject_wkb(run.geos, w.wkb, run.to_wgs84));
  const VectorLayer layer{"wards", disclosure_note(cfg.taxonomy.themes), &r.layer_table, wkb, wkbMultiPolygon};
  write_geojson(run.output_path("wards.geojson"), layer);
  run.record_output("wards.geojson");
  tally_ward_table(r.summary, cfg.taxonomy.themes, run.disclosure);
  write_file_atomically(run.output_path("ward_summary.csv"), to_csv(r.summary));
  run.record_output("ward_summary.csv");
}

// The ward boundaries, hollow and labelled, are the file's default style and
// show in every map theme; one light choropleth per theme (per 1,000
// residents, or per km2 without populations) starts hidden.
void add_ward_layers(RunContext& run, const WardResult& r) {
  const RunConfig& cfg = run.cfg;
  const VectorLayerSpec outline{.id = "wards",
                                .name = "Wards",
                                .file = "wards.geojson",
                                .group = "Wards",
                                .geometry = "Polygon",
                                .style = ward_outline_style(),
                                .features = run.wards.wards.size(),
                                .stack = draw_order(DrawOrder::WardOutline),
                                .abstract = disclosure_note(cfg.taxonomy.themes)};
  run.layers.push_back(vector_layer(outline));
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    std::vector<double> values;
    for (std::size_t w = 0; w < r.stats.wards[t].size(); ++w) {  // class breaks from published wards only
      const ChangeStats& s = r.stats.wards[t][w];
      const double km2 = run.wards.wards[w].area_m2 / 1e6;
      if (r.disclosure.at(t, kCurrent, w) == Withheld::No)
        values.push_back(r.all_population ? *s.rate_per_1000 : km2 > 0 ? static_cast<double>(s.count) / km2 : 0.0);
    }
    VectorLayerSpec choropleth = outline;  // the same file, group and features
    choropleth.id = "wards_" + theme.id;
    choropleth.name = fmt::format("Wards: {} {}", theme.label, r.all_population ? "per 1,000 residents" : "per km2");
    choropleth.style = ward_choropleth(theme, r.all_population, values);
    choropleth.stack = ward_choropleth_order(t);
    choropleth.visible = false;
    ProjectLayer layer = vector_layer(std::move(choropleth));
    layer.default_style = false;  // the outline is the file's own .qml
    run.layers.push_back(std::move(layer));
  }
}

// A theme's total for the whole area, as the ward table's ALL row published it.
struct AreaTotal {
  std::string theme, count_text, rag;
  std::optional<std::int64_t> count;  // when published
  int baseline_months;
};

// The ALL row as published, for the manifest, printed on the console as it is read.
std::vector<AreaTotal> area_totals(const RunConfig& cfg, const WardResult& r, std::ostream& out) {
  const Table& summary = r.summary;
  const std::size_t all = summary.rows.size() - 1;
  auto shown = [&](const std::string& column) {
    const std::size_t c = summary.column_index(column);
    return std::pair<const Cell&, std::string>(summary.rows[all][c], cell_text(summary.rows[all][c], summary.columns[c]));
  };
  std::vector<AreaTotal> totals;
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    const auto [count, count_text] = shown(theme.id + "_count");
    const auto [change, change_text] = shown(theme.id + "_change_baseline_pct");
    const std::string rag = shown(theme.id + "_rag").second;
    totals.push_back({.theme = theme.id, .count_text = count_text, .rag = rag,
                      .count = count.kind == Cell::Kind::Integer ? std::optional<std::int64_t>(count.i) : std::nullopt,
                      .baseline_months = r.stats.totals[t].baseline_months});
    fmt::print(out, "  {:<24} {:>7}  vs baseline {:>7}  {}{}\n", theme.label, count_text,
               change.kind == Cell::Kind::Real ? fmt::format("{:+.1f}%", change.d) : change_text.empty() ? "n/a" : change_text,
               rag, theme.proxy ? "  (proxy)" : "");
  }
  return totals;
}

}  // namespace

void publish_wards(RunContext& run, const WardResult& r, std::ostream& out) {
  write_ward_files(run, r);
  add_ward_layers(run, r);
  const std::vector<AreaTotal> totals = area_totals(run.cfg, r, out);
  const ClusterConfig c = run.cfg.clusters;
  const std::string variable = r.spatial.empty() ? "" : r.spatial.front().variable;
  const int tile = r.disclosure.tile_months;
  const std::uint64_t blocks = r.disclosure.blocks, lps = r.disclosure.stats.lp_solves,
                      mips = r.disclosure.stats.mip_solves;
  run.stages.push_back({"ward_stats", [totals, c, variable, tile, blocks, lps, mips](JsonWriter& j) {
    j.value("method", "counts per ward and period; one-sided Poisson test against the 12-month baseline");
    j.value("year_to_date_status", "green: target met; red: missed beyond chance (one-sided Poisson test of the "
                                   "count against the months a year earlier scaled by the target); amber: missed within it");
    j.begin_object("disclosure_audit").value("tile_months", tile).value("blocks", blocks)
        .value("linear_programmes", lps).value("integer_programmes", mips).end_object();
    if (!variable.empty())
      j.value("spatial_statistics", "Getis-Ord Gi* (analytical z) and Local Moran's I (conditional permutation)")
          .value("spatial_variable", variable).value("contiguity", "queen (shared edge or vertex, GEOS)")
          .value("gistar_weights", c.ward_weights == WardWeights::Row ? "row-standardised" : "binary")
          .value("lisa_weights", "row-standardised")
          .value("correction", name_of(c.correction)).value("permutations", c.permutations).value("seed", c.seed)
          .value("lisa_alpha", c.lisa_alpha);
    j.begin_array("area_totals");
    for (const AreaTotal& a : totals) {
      j.begin_object().value("theme", a.theme);
      if (a.count) j.value("count", *a.count);
      else j.value("count", a.count_text);
      j.value("baseline_months", a.baseline_months).value("rag", a.rag).end_object();
    }
    j.end_array();
  }});
}

}  // namespace hotspot
