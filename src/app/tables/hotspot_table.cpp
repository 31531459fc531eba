#include "app/tables/hotspot_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/tables/table_columns.hpp"

namespace hotspot {

std::string hotspot_label(const Hotspot& h, const std::vector<Ward>& wards) {
  return fmt::format("Hotspot {} \u2014 {}", h.rank, h.place.empty() ? wards[h.main_ward].name : h.place);
}

// One declaration per column, in the order of the file: long on purpose, as a column list is.
Table hotspot_table(const std::vector<Hotspot>& hotspots, const HotspotTableContext& ctx) {
  const Theme& theme = ctx.theme;
  const long total = ctx.total;
  const bool total_withheld = ctx.total_withheld, raw = ctx.raw;
  const HotspotForecastRecord* fc = ctx.forecast;
  const int m = theme.min_count;
  const auto hit = [total](const Hotspot& h) {
    return total > 0 ? static_cast<double>(h.incidents) / static_cast<double>(total) : 0.0;
  };
  // The baseline mean, and the test that would give it back from the count, go with its tiles.
  const auto has_baseline = [](const Hotspot& h) { return h.change.baseline_mean.has_value(); };
  const auto baseline_withheld = [](const Hotspot& h) { return h.baseline_withheld; };
  const auto has_previous = [](const Hotspot& h) { return h.change.previous.has_value(); };
  // hit rate and PAI = incidents / the area's count: withheld with that count
  const auto with_total = [total_withheld](const Hotspot&) { return total_withheld; };
  const auto text = [](auto f) { return [f](const Hotspot& h) { return Cell::text(f(h)); }; };
  const auto ward_list = [&ctx](const Hotspot& h, const char* sep, bool names) {
    std::vector<std::string> out;
    for (std::size_t w : h.wards) out.push_back(names ? ctx.wards[w].name : ctx.wards[w].code);
    return fmt::format("{}", fmt::join(out, sep));
  };

  TableColumns<Hotspot> cols;
  cols.add("hotspot_id", CellType::Text, text([&theme](const Hotspot& h) { return fmt::format("{}-{}-{}", theme.id, h.level, h.rank); }));
  cols.add("label", CellType::Text, text([&ctx](const Hotspot& h) { return hotspot_label(h, ctx.wards); }));
  cols.add("theme", CellType::Text, text([&theme](const Hotspot&) { return theme.id; }));
  cols.add("theme_label", CellType::Text, text([&theme](const Hotspot&) { return theme.label; }));
  cols.add("period", CellType::Text, text([&ctx](const Hotspot&) { return ctx.period_label; }));
  cols.add("class_level", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.level); });
  cols.add("class_name", CellType::Text, text([](const Hotspot& h) { return h.class_name; }));
  cols.add("rank", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.rank); });
  cols.add("area_m2", CellType::Real, 0, [](const Hotspot& h) { return Cell::real(h.area_m2); });
  // A forecast hotspot is published for what it forecasts, so its period count may be small: withheld by its own rule.
  cols.add("incidents", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.incidents); }).count_of(m);
  cols.add("previous_incidents", CellType::Integer, [](const Hotspot& h) {
    return Cell::integer(static_cast<long>(*h.change.previous));
  }).count_of(m).only_when(has_previous);
  cols.add("change_previous_pct", CellType::Real, 1, [](const Hotspot& h) {
    return h.change.change_previous ? Cell::real(*h.change.change_previous * 100) : Cell::null();
  }).derived_from({"previous_incidents"}).only_when(has_previous);
  cols.add("baseline_mean", CellType::Real, 1, [](const Hotspot& h) { return Cell::real(*h.change.baseline_mean); })
      .withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("change_baseline_pct", CellType::Real, 1, [](const Hotspot& h) {
    return h.change.change_baseline ? Cell::real(*h.change.change_baseline * 100) : Cell::null();
  }).withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("direction", CellType::Text, text([](const Hotspot& h) { return std::string(direction_name(h.change.direction)); }))
      .withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("p_value", CellType::Real, 4, [](const Hotspot& h) { return Cell::real(h.change.p_value); })
      .withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("significant", CellType::Bool, [](const Hotspot& h) { return Cell::boolean(h.change.significant); })
      .withheld_with(baseline_withheld).only_when(has_baseline);
  cols.add("hit_rate_in_period", CellType::Real, 4, [hit](const Hotspot& h) { return Cell::real(hit(h)); })
      .withheld_with(with_total).derived_from({"incidents"});
  cols.add("pai_in_period", CellType::Real, 2, [&ctx, hit](const Hotspot& h) {
    const double share = h.area_m2 / ctx.study_area_m2;
    return share > 0 ? Cell::real(hit(h) / share) : Cell::null();
  }).withheld_with(with_total).derived_from({"incidents"});
  if (fc) {
    const bool known = fc->backtest_months > 0;
    const double coverage = fc->coverage;
    cols.add("forecast_method", CellType::Text, text([fc](const Hotspot&) { return fc->method; }));
    cols.add("forecast_monthly", CellType::Real, 1, [](const Hotspot& h) { return Cell::real(h.forecast_monthly); });
    cols.add("coverage", CellType::Real, 3, [coverage](const Hotspot&) { return Cell::real(coverage); });
    cols.add("area_share", CellType::Real, 4, [fc](const Hotspot&) { return Cell::real(fc->area_share); });
    cols.add("numbered", CellType::Bool, [fc](const Hotspot& h) { return Cell::boolean(h.rank <= fc->numbered); });
    const auto if_known = [known](const Hotspot&) { return known; };
    cols.add("backtest_months", CellType::Integer, [fc, known](const Hotspot&) { return Cell::integer(fc->backtest_months); });
    cols.add("backtest_area_share", CellType::Real, 4, [fc](const Hotspot&) { return Cell::real(fc->backtest_area_share); })
        .only_when(if_known);
    cols.add("backtest_hit_rate", CellType::Real, 3, [fc](const Hotspot&) { return Cell::real(fc->backtest_hit_rate); })
        .only_when(if_known);
    cols.add("backtest_pai", CellType::Real, 2, [fc](const Hotspot&) { return Cell::real(fc->backtest_pai); })
        .only_when(if_known);
    cols.add("backtest_pai_12_months_squares", CellType::Real, 2,
             [fc](const Hotspot&) { return Cell::real(fc->backtest_baseline_pai); })
        .only_when(if_known);
    cols.add("hotspot_ref", CellType::Text, text([](const Hotspot& h) { return h.ref; }));
    cols.add("hotspot_since", CellType::Text, text([](const Hotspot& h) { return h.since; }));
    cols.add("months_hotspot_of_12", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.months_present); });
    cols.add("streets", CellType::Text, text([](const Hotspot& h) { return h.streets; }));
    cols.add("named_by", CellType::Text, text([](const Hotspot& h) { return h.named_by; }));
  }
  const auto classed = [](const Hotspot& h) { return h.space_time.has_value(); };
  if (ctx.classed) {
    cols.add("space_time_class", CellType::Text,
             text([](const Hotspot& h) { return std::string(emerging_class_name(h.space_time->cls)); }))
        .only_when(classed);
    cols.add("space_time_key", CellType::Text, text([](const Hotspot& h) { return space_time_key(h.space_time->cls); }))
        .only_when(classed);
    cols.add("months_hot_of_12", CellType::Integer, [](const Hotspot& h) { return Cell::integer(h.space_time->hot_months); })
        .only_when(classed);
    cols.add("space_time", CellType::Text, text([](const Hotspot& h) { return space_time_words(*h.space_time); }))
        .only_when(classed);
  }
  cols.add("peak_density", CellType::Real, raw ? 4 : 2, [](const Hotspot& h) { return Cell::real(h.peak); });
  cols.add("mean_density", CellType::Real, raw ? 4 : 2, [](const Hotspot& h) { return Cell::real(h.mean); });
  const std::string units = fc ? "forecast incidents per cell" : raw ? "raw kernel sum" : "incidents per km2";
  cols.add("density_units", CellType::Text, text([units](const Hotspot&) { return units; }));
  cols.add("ward_codes", CellType::Text, text([ward_list](const Hotspot& h) { return ward_list(h, ";", false); }));
  cols.add("ward_names", CellType::Text, text([ward_list](const Hotspot& h) { return ward_list(h, "; ", true); }));
  if (theme.proxy) cols.add("proxy_note", CellType::Text, text([&theme](const Hotspot&) { return theme.proxy_note; }));
  return cols.build(hotspots);
}


}  // namespace hotspot
