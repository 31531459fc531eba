#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "analysis/ward_stats.hpp"
#include "app/stages.hpp"
#include "app/ward_outputs.hpp"
#include "geo/reproject.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/vector_writer.hpp"

namespace hotspot {

void ward_stage(RunContext& run, std::ostream& out) {
  const RunConfig& cfg = run.cfg;
  run.timer.start("ward_stats");
  std::vector<std::optional<double>> population;
  for (const Ward& w : run.wards.wards) population.push_back(w.population);
  const WardStats stats = compute_ward_stats(run.ingest.incidents, run.wards.wards.size(), population,
                                             cfg.taxonomy.themes, cfg.period, cfg.significance);
  run.timer.stop();

  run.timer.start("ward_outputs");
  {
    const Table table = ward_table(run.wards.wards, cfg.taxonomy.themes, stats, cfg.area_name, false);
    VectorLayer layer{"wards", disclosure_note(cfg.taxonomy.themes), &table, {}, wkbMultiPolygon};
    for (const Ward& w : run.wards.wards) layer.wkb.push_back(reproject_wkb(run.geos, w.wkb, run.to_wgs84));
    write_geojson(run.output_path("wards.geojson"), layer);
    run.record_output("wards.geojson");
  }
  write_file_atomically(run.output_path("ward_summary.csv"),
                        to_csv(ward_table(run.wards.wards, cfg.taxonomy.themes, stats, cfg.area_name, true)));
  run.record_output("ward_summary.csv");
  run.timer.stop();

  const std::vector<Theme> themes = cfg.taxonomy.themes;
  run.stages.push_back({"ward_stats", [stats, themes](JsonWriter& j) {
    j.value("method", "counts per ward and period; one-sided Poisson test against the 12-month baseline");
    j.begin_array("area_totals");
    for (std::size_t t = 0; t < themes.size(); ++t) {
      const ChangeStats& s = stats.totals[t];
      j.begin_object().value("theme", themes[t].id);
      if (is_suppressed(themes[t], s.count)) j.value("count", fmt::format("<{}", themes[t].min_count));
      else j.value("count", s.count);
      j.value("baseline_months", s.baseline_months).value("rag", rag_name(s.rag)).end_object();
    }
    j.end_array();
  }});

  for (std::size_t t = 0; t < themes.size(); ++t) {
    const Theme& theme = themes[t];
    const ChangeStats& s = stats.totals[t];
    fmt::print(out, "  {:<24} {:>7}  vs baseline {:>7}  {}{}\n", theme.label,
               is_suppressed(theme, s.count) ? fmt::format("<{}", theme.min_count) : std::to_string(s.count),
               s.change_baseline ? fmt::format("{:+.1f}%", *s.change_baseline * 100) : "n/a", rag_name(s.rag),
               theme.proxy ? "  (proxy)" : "");
  }
}

void points_stage(RunContext& run, std::ostream&) {
  const RunConfig& cfg = run.cfg;
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    if (!theme.export_points) continue;  // points leave only when a theme asks
    Table table;
    table.add_column("month", CellType::Text);
    table.add_column("day", CellType::Integer);
    table.add_column("ward_code", CellType::Text);
    VectorLayer layer{"points_" + theme.id, "Incident points exported because export_points = true", &table, {},
                      wkbPoint};
    for (const Incident* inc : run.period_incidents(t)) {
      table.rows.push_back({Cell::text(format_month(inc->month)), inc->day ? Cell::integer(inc->day) : Cell::null(),
                            Cell::text(run.wards.wards[inc->ward].code)});
      double x = inc->x, y = inc->y;
      run.to_wgs84.apply(x, y);
      GeomPtr p = own(run.geos, GEOSGeom_createPointFromXY_r(run.geos.get(), x, y), "point");
      layer.wkb.push_back(geom_to_wkb(run.geos, p.get()));
    }
    const std::string name = "points_" + theme.id + ".geojson";
    write_geojson(run.output_path(name), layer);
    run.record_output(name);
  }
}

}  // namespace hotspot
