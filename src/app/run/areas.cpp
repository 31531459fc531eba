#include "app/run/areas.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include "app/context/ingest.hpp"
#include "app/run/manifest.hpp"
#include "app/run/pack_folders.hpp"
#include "app/run/pipeline.hpp"
#include "app/context/progress.hpp"
#include "app/config/suggest.hpp"
#include "core/error.hpp"
#include "geo/ward_set.hpp"
#include "io/atomic_file.hpp"
#include "io/json_writer.hpp"
#include "io/sha256.hpp"
#include "io/staged_folder.hpp"
#include "io/ward_reader.hpp"
#include "io/html_tree.hpp"

namespace hotspot {
namespace fs = std::filesystem;
namespace {

// An OGR SQL field reference: bare when it is a plain name, else double-quoted.
std::string field_ref(const std::string& field) {
  const bool plain = !field.empty() && (std::isalpha(static_cast<unsigned char>(field[0])) || field[0] == '_') &&
                     std::all_of(field.begin(), field.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                     });
  return plain ? field : "\"" + field + "\"";
}

// An OGR SQL string literal: single quotes doubled.
std::string sql_literal(const std::string& v) {
  std::string out = "'";
  for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

struct AreaOutcome {
  std::string value, slug, error;  // error empty: the area's pack was written
  ErrorKind kind = ErrorKind::BadInput;  // of the error
};

constexpr const char* kIndexCss = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                                  "td,th{border:1px solid #ccc;padding:4px 8px}tr.failed td{color:#a50f15}";

// One row an area: a link to its report and project, or why it failed.
void index_row(pugi::xml_node table, const AreaOutcome& a) {
  if (a.error.empty()) {
    const pugi::xml_node tr = html::el(table, "tr");
    html::el(html::el(tr, "td"), "a", {{"href", a.slug + "/report.html"}}, a.value);
    html::el(tr, "td", {}, "written");
    html::el(html::el(tr, "td"), "a", {{"href", a.slug + "/tasking.qgs"}}, a.slug + "/tasking.qgs");
  } else {
    const pugi::xml_node tr = html::el(table, "tr", {{"class", "failed"}});
    for (const std::string& text : {a.value, std::string("failed"), a.error}) html::el(tr, "td", {}, text);
  }
  html::newline(table);
}

std::string index_html(const RunConfig& cfg, const std::vector<AreaOutcome>& areas) {
  pugi::xml_document doc;
  const pugi::xml_node page = html::el(doc, "html", {{"lang", "en"}});
  const pugi::xml_node head = html::el(page, "head");
  html::el(head, "meta", {{"charset", "utf-8"}});
  html::el(head, "title", {}, "Hotspot packs, " + cfg.period.label);
  html::newline(head);
  html::el(head, "style", {}, kIndexCss);
  html::newline(head);
  const pugi::xml_node body = html::el(page, "body");
  html::el(body, "h1", {}, "Hotspot packs, " + cfg.period.label);
  html::el(body, "p", {}, fmt::format("One pack per {}, each the pack a run for that area alone would make. Open an "
                                      "area's report, or its QGIS project.", cfg.areas.field));
  html::newline(body);
  const pugi::xml_node table = html::el(body, "table");
  const pugi::xml_node head_row = html::el(table, "tr");
  for (const char* h : {"Area", "Status", "Pack"}) html::el(head_row, "th", {}, h);
  html::newline(table);
  for (const AreaOutcome& a : areas) index_row(table, a);
  html::newline(doc);
  return html::page_string(doc);
}

std::string index_json(const RunConfig& cfg, const std::vector<AreaOutcome>& areas) {
  JsonWriter j;
  j.begin_object();
  write_software(j);
  j.value("period", cfg.period.label).value("area_field", cfg.areas.field);
  j.begin_array("areas");
  for (const AreaOutcome& a : areas) {
    j.begin_object().value("area", a.value).value("folder", a.slug).value("status", a.error.empty() ? "written" : "failed");
    if (!a.error.empty()) j.value("reason", a.error);
    j.end_object();
  }
  j.end_array().end_object();
  return j.str();
}

// Marks the rows inside any area's wards, so that each area lists in its
// rejects.csv only the rows outside every area (the others are another
// area's rows; each area still counts them as a single-area run would). A ward
// layer that cannot be read whole leaves the rows unmarked: every area then
// lists its rejects in full, and the area with the bad wards fails alone.
//
// Returns the extent over which run.crs was found true to scale, when it was:
// every area lies inside it, so none checks again.
std::optional<Bounds> mark_rows_in_areas(const RunConfig& cfg, const std::vector<std::string>& values,
                                         ParsedInputs& parsed, Progress& progress) {
  std::vector<std::string> literals;
  for (const std::string& v : values) literals.push_back(sql_literal(v));
  WardSource all = cfg.wards;  // the wards of the areas built, not every ward of the layer (areas.only)
  const std::string in = fmt::format("{} IN ({})", field_ref(cfg.areas.field), fmt::join(literals, ", "));
  all.where = cfg.wards.where.empty() ? in : "(" + cfg.wards.where + ") AND " + in;
  const GeosContext geos;
  Diagnostics ignored;  // each area reads its own wards again and reports their warnings
  try {
    const WardReadResult wards = read_wards(geos, all, cfg.crs, ignored);
    const WardSet set(geos, wards.wards);
    mark_rows_in_wards(parsed, set.index());
    try {
      require_true_scale(cfg.crs, set.extent(), "run.crs");
      return set.extent();
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Internal) throw;  // else each area checks its own extent, and fails alone
    }
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Internal) throw;
    progress.warnings() << fmt::format("warning: the wards of all areas could not be read together ({}); each "
                                       "area's rejects.csv lists the rows of the other areas too\n", e.what());
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> area_values(const RunConfig& cfg) {
  if (!cfg.areas.only.empty()) {
    std::vector<std::string> v = cfg.areas.only;
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  }
  return ward_area_values(cfg);
}

std::vector<std::string> ward_area_values(const RunConfig& cfg) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(cfg.wards.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw bad_input("wards", fmt::format("{}: cannot open the ward layer. Check wards.path.", cfg.wards.path));
  OGRLayer* layer = cfg.wards.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(cfg.wards.layer.c_str());
  if (!layer) throw bad_input("wards", fmt::format("{}: no layer '{}'.", cfg.wards.path, cfg.wards.layer));
  if (layer->GetLayerDefn()->GetFieldIndex(cfg.areas.field.c_str()) < 0)
    throw usage_error("config", fmt::format("areas.field: the ward layer {} has no field '{}'. Set --areas to one of "
                                            "its fields.", cfg.wards.path, cfg.areas.field));
  if (!cfg.wards.where.empty() && layer->SetAttributeFilter(cfg.wards.where.c_str()) != OGRERR_NONE)
    throw usage_error("config", fmt::format("wards.where: '{}' is not a valid filter.", cfg.wards.where));
  std::set<std::string> values;
  for (auto& f : *layer)
    if (f->IsFieldSetAndNotNull(f->GetFieldIndex(cfg.areas.field.c_str())))
      values.insert(f->GetFieldAsString(cfg.areas.field.c_str()));
  if (values.empty())
    throw bad_input("wards", fmt::format("no ward has a value in '{}'{}: no area to build.", cfg.areas.field,
                                         cfg.wards.where.empty() ? "" : " under wards.where"));
  return {values.begin(), values.end()};
}

std::string area_slug(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "area" : out;
}

RunConfig area_config(const RunConfig& cfg, const std::string& value) {
  RunConfig a = cfg;
  const std::string cond = field_ref(cfg.areas.field) + " = " + sql_literal(value);
  a.wards.where = cfg.wards.where.empty() ? cond : "(" + cfg.wards.where + ") AND " + cond;
  a.area_name = value;
  a.output = cfg.output / area_slug(value);
  a.restricted_output = cfg.restricted_output / area_slug(value);
  a.areas = AreasConfig{};
  return a;
}

// Each value's reason it cannot be built, or empty: a value of areas.only
// that no ward has, or a folder name another area already has.
std::vector<std::string> area_problems(const RunConfig& cfg, const std::vector<std::string>& values) {
  std::vector<std::string> problems(values.size());
  if (!cfg.areas.only.empty()) {  // every value listed must be among the wards'
    const std::vector<std::string> known = ward_area_values(cfg);
    for (std::size_t i = 0; i < values.size(); ++i)
      if (!std::binary_search(known.begin(), known.end(), values[i]))
        problems[i] = fmt::format("no ward has {} = '{}'{}.{} Check areas.only.", cfg.areas.field, values[i],
                                  cfg.wards.where.empty() ? "" : " under wards.where", did_you_mean(values[i], known));
  }
  std::map<std::string, std::size_t> by_slug;  // the first area with each folder name keeps it
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!problems[i].empty()) continue;
    const auto [it, fresh] = by_slug.emplace(area_slug(values[i]), i);
    if (!fresh)
      problems[i] = fmt::format("its folder name '{}' is that of the area '{}'. Leave one of them out with "
                                "areas.only.", it->first, values[it->second]);
  }
  return problems;
}

namespace {

// Runs the pipeline for every area on cfg.areas.threads threads, into the
// staging folders. A value with a problem and bad data fail their area alone;
// a bug stops the whole run (exit 3).
std::vector<AreaOutcome> build_areas(const RunConfig& cfg, const std::vector<std::string>& values,
                                     const std::vector<std::string>& problems, const ParsedInputs& parsed,
                                     const std::optional<Bounds>& true_scale_over,
                                     const StagedFolder& pack, const StagedFolder& restricted, Progress& progress) {
  std::vector<AreaOutcome> outcomes(values.size());
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex failure_mutex;
  std::exception_ptr internal;
  const auto fail_internal = [&] {
    std::lock_guard<std::mutex> lock(failure_mutex);
    if (!internal) internal = std::current_exception();
  };
  auto worker = [&] {
    for (std::size_t i = next++; i < values.size(); i = next++) {
      AreaOutcome& o = outcomes[i];
      o.value = values[i];
      o.slug = area_slug(values[i]);
      o.error = problems[i];
      if (o.error.empty()) {
        const AreaRun area{&parsed, pack.staging() / o.slug, restricted.staging() / o.slug, true_scale_over};
        std::ostringstream log;
        try {
          run_pipeline(area_config(cfg, values[i]), Mode::Run, RunOptions{.quiet = true}, log, &area);
        } catch (const Error& e) {
          if (e.kind() == ErrorKind::Internal) fail_internal();
          o.error = e.what();
          o.kind = e.kind();
          std::error_code ec;
          fs::remove_all(area.pack_dir, ec);
          fs::remove_all(area.restricted_dir, ec);
        } catch (...) {
          fail_internal();
        }
      }
      progress.update("areas", ++done, values.size(), values[i]);
    }
  };
  std::vector<std::thread> threads;
  const int n = std::max(1, std::min(cfg.areas.threads, static_cast<int>(values.size())));
  for (int t = 0; t < n; ++t) threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  if (internal) std::rethrow_exception(internal);
  return outcomes;
}

// index.html and index.json over the areas, and a manifest in both top
// folders, so a rerun recognises them as hotspot's. The set's id
// (app/run/pack_folders.hpp) hashes the index and each area's pack manifest,
// which checksums its files.
void write_area_index(const RunConfig& cfg, const std::vector<AreaOutcome>& outcomes, const StagedFolder& pack,
                      const StagedFolder& restricted) {
  write_file_atomically(pack.staging() / "index.html", index_html(cfg, outcomes));
  write_file_atomically(pack.staging() / "index.json", index_json(cfg, outcomes));
  std::vector<OutputFile> listing;
  for (const std::string name : {"index.html", "index.json"})
    listing.push_back(OutputFile{name, sha256_file((pack.staging() / name).string())});
  for (const AreaOutcome& o : outcomes)
    if (o.error.empty())
      listing.push_back(
          OutputFile{o.slug + "/manifest.json", sha256_file((pack.staging() / o.slug / "manifest.json").string())});
  const std::string id = pack_id(listing);
  for (const fs::path& dir : {pack.staging(), restricted.staging()}) {
    JsonWriter j;
    j.begin_object();
    write_software(j);
    // Who wrote the set, as a single pack's manifest says (app/run/pack_folders.hpp).
    j.value("pack_id", id).value("command", "run").value("config", cfg.config_path.filename().string());
    j.value("area_name", cfg.area_name).value("period", cfg.period.label);
    j.value("areas_index", "index.json").value("restricted", dir == restricted.staging());
    j.end_object();
    write_file_atomically(dir / "manifest.json", j.str());
  }
}

}  // namespace

void run_areas(const RunConfig& cfg, const RunOptions& options, std::ostream& out) {
  const std::vector<std::string> values = area_values(cfg);
  // A value that cannot be built fails alone, like an area with bad data.
  const std::vector<std::string> problems = area_problems(cfg, values);
  std::vector<std::string> buildable;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (problems[i].empty()) buildable.push_back(values[i]);
  const FolderWriter me{.command = "run", .area = cfg.area_name, .config = cfg.config_path.filename().string()};
  refuse_to_replace(cfg.output, "output folder", me, options.force);
  refuse_to_replace(cfg.restricted_output, "restricted folder", me, options.force);
  finish_interrupted_swap(cfg.output, cfg.restricted_output);
  remove_dead_staging_folders(cfg.output);
  remove_dead_staging_folders(cfg.restricted_output);

  Progress progress(out, options.quiet);
  fmt::print(progress.console(), "Run {} areas by {}: {}, period {}\n", values.size(), cfg.areas.field,
             fmt::join(values, ", "), cfg.period.label);
  // One read of the inputs for every area.
  progress.begin("ingest");
  ParsedInputs parsed = parse_inputs(cfg, progress, data_window(cfg, Mode::Run));
  const std::optional<Bounds> true_scale_over =
      buildable.empty() ? std::nullopt : mark_rows_in_areas(cfg, buildable, parsed, progress);
  progress.finish("ingest", fmt::format("{} files", parsed.files.size()));

  StagedFolder pack(cfg.output), restricted(cfg.restricted_output);
  const std::vector<AreaOutcome> outcomes =
      build_areas(cfg, values, problems, parsed, true_scale_over, pack, restricted, progress);
  progress.finish("areas", fmt::format("{} areas", values.size()));
  std::size_t failed = 0;
  for (const AreaOutcome& o : outcomes) {
    failed += !o.error.empty();
    fmt::print(progress.console(), "{}: {}\n", o.value, o.error.empty() ? "written to " + o.slug + "/" : "FAILED: " + o.error);
  }
  if (failed == outcomes.size())
    // The first area's kind: a setting every area trips on (a distorting CRS) stays a usage error.
    throw Error(outcomes[0].kind, "areas",
                fmt::format("every area failed; the first: {}: {}", outcomes[0].value, outcomes[0].error));
  write_area_index(cfg, outcomes, pack, restricted);
  commit_together(restricted, pack);
  fmt::print(progress.always(), "Wrote {} areas to {} ({} failed); row-level files, not for sharing, in {}\n",
             outcomes.size() - failed, cfg.output.string(), failed, cfg.restricted_output.string());
  // The others are written; the exit code still says that not all of the set is there.
  if (failed) {
    std::vector<std::string> reasons;
    for (const AreaOutcome& o : outcomes)
      if (!o.error.empty()) reasons.push_back(fmt::format("{}: {}", o.value, o.error));
    throw bad_input("areas", fmt::format("{} of {} areas failed, the other {} were written (see {}): {}",
                                         failed, outcomes.size(), outcomes.size() - failed,
                                         (cfg.output / "index.html").string(), fmt::join(reasons, " | ")));
  }
}

}  // namespace hotspot
