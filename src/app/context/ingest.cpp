#include "app/context/ingest.hpp"

#include "core/point_key.hpp"
#include "core/time_window.hpp"

#include <algorithm>
#include <bit>
#include <atomic>
#include <cstring>
#include <exception>
#include <thread>
#include <unordered_map>
#include <cmath>
#include <fmt/format.h>
#include <future>
#include <memory>

#include "app/config/config.hpp"
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



// Source points already transformed, keyed by their exact bits: police.uk
// snaps every incident to one of a few map points, so a London extract of
// 1.2 M rows has some 40 k. PROJ transforms each point on its own, so a point
// looked up here is the same as one transformed again.
struct PointMemo {
  static constexpr std::size_t kMaxPoints = 1u << 21;  // then start again: memory stays bounded
  std::unordered_map<PointKey, std::uint32_t, PointKeyHash> index;
  std::vector<double> x, y;  // transformed, by index
};

// One PROJ transformation per input CRS: creating one queries proj.db (tens of
// milliseconds), which was most of ingest for a borough's 60 monthly files.
// Not shared across threads: a PJ is not thread-safe.
class TransformCache {
 public:
  explicit TransformCache(std::string to) : to_(std::move(to)) {}
  const CrsTransform& get(const std::string& from) { return *entry(from).transform; }
  PointMemo& memo(const std::string& from) { return entry(from).memo; }

 private:
  struct Entry {
    std::unique_ptr<CrsTransform> transform;
    PointMemo memo;
  };
  Entry& entry(const std::string& from) {
    auto it = cache_.find(from);
    if (it == cache_.end()) it = cache_.emplace(from, Entry{std::make_unique<CrsTransform>(from, to_), {}}).first;
    return it->second;
  }
  std::string to_;
  std::map<std::string, Entry> cache_;
};

// For a point not in any ward: are x and y likely swapped? True when the
// swapped point lands in a ward. Answered once per distinct source point
// (police.uk's map points repeat): `run --areas` asks it of every other area's
// row, 1.2 M rows an area in London, and PROJ was a fifth of that run.
class SwapTest {
 public:
  SwapTest(const CrsTransform& transform, const WardIndex& wards) : transform_(transform), wards_(wards) {}
  bool swapped_lands_in_ward(double sx, double sy) {
    if (known_.size() >= PointMemo::kMaxPoints) known_.clear();  // memory stays bounded, as the PROJ memo's
    const auto [it, fresh] = known_.try_emplace(PointKey::of(sx, sy), false);
    if (fresh) {
      double ax = 0, ay = 0;
      it->second = ward_of_source_point(sy, sx, transform_, wards_, ax, ay) != kNoWard;
    }
    return it->second;
  }

 private:
  const CrsTransform& transform_;
  const WardIndex& wards_;
  std::unordered_map<PointKey, bool, PointKeyHash> known_;
};

// Reprojects points in place, calling PROJ once per distinct source point of
// this thread's files (see PointMemo).
void reproject_distinct(const CrsTransform& transform, PointMemo& memo, std::vector<double>& x, std::vector<double>& y) {
  const std::size_t n = x.size();
  if (memo.x.size() + n > PointMemo::kMaxPoints) memo = PointMemo{};
  const std::size_t known = memo.x.size();
  std::vector<std::uint32_t> slot(n);
  for (std::size_t i = 0; i < n; ++i) {
    PointKey k{0, 0};
    std::memcpy(&k.x, &x[i], sizeof k.x);
    std::memcpy(&k.y, &y[i], sizeof k.y);
    auto [it, fresh] = memo.index.try_emplace(k, static_cast<std::uint32_t>(memo.x.size()));
    if (fresh) {
      memo.x.push_back(x[i]);
      memo.y.push_back(y[i]);
    }
    slot[i] = it->second;
  }
  transform.apply(memo.x.data() + known, memo.y.data() + known, memo.x.size() - known);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = memo.x[slot[i]];
    y[i] = memo.y[slot[i]];
  }
}

// Reads, parses and reprojects one file; duplicate ids are left to the caller
// (reject_duplicate_ids, in file order), so files can be parsed on any thread.
ParsedFile parse_file(const std::string& path, std::uint32_t index, const IncidentSource& spec, const RunConfig& config,
                      const Period& window, TransformCache& transforms, bool checksum_aside) {
  ParsedFile f;
  f.index = index;
  f.spec = &spec;
  f.report.path = path;
  // Checksum on another core while this one parses (the file is read twice, from the page cache),
  // unless files are already parsed on every core.
  std::future<std::string> checksum;
  if (checksum_aside) checksum = std::async(std::launch::async, sha256_file, path);
  else f.report.sha256 = sha256_file(path);
  f.report.source_name = spec.name;
  f.source = spec.format == IncidentFormat::Ogr ? open_ogr_source(path, spec.layer) : open_csv_source(path);
  f.crs = spec.crs;
  if (f.crs.empty()) f.crs = f.source->native_crs();
  if (f.crs.empty())
    throw bad_input("incidents", fmt::format("{}: the layer has no CRS; set crs in its [[incidents]] table.", path));
  const CrsTransform& transform = transforms.get(f.crs);
  f.rows = read_incident_rows(*f.source, path, index, spec, config.taxonomy, window, nullptr);
  f.report.read = f.rows.read;
  f.report.outside_window = f.rows.outside_window;
  f.report.blank_lines = f.source->skipped_blank_lines();
  // Reproject every point inside the CRS's area of use.
  const std::size_t n = f.rows.incidents.size();
  f.x.resize(n);
  f.y.resize(n);
  f.in_area.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    f.x[i] = f.rows.incidents[i].x;
    f.y[i] = f.rows.incidents[i].y;
    f.in_area[i] = transform.source_valid_bounds().contains(f.x[i], f.y[i]);
  }
  reproject_distinct(transform, transforms.memo(f.crs), f.x, f.y);
  if (checksum_aside) f.report.sha256 = checksum.get();
  return f;
}

// A file whose bytes an earlier file already gave: read 0 rows, so that its
// rows count once. Said in a warning naming both, and in the manifest.
void skip_copy(ParsedFile& copy, const ParsedFile& first, const RunConfig& config, std::vector<std::string>& warnings) {
  warnings.push_back(fmt::format("{} has the same content as {} (SHA-256 {}): it is skipped, so its rows count "
                                 "once. Remove the copy, or narrow the paths that match it.",
                                 display_path(config, copy.report.path), display_path(config, first.report.path),
                                 copy.report.sha256));
  copy.report.duplicate_of = first.report.path;
  copy.report.read = copy.report.outside_window = copy.report.blank_lines = 0;
  copy.rows = FileReadResult{};
  copy.x.clear();
  copy.y.clear();
  copy.in_area.clear();
  copy.source.reset();
}

// Applies the run's duplicate-id filter to one parsed file, in file order.
void reject_duplicates(ParsedFile& f, DuplicateIdFilter& ids) {
  std::vector<char> keep;
  reject_duplicate_ids(f.rows, f.index, ids, keep);
  if (f.rows.incidents.size() == keep.size()) return;
  std::size_t k = 0;
  for (std::size_t i = 0; i < keep.size(); ++i) {
    if (!keep[i]) continue;
    f.x[k] = f.x[i];
    f.y[k] = f.y[i];
    f.in_area[k] = f.in_area[i];
    ++k;
  }
  f.x.resize(k);
  f.y.resize(k);
  f.in_area.resize(k);
}

void place_file(const ParsedFile& f, const RunConfig& config, const WardIndex& wards, SwapTest& swap,
                IngestResult& out) {
  InputFileReport report = f.report;
  const std::uint32_t index = f.index;
  const std::size_t n = f.rows.incidents.size();
  std::vector<Reject> spatial_rejects;
  std::uint64_t in_other_areas = 0;
  // The file's street ids to the run's, interned as accepted incidents meet them (file order: deterministic).
  std::vector<std::uint32_t> street(f.rows.streets.size(), kNoStreet);
  out.has_streets = out.has_streets || f.rows.has_street;
  for (std::size_t i = 0; i < n; ++i) {
    const RawIncident& r = f.rows.incidents[i];
    std::uint32_t ward = f.in_area[i] ? wards.locate(f.x[i], f.y[i]) : kNoWard;
    if (ward == kNoWard) {
      RejectReason reason;
      std::string detail;
      if (swap.swapped_lands_in_ward(r.x, r.y)) {
        reason = RejectReason::SwappedCoordinates;
        detail = fmt::format("x={} y={}: swapped, the point falls inside a ward", r.x, r.y);
      } else if (!f.in_area[i] || !std::isfinite(f.x[i])) {
        reason = RejectReason::ImpossibleCoordinates;
        detail = fmt::format("x={} y={} is outside the area of use of {}", r.x, r.y,
                             f.spec->crs.empty() ? "the layer CRS" : f.spec->crs);
      } else {
        reason = RejectReason::OutsideWards;
        if (!f.in_run_wards.empty() && f.in_run_wards[i]) {  // another area's row: counted, not listed
          ++in_other_areas;
          continue;
        }
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
    if (inc.street != kNoStreet) {
      std::uint32_t& id = street[inc.street];
      if (id == kNoStreet) id = out.streets.intern(f.rows.streets.name(inc.street));
      inc.street = id;
    }
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
  report.rejected[static_cast<std::size_t>(RejectReason::OutsideWards)] += in_other_areas;
  out.rejects_in_other_areas += in_other_areas;
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
  struct Job {
    const IncidentSource* spec;
    const std::string* path;
  };
  std::vector<Job> jobs;
  for (const auto& source : config.incidents)
    for (const auto& path : source.paths) jobs.push_back({&source, &path});
  ParsedInputs out;
  out.files.resize(jobs.size());
  std::vector<std::exception_ptr> errors(jobs.size());
  // Files are parsed on config.threads threads, each taking the next file; what
  // a file gives does not depend on the thread, and duplicate ids are settled
  // below in file order, so the result is the same for any thread count.
  const int threads = std::max(1, std::min(config.threads, static_cast<int>(jobs.size())));
  std::atomic<std::size_t> next{0};
  auto work = [&](bool main_thread) {
    TransformCache transforms(config.crs);  // a PJ is not thread-safe: one cache per thread
    for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      if (main_thread) progress.update("ingest", i, jobs.size(), *jobs[i].path);
      try {
        out.files[i] = parse_file(*jobs[i].path, static_cast<std::uint32_t>(i), *jobs[i].spec, config, window,
                                  transforms, threads == 1);
      } catch (...) {
        errors[i] = std::current_exception();
        next = jobs.size();  // stop taking files; the first failing file in order is reported
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, false);
  work(true);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  std::map<std::string, std::size_t> first_with;  // SHA-256 -> the first file with those bytes
  for (std::size_t i = 0; i < out.files.size(); ++i)
    if (const auto [it, fresh] = first_with.emplace(out.files[i].report.sha256, i); !fresh)
      skip_copy(out.files[i], out.files[it->second], config, out.warnings);
  // The first record with an id wins, across files in config order.
  std::size_t ids = 0, bytes = 0;
  for (const ParsedFile& f : out.files)
    for (const RawIncident& r : f.rows.incidents) {
      ids += !r.id.empty();
      bytes += r.id.size();
    }
  DuplicateIdFilter filter;
  filter.reserve(ids, bytes);
  for (ParsedFile& f : out.files) reject_duplicates(f, filter);
  return out;
}

void mark_rows_in_wards(ParsedInputs& parsed, const WardIndex& wards) {
  for (ParsedFile& f : parsed.files) {
    f.in_run_wards.assign(f.rows.incidents.size(), 0);
    for (std::size_t i = 0; i < f.in_run_wards.size(); ++i)
      f.in_run_wards[i] = f.in_area[i] && wards.locate(f.x[i], f.y[i]) != kNoWard;
  }
}

IngestResult place_inputs(const ParsedInputs& parsed, const RunConfig& config, const WardIndex& wards) {
  IngestResult out;
  out.warnings = parsed.warnings;
  TransformCache transforms(config.crs);
  std::size_t n = 0;
  for (const ParsedFile& f : parsed.files) n += f.rows.incidents.size();
  out.incidents.reserve(n);
  std::map<std::string, SwapTest> swap_tests;  // by the files' CRS
  for (const ParsedFile& f : parsed.files) {
    auto it = swap_tests.find(f.crs);
    if (it == swap_tests.end()) it = swap_tests.try_emplace(f.crs, transforms.get(f.crs), wards).first;
    place_file(f, config, wards, it->second, out);
  }
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
