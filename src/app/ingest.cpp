#include "app/ingest.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <future>
#include <memory>

#include "core/error.hpp"
#include "geo/crs_transform.hpp"
#include "io/incident_reader.hpp"
#include "io/record_source.hpp"
#include "io/sha256.hpp"

namespace hotspot {

namespace {
std::uint64_t sum(const ReasonCounts& counts) {
  std::uint64_t n = 0;
  for (auto c : counts) n += c;
  return n;
}
}  // namespace

std::uint64_t InputFileReport::rejected_total() const { return sum(rejected); }
std::uint64_t InputTotals::rejected_total() const { return sum(rejected); }

InputTotals input_totals(const std::vector<InputFileReport>& files) {
  InputTotals t;
  for (const InputFileReport& f : files) {
    t.read += f.read;
    t.accepted += f.accepted;
    t.outside_window += f.outside_window;
    t.unthemed += f.unthemed;
    t.blank_lines += f.blank_lines;
    for (std::size_t r = 0; r < kRejectReasonCount; ++r) t.rejected[r] += f.rejected[r];
  }
  return t;
}

namespace {

std::uint32_t ward_of_source_point(double sx, double sy, const CrsTransform& transform, const WardIndex& wards,
                                   double& ax, double& ay) {
  if (!transform.source_valid_bounds().contains(sx, sy)) return kNoWard;
  ax = sx;
  ay = sy;
  transform.apply(ax, ay);
  return wards.locate(ax, ay);
}

// For a point not in any ward: are x and y likely swapped? True when the
// swapped point lands in a ward.
bool swapped_lands_in_ward(double sx, double sy, const CrsTransform& transform, const WardIndex& wards) {
  double ax = 0, ay = 0;
  return ward_of_source_point(sy, sx, transform, wards, ax, ay) != kNoWard;
}

void process_file(const std::string& path, std::uint32_t index, const IncidentSource& spec,
                  const RunConfig& config, const Period& window, const WardIndex& wards, DuplicateIdFilter& ids,
                  IngestResult& out) {
  InputFileReport report;
  report.path = path;
  // Checksum on the other core while this one parses (the file is read twice, from the page cache).
  std::future<std::string> checksum = std::async(std::launch::async, sha256_file, path);
  report.source_name = spec.name;
  std::unique_ptr<RecordSource> source =
      spec.format == IncidentFormat::Ogr ? open_ogr_source(path, spec.layer) : open_csv_source(path);
  std::string crs = spec.crs;
  if (crs.empty()) crs = source->native_crs();
  if (crs.empty())
    throw bad_input("incidents", fmt::format("{}: the layer has no CRS; set crs in its [[incidents]] table.", path));
  const CrsTransform transform(crs, config.crs);

  FileReadResult rows = read_incident_rows(*source, path, index, spec, config.taxonomy,
                                           window, ids);
  report.read = rows.read;
  report.outside_window = rows.outside_window;
  report.blank_lines = source->skipped_blank_lines();

  // Reproject every point inside the CRS's area of use in one PROJ call.
  const std::size_t n = rows.incidents.size();
  std::vector<double> xs(n), ys(n);
  std::vector<char> in_area(n);
  for (std::size_t i = 0; i < n; ++i) {
    xs[i] = rows.incidents[i].x;
    ys[i] = rows.incidents[i].y;
    in_area[i] = transform.source_valid_bounds().contains(xs[i], ys[i]);
  }
  transform.apply(xs.data(), ys.data(), n);

  std::vector<Reject> spatial_rejects;
  for (std::size_t i = 0; i < n; ++i) {
    const RawIncident& r = rows.incidents[i];
    std::uint32_t ward = in_area[i] ? wards.locate(xs[i], ys[i]) : kNoWard;
    if (ward == kNoWard) {
      RejectReason reason;
      std::string detail;
      if (swapped_lands_in_ward(r.x, r.y, transform, wards)) {
        reason = RejectReason::SwappedCoordinates;
        detail = fmt::format("x={} y={}: swapped, the point falls inside a ward", r.x, r.y);
      } else if (!in_area[i] || !std::isfinite(xs[i])) {
        reason = RejectReason::ImpossibleCoordinates;
        detail = fmt::format("x={} y={} is outside the area of use of {}", r.x, r.y, spec.crs.empty() ? "the layer CRS" : spec.crs);
      } else {
        reason = RejectReason::OutsideWards;
        detail = fmt::format("x={} y={} ({:.0f}, {:.0f} in {})", r.x, r.y, xs[i], ys[i], config.crs);
      }
      spatial_rejects.push_back(Reject{index, r.incident.line, reason, "", std::move(detail), std::string(r.raw)});
      continue;
    }
    Incident inc = r.incident;
    inc.x = xs[i];
    inc.y = ys[i];
    inc.ward = ward;
    out.incidents.push_back(inc);
    ++report.accepted;
    if (r.unknown_category >= 0) {
      ++report.unthemed;
      ++report.unthemed_categories[rows.unknown_categories[static_cast<std::size_t>(r.unknown_category)]];
    }
  }
  std::vector<Reject>& rejects = rows.rejects;
  rejects.insert(rejects.end(), std::make_move_iterator(spatial_rejects.begin()),
                 std::make_move_iterator(spatial_rejects.end()));
  std::stable_sort(rejects.begin(), rejects.end(), [](const Reject& a, const Reject& b) { return a.line < b.line; });
  for (const Reject& r : rejects) ++report.rejected[static_cast<std::size_t>(r.reason)];
  if (report.read != report.accepted + report.outside_window + report.rejected_total())
    throw internal_error("ingest", fmt::format("{}: read {} but accepted {}, outside the data window {} and rejected {}",
                                               path, report.read, report.accepted, report.outside_window,
                                               report.rejected_total()));
  out.rejects.insert(out.rejects.end(), std::make_move_iterator(rejects.begin()),
                     std::make_move_iterator(rejects.end()));
  report.sha256 = checksum.get();
  out.files.push_back(std::move(report));
}

}  // namespace

IngestResult ingest(const RunConfig& config, const WardIndex& wards, Progress& progress, const Period& window) {
  IngestResult out;
  DuplicateIdFilter ids;
  std::size_t total = 0;
  for (const auto& source : config.incidents) total += source.paths.size();
  std::uint32_t index = 0;
  for (const auto& source : config.incidents) {
    for (const auto& path : source.paths) {
      progress.update("ingest", index, total, path);
      process_file(path, index, source, config, window, wards, ids, out);
      ++index;
    }
  }
  std::uint64_t read = 0;
  for (const auto& f : out.files) read += f.read;
  progress.finish("ingest", fmt::format("{} files, {} rows read, {} accepted", total, read, out.incidents.size()));
  return out;
}

}  // namespace hotspot
