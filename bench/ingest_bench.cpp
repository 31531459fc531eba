// Ingest benchmark: CSV parse and ward assignment for 1 million police.uk-style
// rows against the 649 London wards of 2014, each against a baseline measured
// in the same run:
//   parse    - hotspot's CSV reader vs GDAL's OGR CSV driver reading the same file;
//   assign   - the ward index (GDAL-burnt lookup grid + GEOS prepared covers near
//              edges) vs the plain GEOS way (STRtree + prepared covers per point);
//   ingest   - the whole stage (read, check, reproject, assign, account).
// Usage: ingest_bench [rows] [shared-data-dir]
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <random>

#include "app/config/config.hpp"
#include "app/context/ingest.hpp"
#include "core/diagnostics.hpp"
#include "geo/crs_transform.hpp"
#include "geo/ward_index.hpp"
#include "geo/ward_set.hpp"
#include "io/incident_reader.hpp"
#include "io/record_source.hpp"
#include "io/ward_reader.hpp"
#include "london_wards.hpp"

using namespace hotspot;
namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// police.uk layout. Points are uniform over London's wards, 3% outside them
// (as in real extracts), and a third snapped onto 2,000 shared "map points"
// like police.uk's anonymisation.
void write_csv(const fs::path& path, std::size_t rows, const Bounds& lonlat, const WardIndex& index,
               const CrsTransform& to_bng) {
  std::ofstream out(path, std::ios::binary);
  out << "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
         "Last outcome category,Context\n";
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> ux(lonlat.min_x, lonlat.max_x), uy(lonlat.min_y, lonlat.max_y);
  std::vector<std::pair<double, double>> snaps(2000);
  auto in_london = [&](bool inside) {
    for (;;) {
      double lon = ux(rng), lat = uy(rng), x = lon, y = lat;
      to_bng.apply(x, y);
      if ((index.locate(x, y) != kNoWard) == inside) return std::make_pair(lon, lat);
    }
  };
  for (auto& s : snaps) s = in_london(true);
  const char* types[] = {"Anti-social behaviour", "Violence and sexual offences", "Burglary", "Vehicle crime",
                         "Other theft", "Robbery", "Shoplifting", "Criminal damage and arson"};
  std::string line;
  for (std::size_t i = 0; i < rows; ++i) {
    auto [lon, lat] = i % 3 == 0 ? snaps[rng() % snaps.size()] : in_london(i % 33 != 1);
    const char* type = types[rng() % 8];
    const bool asb = type[0] == 'A';
    line = fmt::format("{},2017-04,Metropolitan Police Service,Metropolitan Police Service,{:.6f},{:.6f},"
                       "On or near Somewhere Road,E01000001,Somewhere 001A,{},{},\n",
                       asb ? std::string() : fmt::format("{:016x}{:016x}", rng(), i), lon, lat, type,
                       asb ? "" : "Investigation complete; no suspect identified");
    out << line;
  }
}

}  // namespace

int main(int argc, char** argv) {
  GDALAllRegister();
  CPLSetErrorHandler(CPLQuietErrorHandler);
  const std::size_t rows = argc > 1 ? std::stoul(argv[1]) : 1000000;
  const fs::path data = bench::shared_data(argc, argv, 2);
  const fs::path shp = bench::london_wards_file(data);
  if (bench::absent(shp)) return 0;
  GeosContext geos;
  Diagnostics diag;
  auto t0 = std::chrono::steady_clock::now();
  const WardReadResult wards = read_wards(geos, bench::london_wards(data), "EPSG:27700", diag);
  const double t_read_wards = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const WardSet set(geos, wards.wards);  // ward polygons, study area and the index
  const WardIndex& index = set.index();
  const double t_index = seconds_since(t0);

  // The wards' extent in lon/lat, for generating points.
  const CrsTransform to_lonlat("EPSG:27700", "EPSG:4326");
  Bounds e = index.extent();
  double xs[2] = {e.min_x, e.max_x}, ys[2] = {e.min_y, e.max_y};
  to_lonlat.apply(xs, ys, 2);
  const Bounds lonlat{xs[0], ys[0], xs[1], ys[1]};

  const fs::path csv = fs::temp_directory_path() / fmt::format("hotspot-bench-{}.csv", rows);
  const CrsTransform to_bng("EPSG:4326", "EPSG:27700");
  write_csv(csv, rows, lonlat, index, to_bng);
  const double mb = static_cast<double>(fs::file_size(csv)) / 1e6;

  // 1. Parse: hotspot reader (split + interpret every mapped field) vs OGR CSV driver.
  const Taxonomy tax = load_taxonomy(fs::path(HOTSPOT_SOURCE_DIR) / "data/themes/police-uk.toml");
  const Period window = parse_period("2017-04").needed_window();
  const IncidentSource spec = IncidentSource::police_uk();
  t0 = std::chrono::steady_clock::now();
  std::size_t parsed = 0;
  std::vector<double> px, py;
  {
    DuplicateIdFilter ids;
    auto source = open_csv_source(csv.string());
    FileReadResult r = read_incident_rows(*source, csv.string(), 0, spec, tax, window, ids);
    parsed = r.incidents.size();
    for (const auto& inc : r.incidents) {
      px.push_back(inc.x);
      py.push_back(inc.y);
    }
  }
  const double t_parse = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  std::size_t ogr_rows = 0;
  double checksum = 0;
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open(csv.c_str(), GDAL_OF_VECTOR));
    for (auto& f : *ds->GetLayer(0)) {
      ++ogr_rows;
      checksum += f->GetFieldAsDouble(4) + f->GetFieldAsDouble(5) + static_cast<double>(f->GetFieldAsString(9)[0]);
    }
  }
  const double t_ogr = seconds_since(t0);

  // 2. Ward assignment of the same points (reprojected once, outside the timing).
  to_bng.apply(px.data(), py.data(), px.size());
  t0 = std::chrono::steady_clock::now();
  std::size_t in_ward = 0;
  std::vector<std::uint32_t> ours(px.size());
  for (std::size_t i = 0; i < px.size(); ++i) in_ward += (ours[i] = index.locate(px[i], py[i])) != kNoWard;
  const double t_assign = seconds_since(t0);

  // Baseline: GEOS alone, STRtree of prepared wards, covers() per candidate.
  std::vector<GeomPtr> geoms;
  std::vector<PreparedPtr> prepared;
  GEOSSTRtree* tree = GEOSSTRtree_create_r(geos.get(), 10);
  std::vector<std::uint32_t> ids(wards.wards.size());
  for (std::uint32_t i = 0; i < wards.wards.size(); ++i) {
    geoms.push_back(geom_from_wkb(geos, wards.wards[i].wkb));
    prepared.push_back(prepare(geos, geoms.back().get()));
    ids[i] = i;
    GEOSSTRtree_insert_r(geos.get(), tree, geoms.back().get(), &ids[i]);
  }
  struct Query {
    GEOSContextHandle_t ctx;
    const std::vector<PreparedPtr>* prepared;
    const GEOSGeometry* point;
    std::uint32_t best;
  };
  t0 = std::chrono::steady_clock::now();
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < px.size(); ++i) {
    GEOSGeometry* p = GEOSGeom_createPointFromXY_r(geos.get(), px[i], py[i]);
    Query q{geos.get(), &prepared, p, kNoWard};
    GEOSSTRtree_query_r(geos.get(), tree, p, [](void* item, void* user) {
      auto* qq = static_cast<Query*>(user);
      const std::uint32_t w = *static_cast<std::uint32_t*>(item);
      if (w < qq->best && GEOSPreparedCovers_r(qq->ctx, (*qq->prepared)[w].get(), qq->point) == 1) qq->best = w;
    }, &q);
    mismatches += q.best != ours[i];
    GEOSGeom_destroy_r(geos.get(), p);
  }
  const double t_geos = seconds_since(t0);
  GEOSSTRtree_destroy_r(geos.get(), tree);

  // 3. The whole ingest stage through the app (read, check, reproject, assign, account).
  RunConfig cfg;
  cfg.period = parse_period("2017-04");
  cfg.taxonomy = tax;
  IncidentSource whole = spec;
  whole.paths = {csv.string()};
  cfg.incidents = {whole};
  Progress quiet(std::cout, true);
  t0 = std::chrono::steady_clock::now();
  const IngestResult ingested = ingest(cfg, index, quiet, cfg.period.needed_window());
  const double t_ingest = seconds_since(t0);

  fs::remove(csv);
  fmt::print("rows {}  file {:.1f} MB  wards {}  lookup cell {:.1f} m  boundary cells {:.1f}%\n", rows, mb,
             wards.wards.size(), index.cell_size(), 100 * index.boundary_cell_share());
  fmt::print("read wards {:.3f} s, build ward set (index and study area) {:.3f} s; points in a ward {} of {}; mismatches vs GEOS {}\n",
             t_read_wards, t_index, in_ward, px.size(), mismatches);
  fmt::print("| stage | hotspot | baseline | baseline time | ratio (baseline / hotspot) |\n|---|---|---|---|---|\n");
  fmt::print("| CSV parse, {} rows | {:.3f} s ({:.2f} M rows/s, {:.0f} MB/s) | GDAL OGR CSV driver | {:.3f} s ({:.2f} M rows/s) | {:.1f}x |\n",
             parsed, t_parse, parsed / t_parse / 1e6, mb / t_parse, t_ogr, ogr_rows / t_ogr / 1e6, t_ogr / t_parse);
  fmt::print("| ward assignment, {} points | {:.3f} s ({:.2f} M points/s) | GEOS STRtree + prepared covers | {:.3f} s ({:.2f} M points/s) | {:.1f}x |\n",
             px.size(), t_assign, px.size() / t_assign / 1e6, t_geos, px.size() / t_geos / 1e6, t_geos / t_assign);
  fmt::print("| whole ingest stage | {:.3f} s ({:.2f} M rows/s; {} accepted) | parse + GEOS baseline | {:.3f} s | {:.1f}x |\n",
             t_ingest, rows / t_ingest / 1e6, ingested.incidents.size(), t_ogr + t_geos, (t_ogr + t_geos) / t_ingest);
  if (checksum == 0) std::printf("(checksum zero)\n");
  return mismatches == 0 ? 0 : 1;
}
