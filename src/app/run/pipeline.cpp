#include "app/run/pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <tuple>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <ostream>

#include "app/run/pack_folders.hpp"
#include "app/context/data_availability_check.hpp"
#include "app/disclosure/output_registry.hpp"
#include "app/context/gdal_warnings.hpp"
#include "app/stages/pack_forecast.hpp"
#include "app/context/run_context.hpp"
#include "app/stages/stages.hpp"
#include "app/context/venue_loader.hpp"
#include "app/context/ward_filter_check.hpp"
#include "app/run/input_account.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "app/context/population.hpp"
#include "io/context_reader.hpp"
#include "io/staged_folder.hpp"

namespace hotspot {
namespace fs = std::filesystem;
namespace {

void load_inputs(RunContext& run, const Period& window, const AreaRun* area) {
  const ParsedInputs* parsed = area ? area->parsed : nullptr;
  const RunConfig& cfg = run.cfg;
  run.timer.start("wards");
  run.progress.begin("wards");
  // A filter that selects nothing is said with the values the layer holds.
  require_wards_match(cfg.wards.path, cfg.wards.layer, cfg.wards.where, "wards.where");
  run.wards = read_wards(run.geos, cfg.wards, cfg.crs, run.diag);
  run.ward_set = std::make_unique<WardSet>(run.geos, run.wards.wards, &run.diag);
  // Now that the area is known: a CRS that misstates it (Web Mercator) would misstate every measure.
  const Bounds& extent = run.ward_set->extent();
  const std::optional<Bounds> checked = area ? area->true_scale_over : std::nullopt;
  if (!checked || !(checked->contains(extent.min_x, extent.min_y) && checked->contains(extent.max_x, extent.max_y)))
    require_true_scale(cfg.crs, extent, "run.crs");
  // The report, the last stage, draws the context layer: read it now, so that a
  // layer without a CRS or a broken feature stops the run before the analysis.
  if (const ContextConfig& c = cfg.context; !c.path.empty())
    (void)read_context(run.geos, ContextSource{c.path, c.layer, c.crs, c.label_field}, cfg.crs, run.ward_set->extent());
  run.population = attach_population(cfg, run.geos, *run.ward_set, run.wards.wards, run.diag);
  run.timer.stop();
  run.progress.finish("wards", fmt::format("{} wards, {:.1f} km2", run.wards.wards.size(), run.ward_set->area_m2() / 1e6));

  run.timer.start("ingest");
  run.data_window = window;
  run.ingest = parsed ? place_inputs(*parsed, cfg, run.ward_set->index())
                      : ingest(cfg, run.ward_set->index(), run.progress, window);
  run.streets = run_streets(run.ingest.incidents, run.ingest.streets, run.ingest.has_streets, run.wards.wards, cfg.crs);
  run.timer.stop();
  for (const std::string& w : run.ingest.warnings) run.diag.warn(w);
  if (!cfg.period.label.empty()) {  // evaluate has no period
    run.availability = assess_data(cfg, run.ingest);
    for (const std::string& w : data_warnings(cfg, run.availability)) run.diag.warn(w);
    run.stages.push_back({"data", [&cfg, a = run.availability](JsonWriter& j) { write_data_availability(j, cfg, a); }});
  }
  if (!cfg.venues.empty()) {
    run.timer.start("venues_read");
    load_venues(run);
    run.timer.stop();
  }
}

// An area of a multi-area run names itself: its warnings share the terminal with the other areas'.
void print_warnings(RunContext& run, const AreaRun* area) {
  const std::string who = area ? run.cfg.area_name + ": " : "";
  for (const auto& w : run.diag.warnings) fmt::print(run.progress.warnings(), "{}warning: {}\n", who, w);
}

// Every stage result of a run, one slot per result type. Each lives until the
// manifest is written: a stage's manifest entry reads its result.
using StageResults = std::tuple<std::optional<WardResult>, std::optional<TimeResult>, std::optional<RepeatResult>,
                                std::optional<KdeResult>, std::optional<RiskResult>, std::optional<ClusterResult>,
                                std::optional<EmergingResult>, std::optional<VenueResult>,
                                std::optional<ForwardPlanResult>, std::optional<EvaluationResult>,
                                std::optional<PointsResult>, std::optional<ReportResult>>;

// The result of type T, or nullptr when its stage did not run.
template <typename T>
const T* if_ran(const StageResults& s) {
  const std::optional<T>& result = std::get<std::optional<T>>(s);
  return result ? &*result : nullptr;
}

// Computes a stage's result into its slot, then publishes it when there is one;
// timings.json times the two apart.
template <typename T, typename Compute>
void run_stage(RunContext& run, std::ostream& out, const std::string& name, StageResults& s, Compute&& compute,
               void (*publish)(RunContext&, const T&, std::ostream&)) {
  std::optional<T>& slot = std::get<std::optional<T>>(s);
  run.timer.start(name);
  slot = compute();
  run.timer.stop();
  if (!slot) return;
  run.timer.start(name + " (publish)");
  publish(run, *slot, out);
  run.timer.stop();
}

// The stages `mode` runs, in order; each gets the results it needs.
void run_stages(RunContext& run, Mode mode, std::ostream& out, StageResults& s) {
  const RunConfig& cfg = run.cfg;
  const bool pack = mode == Mode::Run;
  const auto* wards = &std::get<std::optional<WardResult>>(s);
  if (pack || mode == Mode::Wards)
    run_stage(run, out, "ward_stats", s, [&] { return compute_wards(run); }, publish_wards);
  if (pack) run_stage(run, out, "time_of_day", s, [&] { return compute_time(run, **wards); }, publish_time);
  if (pack) run_stage(run, out, "repeat_locations", s, [&] { return compute_repeats(run); }, publish_repeats);
  // Before the hotspots: each hotspot is classed (new, persistent, ...) by its cells' space-time classes.
  if (pack && cfg.emerging.enabled)
    run_stage(run, out, "emerging", s, [&] { return compute_emerging(run, run.progress, run.diag); }, publish_emerging);
  // The venue planner measures against the hotspots, so `hotspot venues` draws them too.
  const auto* kde = &std::get<std::optional<KdeResult>>(s);
  if ((pack && cfg.kde.enabled) || mode == Mode::Kde || (mode == Mode::Venues && cfg.kde.enabled))
    run_stage(run, out, "kde", s,
              [&] { return compute_kde(run, if_ran<WardResult>(s), if_ran<EmergingResult>(s), run.progress, run.diag); },
              publish_kde);
  if (pack && *kde) run_stage(run, out, "risk", s, [&] { return compute_risk(run, **kde); }, publish_risk);
  if ((pack && cfg.clusters.enabled) || mode == Mode::Clusters)
    run_stage(run, out, "clusters", s, [&] { return compute_clusters(run, run.progress); }, publish_clusters);
  if ((pack && cfg.programme.enabled && !cfg.venues.empty()) || mode == Mode::Venues)
    run_stage(run, out, "venues", s, [&] { return compute_venues(run, if_ran<KdeResult>(s), run.diag); },
              publish_venues);
  if (pack && cfg.forward_plan.enabled() && !cfg.venues.empty())
    run_stage(run, out, "forward_plan", s,
              [&] { return compute_forward_plan(run, if_ran<WardResult>(s), if_ran<KdeResult>(s), run.diag); },
              publish_forward_plan);
  if (mode == Mode::Evaluate)
    run_stage(run, out, "evaluate", s, [&] { return compute_evaluation(run, run.progress); }, publish_evaluation);
  if (pack) run_stage(run, out, "points", s, [&] { return compute_points(run); }, publish_points);
  if (!run.layers.empty()) pack_stage(run, out);  // times itself
  if (pack) {
    const ReportSources src{**wards,         if_ran<TimeResult>(s),  if_ran<RepeatResult>(s),
                            if_ran<KdeResult>(s), if_ran<EmergingResult>(s), if_ran<VenueResult>(s),
                            if_ran<RiskResult>(s), if_ran<ForwardPlanResult>(s)};
    run_stage(run, out, "report", s, [&] { return compute_report(run, src); }, publish_report);
  }
}

}  // namespace

Period data_window(const RunConfig& cfg, Mode mode) {
  // evaluate reads every month; the pack reads the months its statistics need.
  Period window = mode == Mode::Evaluate ? Period{make_month(1900, 1), make_month(2100, 12), "all months"}
                                         : cfg.period.needed_window();
  // Year to date and the rolling 12 months compare with the same months a year earlier.
  if (mode != Mode::Evaluate) window.first = std::min(window.first, cfg.period.rolling_year().year_earlier().first);
  // The hotspot forecast and its backtest read further back than the ward statistics.
  if (mode != Mode::Evaluate && cfg.kde.classes == HotspotClasses::Coverage)
    window.first = std::min(window.first, cfg.period.last - pack_forecast_months(cfg) + 1);
  return window;
}

namespace {

// The run's opening lines: what it reads, and each file's account.
void print_opening(std::ostream& out, const RunContext& run, Mode mode, const Period& window, bool verbose) {
  const RunConfig& cfg = run.cfg;
  if (mode == Mode::Evaluate)
    fmt::print(out, "Evaluate {}: {} wards, every month the inputs cover\n", cfg.area_name, run.wards.wards.size());
  else
    fmt::print(out, "{} {}: {} wards, period {} (data window {})\n", mode == Mode::Validate ? "Validate" : "Run",
               cfg.area_name, run.wards.wards.size(), cfg.period.label, window.range_text());
  print_input_account(out, cfg, run.ingest, verbose);
  for (const auto& v : run.venue_files) {
    std::uint64_t rejected = 0;
    for (auto c : v.rejected) rejected += c;
    fmt::print(out, "  venues {}: read {}, accepted {}, filtered out {}, rejected {}\n", display_path(cfg, v.path),
               v.read, v.accepted, v.filtered, rejected);
  }
}

// The folders the run writes into: an area's inside its run's staging
// folders, else both built aside (`pack`, `restricted`) and swapped into
// place only when every stage succeeded, so an error or a kill leaves the
// previous pack as it was.
void open_folders(RunContext& run, const AreaRun* area, std::optional<StagedFolder>& pack,
                  std::optional<StagedFolder>& restricted) {
  if (area) {
    run.pack_dir = area->pack_dir;
    run.restricted_dir = area->restricted_dir;
    std::filesystem::create_directories(run.pack_dir);
    std::filesystem::create_directories(run.restricted_dir);
    return;
  }
  pack.emplace(run.cfg.output);
  restricted.emplace(run.cfg.restricted_output);
  run.pack_dir = pack->staging();
  run.restricted_dir = restricted->staging();
}

// timings.json and the two manifests, which list what is in each folder, so they cannot miss a file.
void write_manifests(RunContext& run) {
  write_file_atomically(run.output_path("timings.json"), timings_json(run.timer.seconds));
  // The manifests list what is in each folder, so they cannot miss a file.
  run.restricted_outputs = list_folder(run.restricted_dir);
  const std::vector<OutputFile> recorded = run.outputs;
  run.outputs = list_folder(run.pack_dir);
  for (const OutputFile& o : recorded)
    if (std::none_of(run.outputs.begin(), run.outputs.end(), [&](const OutputFile& f) { return f.name == o.name; }))
      throw internal_error("write", fmt::format("{} was recorded but is not in the pack folder", o.name));
  // Every file of the pack passes a disclosure rule (app/disclosure/output_registry.hpp).
  for (const OutputFile& o : run.outputs)
    if (!registered_output(o.name))
      throw internal_error("write", fmt::format("{} has no entry in app/disclosure/output_registry.cpp: say which "
                                                "disclosure rule its counts pass before publishing it", o.name));
  run.pack_id = pack_id(run.outputs);  // in both manifests: they tell a reader the two folders belong together
  write_file_atomically(run.restricted_path("manifest.json"), restricted_manifest_json(run));
  write_file_atomically(run.output_path("manifest.json"), manifest_json(run));
}

}  // namespace

const char* command_name(Mode mode) {
  switch (mode) {
    case Mode::Run: return "run";
    case Mode::Validate: return "validate";
    case Mode::Wards: return "wards";
    case Mode::Kde: return "kde";
    case Mode::Clusters: return "clusters";
    case Mode::Venues: return "venues";
    case Mode::Evaluate: return "evaluate";
  }
  return "run";
}

void run_pipeline(const RunConfig& cfg, Mode mode, const RunOptions& options, std::ostream& stdout_stream,
                  const AreaRun* area) {
  RunContext run(cfg, options.quiet, stdout_stream);
  // validate checks what run would do, so it answers for run.
  run.command = command_name(mode == Mode::Validate ? Mode::Run : mode);
  const RunWarnings gdal_warnings(run.diag);  // GDAL and PROJ warnings while the run reads and writes
  std::ostream& out = run.progress.console();  // the run's lines: none under --quiet
  const Period window = data_window(cfg, mode);
  // Before the slow part: a command replaces its folders whole, so refuse any
  // that hotspot did not write, that hold a run's pack (for another command),
  // or another area's, run file's or command's output without --force
  // (validate too, since it checks what run would do). An area of a
  // multi-area run writes inside the run's own staging folders.
  if (!area) {
    const FolderWriter me{.command = run.command, .area = cfg.area_name, .config = cfg.config_path.filename().string()};
    refuse_to_replace(cfg.output, "output folder", me, options.force);
    refuse_to_replace(cfg.restricted_output, "restricted folder", me, options.force);
  }
  if (mode != Mode::Validate && !area) {  // what killed runs left beside the folders
    finish_interrupted_swap(cfg.output, cfg.restricted_output);
    remove_dead_staging_folders(cfg.output);
    remove_dead_staging_folders(cfg.restricted_output);
  }
  load_inputs(run, window, area);
  print_opening(out, run, mode, window, options.verbose);
  if (mode == Mode::Validate) return print_warnings(run, area);
  if (mode != Mode::Evaluate && run.availability.period_empty()) {
    print_warnings(run, area);
    throw bad_input("ingest", fmt::format("no row was accepted in the period {} ({}), so there is nothing to report "
                                          "and no pack was written. Check {} against the months the input files "
                                          "cover (see the account above).",
                                          cfg.period.label, cfg.period.range_text(), cfg.period_setting));
  }
  std::optional<StagedFolder> pack, restricted;
  open_folders(run, area, pack, restricted);
  publish_rejects(run);
  StageResults results;
  run_stages(run, mode, out, results);
  print_warnings(run, area);
  write_manifests(run);
  // The restricted folder first: when the pack appears, what it names is there.
  // Both are flushed before either swap, so only two renames lie between them.
  if (!area) commit_together(*restricted, *pack);
  fmt::print(run.progress.always(), "Wrote {} ({} files); row-level files, not for sharing, in {}\n", cfg.output.string(),
             run.outputs.size() + 1, cfg.restricted_output.string());
}

}  // namespace hotspot
