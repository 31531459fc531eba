#include "app/pipeline.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <ostream>

#include "analysis/ward_stats.hpp"
#include "app/ingest.hpp"
#include "app/manifest.hpp"
#include "app/progress.hpp"
#include "app/ward_outputs.hpp"
#include "core/error.hpp"
#include "geo/reproject.hpp"
#include "geo/ward_index.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_writer.hpp"
#include "io/population_reader.hpp"
#include "io/sha256.hpp"
#include "io/vector_writer.hpp"
#include "io/ward_reader.hpp"

namespace hotspot {
namespace fs = std::filesystem;
namespace {

class StageTimer {
 public:
  void start(std::string stage) {
    stage_ = std::move(stage);
    t0_ = std::chrono::steady_clock::now();
  }
  void stop() {
    const std::chrono::duration<double> d = std::chrono::steady_clock::now() - t0_;
    seconds.emplace_back(stage_, d.count());
  }
  std::vector<std::pair<std::string, double>> seconds;

 private:
  std::string stage_;
  std::chrono::steady_clock::time_point t0_;
};

void attach_population(const RunConfig& cfg, std::vector<Ward>& wards, Diagnostics& diag) {
  if (cfg.population.path.empty()) return;
  auto pop = read_population_csv(cfg.population.path, cfg.population.code_column, cfg.population.value_column);
  std::vector<std::string> missing;
  for (Ward& w : wards) {
    auto it = pop.find(w.code);
    if (it == pop.end()) {
      missing.push_back(w.code);
      continue;
    }
    w.population = it->second;
    pop.erase(it);
  }
  if (!missing.empty())
    diag.warn(fmt::format("{}: no population for ward(s) {}; their rates are left empty",
                          cfg.population.path, fmt::join(missing, ", ")));
  if (!pop.empty()) {
    std::vector<std::string> extra;
    for (const auto& [code, value] : pop) extra.push_back(code);
    diag.warn(fmt::format("{}: population given for code(s) not among the wards: {}", cfg.population.path,
                          fmt::join(extra, ", ")));
  }
}

void print_account(std::ostream& out, const RunConfig& cfg, const IngestResult& in) {
  std::uint64_t read = 0, accepted = 0;
  ReasonCounts rejected{};
  for (const auto& f : in.files) {
    read += f.read;
    accepted += f.accepted;
    for (std::size_t r = 0; r < kRejectReasonCount; ++r) rejected[r] += f.rejected[r];
    fmt::print(out, "  {}: read {}, accepted {}, rejected {}{}\n", display_path(cfg, f.path), f.read, f.accepted,
               f.rejected_total(), f.unthemed ? fmt::format(" ({} unthemed)", f.unthemed) : "");
  }
  std::uint64_t total_rejected = 0;
  for (auto c : rejected) total_rejected += c;
  fmt::print(out, "Rows read {} = accepted {} + rejected {}{}\n", read, accepted, total_rejected,
             read == accepted + total_rejected ? "" : "  (DOES NOT RECONCILE)");
  for (std::size_t r = 0; r < kRejectReasonCount; ++r)
    if (rejected[r])
      fmt::print(out, "  {:<28} {:>8}  {}\n", reason_code(static_cast<RejectReason>(r)), rejected[r],
                 reason_help(static_cast<RejectReason>(r)));
}

Table points_table(const std::vector<Incident>& incidents, std::size_t theme, const std::vector<Ward>& wards) {
  Table t;
  t.add_column("month", CellType::Text);
  t.add_column("day", CellType::Integer);
  t.add_column("ward_code", CellType::Text);
  for (const Incident& inc : incidents) {
    if (!(inc.themes & (ThemeMask{1} << theme))) continue;
    t.rows.push_back({Cell::text(format_month(inc.month)), inc.day ? Cell::integer(inc.day) : Cell::null(),
                      Cell::text(wards[inc.ward].code)});
  }
  return t;
}

}  // namespace

void run_pipeline(const RunConfig& cfg, Mode mode, bool quiet, std::ostream& out) {
  Progress progress(quiet);
  Diagnostics diag;
  StageTimer timer;
  GeosContext geos;

  timer.start("wards");
  WardReadResult wards = read_wards(geos, cfg.wards, cfg.crs, diag);
  attach_population(cfg, wards.wards, diag);
  const WardIndex index(geos, wards.wards);
  timer.stop();
  progress.finish("wards", fmt::format("{} wards", wards.wards.size()));

  timer.start("ingest");
  IngestResult ingest_result = ingest(cfg, index, progress);
  timer.stop();

  for (const auto& w : diag.warnings) fmt::print(stderr, "warning: {}\n", w);
  fmt::print(out, "{} {}: {} wards, period {} (data window {})\n", mode == Mode::Validate ? "Validate" : "Run",
             cfg.area_name, wards.wards.size(), cfg.period.label, cfg.period.needed_window().range_text());
  print_account(out, cfg, ingest_result);
  if (mode == Mode::Validate) return;

  timer.start("ward_stats");
  const WardStats stats = compute_ward_stats(
      ingest_result.incidents, wards.wards.size(),
      [&] {
        std::vector<std::optional<double>> pop;
        for (const Ward& w : wards.wards) pop.push_back(w.population);
        return pop;
      }(),
      cfg.taxonomy.themes, cfg.period, cfg.significance);
  timer.stop();

  timer.start("write");
  std::error_code ec;
  fs::create_directories(cfg.output, ec);
  if (ec) throw bad_input("write", fmt::format("cannot create output folder {}: {}", cfg.output.string(), ec.message()));
  std::vector<OutputFile> outputs;
  auto record = [&](const std::string& name) {
    outputs.push_back(OutputFile{name, sha256_file((cfg.output / name).string())});
  };

  const CrsTransform to_wgs84(cfg.crs, "EPSG:4326");
  {
    const Table table = ward_table(wards.wards, cfg.taxonomy.themes, stats, cfg.area_name, false);
    VectorLayer layer{"wards", disclosure_note(cfg.taxonomy.themes), &table, {}, wkbMultiPolygon};
    for (const Ward& w : wards.wards) layer.wkb.push_back(reproject_wkb(geos, w.wkb, to_wgs84));
    write_geojson(cfg.output / "wards.geojson", layer);
    record("wards.geojson");
  }
  write_file_atomically(cfg.output / "ward_summary.csv",
                        to_csv(ward_table(wards.wards, cfg.taxonomy.themes, stats, cfg.area_name, true)));
  record("ward_summary.csv");

  std::vector<std::string> file_names;
  for (const auto& f : ingest_result.files) file_names.push_back(display_path(cfg, f.path));
  write_file_atomically(cfg.output / "rejects.csv", to_csv(rejects_table(ingest_result.rejects, file_names)));
  record("rejects.csv");

  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    if (!theme.export_points) continue;  // points leave only when a theme asks
    std::vector<Incident> in_period;
    for (const Incident& inc : ingest_result.incidents)
      if (cfg.period.contains(inc.month)) in_period.push_back(inc);
    const Table table = points_table(in_period, t, wards.wards);
    VectorLayer layer{"points_" + theme.id, "Incident points exported because export_points = true", &table, {},
                      wkbPoint};
    for (const Incident& inc : in_period) {
      if (!(inc.themes & (ThemeMask{1} << t))) continue;
      double x = inc.x, y = inc.y;
      to_wgs84.apply(x, y);
      GeomPtr p = own(geos, GEOSGeom_createPointFromXY_r(geos.get(), x, y), "point");
      layer.wkb.push_back(geom_to_wkb(geos, p.get()));
    }
    const std::string name = "points_" + theme.id + ".geojson";
    write_geojson(cfg.output / name, layer);
    record(name);
  }
  timer.stop();

  ManifestInput m;
  m.config = &cfg;
  m.ward_sha256 = sha256_file(cfg.wards.path);
  m.wards = &wards;
  if (!cfg.population.path.empty()) m.population_sha256 = sha256_file(cfg.population.path);
  m.ingest = &ingest_result;
  m.stats = &stats;
  m.diagnostics = &diag;
  m.outputs = outputs;
  write_file_atomically(cfg.output / "manifest.json", manifest_json(m));
  write_file_atomically(cfg.output / "timings.json", timings_json(timer.seconds));

  fmt::print(out, "Wrote {} ({} files)\n", cfg.output.string(), outputs.size() + 2);
  for (std::size_t t = 0; t < cfg.taxonomy.themes.size(); ++t) {
    const Theme& theme = cfg.taxonomy.themes[t];
    const ChangeStats& s = stats.totals[t];
    fmt::print(out, "  {:<24} {:>7}  vs baseline {:>7}  {}{}\n", theme.label,
               is_suppressed(theme, s.count) ? fmt::format("<{}", theme.min_count) : std::to_string(s.count),
               s.change_baseline ? fmt::format("{:+.1f}%", *s.change_baseline * 100) : "n/a", rag_name(s.rag),
               theme.proxy ? "  (proxy)" : "");
  }
}

}  // namespace hotspot
