#include "app/context/venue_loader.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/sha256.hpp"
#include "io/venue_reader.hpp"

namespace hotspot {

void load_venues(RunContext& run) {
  const std::uint32_t offset = static_cast<std::uint32_t>(run.ingest.files.size());
  for (const VenueSource& spec : run.cfg.venues) {
    for (const std::string& path : spec.paths) {
      const std::uint32_t index = offset + static_cast<std::uint32_t>(run.venue_files.size());
      VenueFileReport report;
      report.path = path;
      report.sha256 = sha256_file(path);
      report.source_name = spec.name;
      std::unique_ptr<RecordSource> source = spec.ogr ? open_ogr_source(path, spec.layer) : open_csv_source(path);
      const std::string crs = spec.crs.empty() ? source->native_crs() : spec.crs;
      if (crs.empty())
        throw bad_input("venues", fmt::format("{}: the layer has no CRS; set crs in its [[venues]] table.", path));
      const CrsTransform transform(crs, run.cfg.crs);
      VenueReadResult rows = read_venue_rows(*source, path, index, spec);
      report.read = rows.read;
      report.filtered = rows.filtered;
      for (RawVenue& v : rows.venues) {
        double x = v.x, y = v.y;
        const bool valid = transform.source_valid_bounds().contains(x, y);
        if (valid) transform.apply(x, y);
        const std::uint32_t ward = valid && std::isfinite(x) ? run.ward_set->locate(x, y) : kNoWard;
        if (ward == kNoWard) {
          const RejectReason reason = valid ? RejectReason::OutsideWards : RejectReason::ImpossibleCoordinates;
          rows.rejects.push_back(Reject{index, v.line, reason, "", fmt::format("{} ({}) at {}, {}", v.name, v.id, v.x, v.y),
                                        v.raw});
          continue;
        }
        run.venues.push_back(Venue{v.id, v.name, v.type, spec.name, x, y, ward});
        ++report.accepted;
      }
      std::stable_sort(rows.rejects.begin(), rows.rejects.end(),
                       [](const Reject& a, const Reject& b) { return a.line < b.line; });
      for (const Reject& r : rows.rejects) ++report.rejected[static_cast<std::size_t>(r.reason)];
      std::uint64_t rejected = 0;
      for (auto c : report.rejected) rejected += c;
      if (report.read != report.accepted + report.filtered + rejected)
        throw internal_error("venues", fmt::format("{}: read {} but accepted {}, filtered {}, rejected {}", path,
                                                   report.read, report.accepted, report.filtered, rejected));
      run.venue_rejects.insert(run.venue_rejects.end(), rows.rejects.begin(), rows.rejects.end());
      run.venue_files.push_back(std::move(report));
    }
  }
}

}  // namespace hotspot
