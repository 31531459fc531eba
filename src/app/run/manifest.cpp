#include "app/run/manifest.hpp"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#include <fmt/format.h>

#include <cmath>

#include "analysis/year_to_date.hpp"
#include "app/context/run_context.hpp"
#include "app/disclosure/ledger.hpp"
#include "io/sha256.hpp"
#include "io/json_writer.hpp"

namespace hotspot {

namespace {

void write_reasons(JsonWriter& j, const ReasonCounts& counts) {
  j.begin_object("rejected_by_reason");
  for (std::size_t r = 0; r < kRejectReasonCount; ++r)
    j.value(reason_code(static_cast<RejectReason>(r)), counts[r]);
  j.end_object();
}

void write_period(JsonWriter& j, std::string_view key, const Period& p) {
  j.begin_object(key).value("first", format_month(p.first)).value("last", format_month(p.last)).end_object();
}

// Where the wards' residents came from: the columns read and, for small areas,
// how they met the wards (nested whole, split by area, outside).
void write_population(JsonWriter& j, const RunConfig& cfg, const PopulationAccount& p) {
  j.begin_object("population").value("csv", display_path(cfg, cfg.population.path)).value("columns", p.columns);
  if (p.apportioned)
    j.value("areas", display_path(cfg, cfg.population.areas.path))
        .value("areas_sha256", sha256_file(cfg.population.areas.path))
        .value("method", "area overlap: a small area with all but nest_tolerance of its area in one ward goes to it "
                         "whole; any other is split in proportion to the area it shares with each ward")
        .value("nest_tolerance", cfg.population.nest_tolerance)
        .value("small_areas_near_the_wards", static_cast<std::uint64_t>(p.areas_read))
        .value("nested", static_cast<std::uint64_t>(p.areas_nested))
        .value("split", static_cast<std::uint64_t>(p.areas_split))
        .value("outside", static_cast<std::uint64_t>(p.areas_outside))
        .value("residents_split_pct", p.residents > 0 ? std::round(p.residents_split / p.residents * 1000) / 10 : 0.0)
        .value("residents_left_outside", std::round(p.residents_cut_off));
  j.value("residents", std::round(p.residents)).value("min_residents", cfg.population.min_residents)
      .value("wards_without_rate", static_cast<std::uint64_t>(p.wards_below_minimum));
  j.end_object();
}

void write_theme(JsonWriter& j, const Theme& t) {
  j.begin_object();
  j.value("id", t.id).value("label", t.label).value("proxy", t.proxy);
  if (t.proxy) j.value("proxy_note", t.proxy_note);
  if (t.target) j.value("target", *t.target);
  else j.null("target");
  if (t.target_ytd) j.value("target_ytd", *t.target_ytd);
  else j.null("target_ytd");
  if (t.target_rolling) j.value("target_rolling", *t.target_rolling);
  else j.null("target_rolling");
  j.value("rise_is_good", t.rise_is_good).value("min_count", t.min_count).value("export_points", t.export_points);
  j.begin_array("match");
  for (const auto& rule : t.rules) {
    j.begin_object();
    if (!rule.categories.empty()) {
      j.begin_array("category");
      for (const auto& c : rule.categories) j.value("", c);
      j.end_array();
    }
    if (!rule.subcategories.empty()) {
      j.begin_array("subcategory");
      for (const auto& c : rule.subcategories) j.value("", c);
      j.end_array();
    }
    if (!rule.flag.empty()) j.value("flag", rule.flag);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

// What disclosure control withheld, in counts only: never which cell or its value.
void write_disclosure(JsonWriter& j, const std::vector<Theme>& themes, const DisclosureLedger& ledger) {
  j.begin_object("disclosure").value("rule", disclosure_note(themes))
      .value("primary_rule", "counts from 1 to min_count - 1 are withheld; zero is shown")
      .value("secondary_rule", "every published count is a sum of atoms (the incidents of one theme signature in one "
                               "ward, hour or catchment and month-set); for each withheld count the range an attacker "
                               "can deduce from everything published beside it (other wards, themes that add up, "
                               "hours, plans at a venue; a <m count in 1..m-1, a [c] count at least m) is found by "
                               "linear programming, and while it holds one value the smallest published count that "
                               "binds it is withheld too ([c]); values derived from a withheld count are withheld ([c])")
      .value("months_rule", "month-canonical: months are cut into tiles of the period's length (months, or quarters "
                            "for quarterly packs), each tile's pattern depends on its own incidents only, so every "
                            "pack shows a tile alike; a baseline is published only where every tile it sums is");
  DisclosureTally all;
  for (const auto& [theme, outputs] : ledger)
    for (const auto& [output, t] : outputs) {
      all.primary += t.primary;
      all.secondary += t.secondary;
      all.derived += t.derived;
    }
  j.value("primary", all.primary).value("secondary", all.secondary).value("derived", all.derived);
  j.begin_object("per_theme");
  for (const auto& [theme, outputs] : ledger) {
    j.begin_object(theme);
    for (const auto& [output, t] : outputs)
      j.begin_object(output).value("primary", t.primary).value("secondary", t.secondary).value("derived", t.derived)
          .end_object();
    j.end_object();
  }
  j.end_object();
  j.end_object();
}

}  // namespace

void write_software(JsonWriter& j) {
  j.begin_object("software")
      .value("name", "hotspot")
      .value("version", HOTSPOT_VERSION)
      .value("gdal", GDALVersionInfo("RELEASE_NAME"))
      .value("geos", GEOSversion())
      .value("proj", proj_info().version)
      .end_object();
}

namespace {

// The period and its comparison windows; the parameters every figure depends on.
void write_run(JsonWriter& j, const RunContext& in) {
  const RunConfig& cfg = in.cfg;
  j.value("config", cfg.config_path.filename().string());
  j.value("area_name", cfg.area_name);
  j.begin_object("period").value("label", cfg.period.label).value("first", format_month(cfg.period.first))
      .value("last", format_month(cfg.period.last)).value("months", cfg.period.months());
  write_period(j, "previous", cfg.period.previous());
  write_period(j, "year_earlier", cfg.period.year_earlier());
  write_period(j, "baseline", cfg.period.baseline());
  const CumulativePeriods cumulative = cumulative_periods(cfg.period, cfg.year_start_month);
  j.value("year_start_month", cfg.year_start_month);
  write_period(j, "year_to_date", cumulative.ytd);
  write_period(j, "year_to_date_before", cumulative.ytd_before);
  write_period(j, "rolling_12", cumulative.rolling);
  write_period(j, "rolling_12_before", cumulative.rolling_before);
  write_period(j, "data_window", in.data_window);
  j.end_object();
  j.begin_object("parameters")
      .value("crs", cfg.crs)
      .value("significance", cfg.significance)
      .value("significance_test", "one-sided Poisson exceedance against the scaled 12-month baseline mean")
      .value("ward_boundary_rule", "a point on a shared boundary goes to the ward with the lowest code")
      .value("duplicate_rule", "the first record with an id (files in path order) is kept")
      // As written in the config, not resolved: the pack names no folder of the analyst's machine.
      .value("taxonomy", cfg.taxonomy_given)
      .value("taxonomy_sha256", cfg.taxonomy_path.empty() ? std::string() : sha256_file(cfg.taxonomy_path))
      .end_object();
}

void write_wards(JsonWriter& j, const RunContext& in) {
  const RunConfig& cfg = in.cfg;
  j.begin_object("wards")
      .value("path", display_path(cfg, cfg.wards.path))
      .value("sha256", sha256_file(cfg.wards.path))
      .value("where", cfg.wards.where)
      .value("features_read", in.wards.features_read)
      .value("wards", static_cast<std::uint64_t>(in.wards.wards.size()))
      .value("study_area_km2", (in.ward_set ? in.ward_set->area_m2() : 0.0) / 1e6);
  if (!cfg.population.path.empty())
    j.value("population_csv", display_path(cfg, cfg.population.path))
        .value("population_sha256", sha256_file(cfg.population.path));
  j.end_object();
  if (in.population.apportioned || !cfg.population.ages.empty()) write_population(j, cfg, in.population);
}

// Per incident file and in total: read = accepted + outside the window + rejected, by reason.
void write_inputs(JsonWriter& j, const RunContext& in) {
  j.begin_array("inputs");
  for (const InputFileReport& f : in.ingest.files) {
    j.begin_object()
        .value("path", display_path(in.cfg, f.path))
        .value("source", f.source_name)
        .value("sha256", f.sha256);
    if (!f.duplicate_of.empty()) j.value("duplicate_of", display_path(in.cfg, f.duplicate_of));
    j.value("read", f.read)
        .value("accepted", f.accepted)
        .value("outside_window", f.outside_window)
        .value("rejected", f.rejected_total());
    write_reasons(j, f.rejected);
    j.value("unthemed", f.unthemed);
    j.begin_object("unthemed_categories");
    for (const auto& [category, n] : f.unthemed_categories) j.value(category, n);
    j.end_object();
    j.value("blank_lines_skipped", f.blank_lines);
    j.end_object();
  }
  j.end_array();
  const InputTotals t = input_totals(in.ingest.files);
  j.begin_object("totals").value("files", static_cast<std::uint64_t>(in.ingest.files.size()))
      .value("read", t.read).value("accepted", t.accepted).value("outside_window", t.outside_window)
      .value("rejected", t.rejected_total());
  write_reasons(j, t.rejected);
  j.value("unthemed", t.unthemed).value("blank_lines_skipped", t.blank_lines)
      .value("reconciles", t.reconciles()).end_object();
}

void write_venue_inputs(JsonWriter& j, const RunContext& in) {
  j.begin_array("venue_inputs");
  for (const VenueFileReport& v : in.venue_files) {
    std::uint64_t rejected_venues = 0;
    for (auto c : v.rejected) rejected_venues += c;
    j.begin_object().value("path", display_path(in.cfg, v.path)).value("source", v.source_name).value("sha256", v.sha256)
        .value("read", v.read).value("accepted", v.accepted).value("filtered_out", v.filtered)
        .value("rejected", rejected_venues);
    write_reasons(j, v.rejected);
    j.value("reconciles", v.read == v.accepted + v.filtered + rejected_venues).end_object();
  }
  j.end_array();
}

// Every file in the pack folder, this one by name only; timings.json by name
// too, since its wall-clock times would make this file differ on every rerun.
void write_outputs(JsonWriter& j, const RunContext& in) {
  j.begin_array("outputs");
  for (const auto& o : in.outputs) {
    j.begin_object().value("name", o.name);
    if (o.name == "timings.json") j.value("note", "wall-clock times, not hashed");
    else j.value("sha256", o.sha256);
    j.end_object();
  }
  j.begin_object().value("name", "manifest.json").value("note", "this file").end_object();
  j.end_array();
}

// Row-level files live apart, in a folder never sent with the pack: named
// here, checksummed in that folder's own manifest. (Their checksums would tie
// the emailed pack to row-level content, and an area of `run --areas`, whose
// rejects.csv leaves out the other areas' rows, would differ from its
// single-area pack.)
void write_restricted(JsonWriter& j, const RunContext& in) {
  j.begin_object("restricted")
      .value("folder", in.cfg.restricted_output.lexically_relative(in.cfg.output).generic_string())
      .value("note", "not part of this pack and not for sharing: raw rejected rows and any exported incident points; "
                     "checksums in that folder's manifest.json");
  j.begin_array("files");
  for (const auto& o : in.restricted_outputs) j.value("", o.name);
  j.end_array().end_object();
}

}  // namespace

std::string manifest_json(const RunContext& in) {
  JsonWriter j;
  j.begin_object();
  write_software(j);
  j.value("pack_id", in.pack_id);
  j.value("command", in.command);  // who may replace this folder (app/run/pack_folders.hpp)
  write_run(j, in);
  write_disclosure(j, in.cfg.taxonomy.themes, in.disclosure);
  j.begin_array("themes");
  for (const Theme& t : in.cfg.taxonomy.themes) write_theme(j, t);
  j.end_array();
  write_wards(j, in);
  write_inputs(j, in);
  write_venue_inputs(j, in);
  j.begin_object("stages");
  for (const StageRecord& stage : in.stages) {
    j.begin_object(stage.name);
    stage.write(j);
    j.end_object();
  }
  j.end_object();
  j.begin_array("warnings");
  for (const auto& w : in.diag.warnings) j.value("", w);
  j.end_array();
  write_outputs(j, in);
  write_restricted(j, in);
  j.value("timings", "timings.json (kept apart so this file is byte-identical across reruns)");
  j.end_object();
  return j.str();
}

std::string timings_json(const std::vector<std::pair<std::string, double>>& stage_seconds) {
  JsonWriter j;
  j.begin_object().begin_object("stage_seconds");
  double total = 0;
  for (const auto& [stage, s] : stage_seconds) {
    j.value(stage, s);
    total += s;
  }
  j.end_object().value("total_seconds", total).end_object();
  return j.str();
}

}  // namespace hotspot
