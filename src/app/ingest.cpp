#include "app/ingest.hpp"

#include "core/time_window.hpp"

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


// One PROJ transformation per input CRS: creating one queries proj.db (tens of
// milliseconds), which was most of ingest for a borough's 60 monthly files.
// Not shared across threads: a PJ is not thread-safe.
class TransformCache {
 public:
  explicit TransformCache(std::string to) : to_(std::move(to)) {}
  const CrsTransform& get(const std::string& from) {
    auto it = cache_.find(from);
    if (it == cache_.end()) it = cache_.emplace(from, std::make_unique<CrsTransform>(from, to_)).first;
    return *it->second;
  }

 private:
  std::string to_;
  std::map<std::string, std::unique_ptr<CrsTransform>> cache_;
};

ParsedFile parse_file(const std::string& path, std::uint32_t index, const IncidentSource& spec, const RunConfig& config,
                      const Period& window, DuplicateIdFilter& ids, TransformCache& transforms) {
  ParsedFile f;
  f.index = index;
  f.spec = &spec;
  f.report.path = path;
  // Checksum on the other core while this one parses (the file is read twice, from the page cache).
  std::future<std::string> checksum = std::async(std::launch::async, sha256_file, path);
  f.report.source_name = spec.name;
  f.source = spec.format == IncidentFormat::Ogr ? open_ogr_source(path, spec.layer) : open_csv_source(path);
  f.crs = spec.crs;
  if (f.crs.empty()) f.crs = f.source->native_crs();
  if (f.crs.empty())
    throw bad_input("incidents", fmt::format("{}: the layer has no CRS; set crs in its [[incidents]] table.", path));
  const CrsTransform& transform = transforms.get(f.crs);
  f.rows = read_incident_rows(*f.source, path, index, spec, config.taxonomy, window, ids);
  f.report.read = f.rows.read;
  f.report.outside_window = f.rows.outside_window;
  f.report.blank_lines = f.source->skipped_blank_lines();
  // Reproject every point inside the CRS's area of use in one PROJ call.
  const std::size_t n = f.rows.incidents.size();
  f.x.resize(n);
  f.y.resize(n);
  f.in_area.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    f.x[i] = f.rows.incidents[i].x;
    f.y[i] = f.rows.incidents[i].y;
    f.in_area[i] = transform.source_valid_bounds().contains(f.x[i], f.y[i]);
  }
  transform.apply(f.x.data(), f.y.data(), n);
  f.report.sha256 = checksum.get();
  return f;
}

void place_file(const ParsedFile& f, const RunConfig& config, const WardIndex& wards, TransformCache& transforms,
                IngestResult& out) {
  InputFileReport report = f.report;
  const CrsTransform& transform = transforms.get(f.crs);  // for the swapped-coordinates test
  const std::uint32_t index = f.index;
  const std::size_t n = f.rows.incidents.size();
  std::vector<Reject> spatial_rejects;
  for (std::size_t i = 0; i < n; ++i) {
    const RawIncident& r = f.rows.incidents[i];
    std::uint32_t ward = f.in_area[i] ? wards.locate(f.x[i], f.y[i]) : kNoWard;
    if (ward == kNoWard) {
      RejectReason reason;
      std::string detail;
      if (swapped_lands_in_ward(r.x, r.y, transform, wards)) {
        reason = RejectReason::SwappedCoordinates;
        detail = fmt::format("x={} y={}: swapped, the point falls inside a ward", r.x, r.y);
      } else if (!f.in_area[i] || !std::isfinite(f.x[i])) {
        reason = RejectReason::ImpossibleCoordinates;
        detail = fmt::format("x={} y={} is outside the area of use of {}", r.x, r.y,
                             f.spec->crs.empty() ? "the layer CRS" : f.spec->crs);
      } else {
        reason = RejectReason::OutsideWards;
        detail = fmt::format("x={} y={} ({:.0f}, {:.0f} in {})", r.x, r.y, f.x[i], f.y[i], config.crs);
      }
      spatial_rejects.push_back(Reject{index, r.incident.line, reason, "", std::move(detail), std::string(r.raw)});
      continue;
    }
    Incident inc = r.incident;
    inc.x = f.x[i];
    inc.y = f.y[i];
    inc.ward = ward;
    inc.themes |= window_theme_bits(config.taxonomy.themes, config.windows, inc);
    out.incidents.push_back(inc);
    ++report.accepted;
    if (r.unknown_category >= 0) {
      ++report.unthemed;
      ++report.unthemed_categories[f.rows.unknown_categories[static_cast<std::size_t>(r.unknown_category)]];
    }
  }
  std::vector<Reject> rejects = f.rows.rejects;
  rejects.insert(rejects.end(), std::make_move_iterator(spatial_rejects.begin()),
                 std::make_move_iterator(spatial_rejects.end()));
  std::stable_sort(rejects.begin(), rejects.end(), [](const Reject& a, const Reject& b) { return a.line < b.line; });
  for (const Reject& r : rejects) ++report.rejected[static_cast<std::size_t>(r.reason)];
  if (report.read != report.accepted + report.outside_window + report.rejected_total())
    throw internal_error("ingest", fmt::format("{}: read {} but accepted {}, outside the data window {} and rejected {}",
                                               report.path, report.read, report.accepted, report.outside_window,
                                               report.rejected_total()));
  out.rejects.insert(out.rejects.end(), std::make_move_iterator(rejects.begin()),
                     std::make_move_iterator(rejects.end()));
  out.files.push_back(std::move(report));
}

}  // namespace

ParsedInputs parse_inputs(const RunConfig& config, Progress& progress, const Period& window) {
  ParsedInputs out;
  DuplicateIdFilter ids;
  TransformCache transforms(config.crs);
  std::size_t total = 0;
  for (const auto& source : config.incidents) total += source.paths.size();
  std::uint32_t index = 0;
  for (const auto& source : config.incidents)
    for (const auto& path : source.paths) {
      progress.update("ingest", index, total, path);
      out.files.push_back(parse_file(path, index, source, config, window, ids, transforms));
      ++index;
    }
  return out;
}

IngestResult place_inputs(const ParsedInputs& parsed, const RunConfig& config, const WardIndex& wards) {
  IngestResult out;
  TransformCache transforms(config.crs);
  for (const ParsedFile& f : parsed.files) place_file(f, config, wards, transforms, out);
  return out;
}

IngestResult ingest(const RunConfig& config, const WardIndex& wards, Progress& progress, const Period& window) {
  IngestResult out = place_inputs(parse_inputs(config, progress, window), config, wards);
  std::uint64_t read = 0;
  for (const auto& f : out.files) read += f.read;
  progress.finish("ingest", fmt::format("{} files, {} rows read, {} accepted", out.files.size(), read,
                                        out.incidents.size()));
  return out;
}

}  // namespace hotspot
