#include "app/tables/evaluation_table.hpp"

#include <algorithm>
#include <cmath>

#include "app/tables/table_columns.hpp"

namespace hotspot {
namespace {

Cell real_or_null(double v) { return std::isfinite(v) ? Cell::real(v) : Cell::null(); }

}  // namespace

Table evaluation_table(const std::vector<EvaluationRow>& rows, const std::vector<Theme>& themes,
                       const std::vector<ForecastMethod>& methods) {
  using Row = EvaluationRow;
  const auto method = [&](const Row& x) -> const ForecastMethod& { return methods[x.of->method]; };
  TableColumns<Row> cols;
  cols.add("target_month", CellType::Text, [](const Row& x) { return Cell::text(format_month(x.of->target)); });
  cols.add("theme", CellType::Text, [&](const Row& x) { return Cell::text(themes[x.theme].id); });
  cols.add("method", CellType::Text, [&](const Row& x) { return Cell::text(method(x).id()); });
  cols.add("method_label", CellType::Text, [&](const Row& x) { return Cell::text(method(x).label()); });
  cols.add("coverage", CellType::Real, 3, [](const Row& x) { return Cell::real(x.of->measures.coverage); });
  cols.add("cells", CellType::Integer,
           [](const Row& x) { return Cell::integer(static_cast<std::int64_t>(x.of->measures.cells)); });
  cols.add("area_share", CellType::Real, 5, [](const Row& x) { return Cell::real(x.of->measures.area_share); });
  cols.add("hits", CellType::Real, 2, [](const Row& x) { return Cell::real(x.of->measures.hits); });
  cols.add("incidents", CellType::Real, 0, [](const Row& x) { return Cell::real(x.of->measures.target_total); });
  cols.add("best_hits", CellType::Real, 0, [](const Row& x) { return Cell::real(x.of->measures.best_hits); });
  cols.add("hit_rate", CellType::Real, 4, [](const Row& x) { return real_or_null(x.of->measures.hit_rate); });
  cols.add("pai", CellType::Real, 3, [](const Row& x) { return real_or_null(x.of->measures.pai); });
  cols.add("pei", CellType::Real, 4, [](const Row& x) { return real_or_null(x.of->measures.pei); });
  cols.add("rri", CellType::Real, 3, [](const Row& x) { return real_or_null(x.of->measures.rri); });
  cols.add("history_months_missing", CellType::Integer, [](const Row& x) { return Cell::integer(x.of->history_missing); });
  // Drawn rows: the method's hotspot drawing at the area it covers, and the comparisons at that area.
  cols.add("drawn", CellType::Bool, [](const Row& x) { return Cell::boolean(x.of->drawn); });
  const auto drawn = [](const Row& x) { return x.of->drawn; };
  cols.add("hotspots", CellType::Integer, [](const Row& x) { return Cell::integer(x.of->hotspots); }).only_when(drawn);
  cols.add("cells_l12_pai_same_area", CellType::Real, 3, [](const Row& x) { return real_or_null(x.of->baseline_pai); })
      .only_when(drawn);
  cols.add("hindsight_pai_same_area", CellType::Real, 3, [](const Row& x) { return real_or_null(x.of->ceiling_pai); })
      .only_when(drawn);
  return cols.build(rows);
}


Table evaluation_summary_table(const std::vector<EvaluationSummaryRow>& rows, const std::vector<Theme>& themes,
                               const std::vector<ForecastMethod>& methods, const std::vector<std::size_t>& baselines,
                               std::optional<std::size_t> pack_method) {
  using Row = EvaluationSummaryRow;
  const auto method = [&](const Row& x) -> const ForecastMethod& { return methods[x.of->method]; };
  const auto role = [&](const Row& x) {
    const bool baseline =
        std::find(baselines.begin(), baselines.end(), x.of->method) != baselines.end();
    return x.of->method == pack_method ? "pack"
           : baseline                  ? "baseline"
           : !method(x).is_forecast()  ? "reference"
                                       : "candidate";
  };
  TableColumns<Row> cols;
  cols.add("theme", CellType::Text, [&](const Row& x) { return Cell::text(themes[x.theme].id); });
  cols.add("method", CellType::Text, [&](const Row& x) { return Cell::text(method(x).id()); });
  cols.add("method_label", CellType::Text, [&](const Row& x) { return Cell::text(method(x).label()); });
  cols.add("role", CellType::Text, [&](const Row& x) { return Cell::text(role(x)); });
  cols.add("coverage", CellType::Real, 3, [](const Row& x) { return Cell::real(x.of->coverage); });
  cols.add("target_months", CellType::Integer, [](const Row& x) { return Cell::integer(x.of->months); });
  cols.add("mean_hit_rate", CellType::Real, 4, [](const Row& x) { return real_or_null(x.of->mean_hit_rate); });
  cols.add("mean_pai", CellType::Real, 3, [](const Row& x) { return real_or_null(x.of->mean_pai); });
  cols.add("median_pai", CellType::Real, 3, [](const Row& x) { return real_or_null(x.of->median_pai); });
  cols.add("mean_pei", CellType::Real, 4, [](const Row& x) { return real_or_null(x.of->mean_pei); });
  cols.add("mean_rri", CellType::Real, 3, [](const Row& x) { return real_or_null(x.of->mean_rri); });
  // A pair of columns per baseline, in the order of the summaries' `paired`.
  for (std::size_t k = 0; k < baselines.size(); ++k) {
    const std::string id = methods[baselines[k]].id();
    cols.add("wins_vs_" + id, CellType::Integer, [k](const Row& x) { return Cell::integer(x.of->paired.at(k).wins); });
    cols.add("losses_vs_" + id, CellType::Integer, [k](const Row& x) { return Cell::integer(x.of->paired.at(k).losses); });
  }
  // How much of the possible gain over cells_l12 (the hindsight reference's) the method reaches, at the coverage.
  cols.add("share_of_possible_gain", CellType::Real, 3, [](const Row& x) {
    return x.cells_l12 && x.ceiling ? real_or_null(share_of_gain(x.of->mean_pai, x.cells_l12->mean_pai, x.ceiling->mean_pai))
                                    : Cell::null();
  });
  // Its hotspot drawing (what the pack publishes), at the area it covers each month.
  const auto has_drawn = [](const Row& x) { return x.of->drawn.has_value(); };
  const auto d = [](const Row& x) -> const DrawnRecord& { return *x.of->drawn; };
  // Most of them are one member of the record, empty for a method that draws no hotspots.
  const auto drawn_integer = [&](const std::string& name, int DrawnRecord::*member) {
    cols.add(name, CellType::Integer, [d, member](const Row& x) { return Cell::integer(d(x).*member); })
        .only_when(has_drawn);
  };
  const auto drawn_real = [&](const std::string& name, int digits, double DrawnRecord::*member) {
    cols.add(name, CellType::Real, digits, [d, member](const Row& x) { return real_or_null(d(x).*member); })
        .only_when(has_drawn);
  };
  drawn_integer("drawn_target_months", &DrawnRecord::months);
  drawn_real("drawn_mean_area_share", 4, &DrawnRecord::mean_area_share);
  drawn_real("drawn_mean_hotspots", 1, &DrawnRecord::mean_hotspots);
  drawn_real("drawn_mean_hit_rate", 4, &DrawnRecord::mean_hit_rate);
  drawn_real("drawn_mean_pai", 3, &DrawnRecord::mean_pai);
  drawn_real("drawn_mean_pei", 4, &DrawnRecord::mean_pei);
  drawn_real("drawn_cells_l12_mean_pai", 3, &DrawnRecord::baseline_mean_pai);
  cols.add("drawn_ratio_vs_cells_l12", CellType::Real, 4, [d](const Row& x) {
    return real_or_null(d(x).baseline_mean_pai > 0 ? d(x).mean_pai / d(x).baseline_mean_pai : std::nan(""));
  }).only_when(has_drawn);
  drawn_integer("drawn_wins_vs_cells_l12", &DrawnRecord::wins);
  drawn_integer("drawn_losses_vs_cells_l12", &DrawnRecord::losses);
  drawn_real("drawn_hindsight_mean_pai", 3, &DrawnRecord::ceiling_mean_pai);
  cols.add("drawn_share_of_possible_gain", CellType::Real, 3, [d](const Row& x) {
    return real_or_null(share_of_gain(d(x).mean_pai, d(x).baseline_mean_pai, d(x).ceiling_mean_pai));
  }).only_when(has_drawn);
  return cols.build(rows);
}


}  // namespace hotspot
