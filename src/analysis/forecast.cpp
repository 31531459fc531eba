#include "analysis/forecast.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

#include "core/error.hpp"

namespace hotspot {
namespace {

constexpr int kSubCells = 4;  // sub-grid cells per evaluation cell side for KDE integration

std::string trim_number(double v) { return fmt::format("{:g}", v); }

// Reads an unsigned decimal number after `prefix` at the start of `part`.
bool number_after(std::string_view part, char prefix, double& out) {
  if (part.size() < 2 || part[0] != prefix) return false;
  const char* end = part.data() + part.size();
  auto [p, ec] = std::from_chars(part.data() + 1, end, out);
  return ec == std::errc() && p == end && std::isfinite(out) && out >= 0;
}

std::size_t bandwidth_index(std::span<const double> bandwidths, double h) {
  for (std::size_t i = 0; i < bandwidths.size(); ++i)
    if (bandwidths[i] == h) return i;
  throw internal_error("evaluate", fmt::format("no monthly layer was built for bandwidth {} m", h));
}

}  // namespace

std::string ForecastMethod::id() const {
  switch (kind) {
    case ForecastKind::Kde:
      return fmt::format("kde_h{}_l{}_t{}{}", trim_number(bandwidth), lookback, trim_number(half_life),
                         smoothing < 1 ? "_s" + trim_number(smoothing) : "");
    case ForecastKind::CellCounts:
      return fmt::format("cells_l{}{}", lookback, half_life > 0 ? "_t" + trim_number(half_life) : "");
    case ForecastKind::WardDensity: return fmt::format("wards_l{}", lookback);
    case ForecastKind::Uniform: return "uniform";
  }
  return "";
}

std::string ForecastMethod::label() const {
  const std::string months = lookback == 1 ? "last month" : fmt::format("last {} months", lookback);
  const std::string decay = half_life > 0 ? fmt::format(", half-life {} months", trim_number(half_life)) : "";
  switch (kind) {
    case ForecastKind::Kde:
      return smoothing < 1 ? fmt::format("counts + {}% KDE {} m, {}{}", trim_number(smoothing * 100),
                                         trim_number(bandwidth), months, decay)
                           : fmt::format("KDE {} m, {}{}", trim_number(bandwidth), months, decay);
    case ForecastKind::CellCounts: return fmt::format("top cells, {}{}", months, decay);
    case ForecastKind::WardDensity: return fmt::format("top wards, {}{}", months, decay);
    case ForecastKind::Uniform: return "uniform random ranking";
  }
  return "";
}

ForecastMethod parse_forecast_method(const std::string& id) {
  ForecastMethod m;
  std::vector<std::string_view> parts;
  std::string_view rest(id);
  while (true) {
    const auto p = rest.find('_');
    parts.push_back(rest.substr(0, p));
    if (p == std::string_view::npos) break;
    rest.remove_prefix(p + 1);
  }
  double lookback = 1;
  bool ok = false;
  if (parts.size() == 1 && parts[0] == "uniform") {
    m.kind = ForecastKind::Uniform;
    ok = true;
  } else if (parts.size() == 2 && (parts[0] == "cells" || parts[0] == "wards")) {
    m.kind = parts[0] == "cells" ? ForecastKind::CellCounts : ForecastKind::WardDensity;
    ok = number_after(parts[1], 'l', lookback);
  } else if (parts.size() == 3 && parts[0] == "cells") {
    m.kind = ForecastKind::CellCounts;
    ok = number_after(parts[1], 'l', lookback) && number_after(parts[2], 't', m.half_life) && m.half_life > 0;
  } else if ((parts.size() == 4 || parts.size() == 5) && parts[0] == "kde") {
    ok = number_after(parts[1], 'h', m.bandwidth) && number_after(parts[2], 'l', lookback) &&
         number_after(parts[3], 't', m.half_life) && m.bandwidth > 0 &&
         (parts.size() == 4 || (number_after(parts[4], 's', m.smoothing) && m.smoothing < 1));
  }
  ok = ok && lookback >= 1 && lookback <= 120 && lookback == std::floor(lookback);
  if (!ok)
    throw usage_error("config", fmt::format("'{}' is not a forecast method. Write kde_h<bandwidth m>_l<months>_t<half-life "
                                            "months, 0 = none>, cells_l<months>, wards_l<months> or uniform, e.g. "
                                            "kde_h100_l12_t6.", id));
  m.lookback = static_cast<int>(lookback);
  return m;
}

double month_weight(int age, double half_life) {
  return half_life > 0 ? std::exp2(-static_cast<double>(age - 1) / half_life) : 1.0;
}

double forecast_weight_sum(const ForecastMethod& m) {
  if (m.kind == ForecastKind::Uniform) return 1;
  double s = 0;
  for (int age = 1; age <= m.lookback; ++age) s += month_weight(age, m.half_life);
  return s;
}

std::int64_t EvalGrid::cell_of(double x, double y) const {
  const double cx = std::floor((x - spec.origin_x) / spec.cell);
  const double cy = std::floor((spec.origin_y - y) / spec.cell);
  if (!(cx >= 0 && cy >= 0 && cx < spec.nx && cy < spec.ny)) return -1;
  return compact[spec.index(static_cast<int>(cy), static_cast<int>(cx))];
}

double month_layer_bytes(std::size_t bandwidths) { return 8.0 * (2 + static_cast<double>(bandwidths)); }

double kde_subgrid_bytes(std::size_t bandwidths) { return bandwidths ? 8.0 * kSubCells * kSubCells : 0.0; }

double study_area_cells(double width, double height, double area_m2, double cell) {
  const double nx = std::ceil(width / cell) + 1, ny = std::ceil(height / cell) + 1;
  return std::min(nx * ny, area_m2 / (cell * cell) + 2 * (nx + ny));
}

MonthLayer build_month_layer(const std::vector<WeightedPoint>& points, const EvalGrid& grid,
                             std::span<const double> bandwidths) {
  const std::size_t n = grid.cells();
  MonthLayer layer;
  layer.counts.assign(n, 0.0);
  for (const WeightedPoint& p : points)
    if (const std::int64_t c = grid.cell_of(p.x, p.y); c >= 0) layer.counts[static_cast<std::size_t>(c)] += p.w;

  std::vector<double> ward_count(grid.wards, 0.0), ward_cells(grid.wards, 0.0);
  for (std::size_t c = 0; c < n; ++c) {
    ward_count[grid.ward[c]] += layer.counts[c];
    ward_cells[grid.ward[c]] += 1;
  }
  layer.ward_density.resize(n);
  for (std::size_t c = 0; c < n; ++c) layer.ward_density[c] = ward_count[grid.ward[c]] / ward_cells[grid.ward[c]];

  // KDE on a sub-grid aligned with the evaluation cells, summed per cell: the
  // cell's integral of the surface, to a quarter of a cell.
  GridSpec sub = grid.spec;
  sub.cell = grid.spec.cell / kSubCells;
  sub.nx = grid.spec.nx * kSubCells;
  sub.ny = grid.spec.ny * kSubCells;
  KdeParams params;
  params.output = KdeOutput::Raw;  // only the ranking matters; raw avoids the per-km2 scaling
  for (const double h : bandwidths) {
    params.bandwidth = h;
    std::vector<double>& cells = layer.smoothed.emplace_back(n, 0.0);
    if (points.empty()) continue;
    // The quartic's raw integral over the plane is pi h^2 / 3; the sum of its
    // values at the sub-cell centres approximates that integral divided by the
    // sub-cell's area. So the sum times sub-cell area * 3 / (pi h^2) gives each
    // incident a mass of 1, as in the counts, and the two can be blended.
    // (Without the sub-cell area, before this was fixed, an incident's KDE mass
    // was 1/625 of a count and `_s` blends were counts with a KDE tie-break.)
    const double scale = 3.0 * sub.cell * sub.cell / (M_PI * h * h);
    const std::vector<double> surface = kde(points, sub, params);
    for (int row = 0; row < sub.ny; ++row)
      for (int col = 0; col < sub.nx; ++col) {
        const double v = surface[sub.index(row, col)];
        if (v == 0) continue;
        const std::int64_t c = grid.compact[grid.spec.index(row / kSubCells, col / kSubCells)];
        if (c >= 0) cells[static_cast<std::size_t>(c)] += v * scale;
      }
  }
  return layer;
}

std::vector<double> forecast(const ForecastMethod& method, std::span<const MonthLayer* const> history,
                             std::span<const double> bandwidths, std::size_t cells) {
  std::vector<double> score(cells, 0.0);
  if (method.kind == ForecastKind::Uniform) return score;
  const std::size_t band = method.kind == ForecastKind::Kde ? bandwidth_index(bandwidths, method.bandwidth) : 0;
  const std::size_t months = std::min<std::size_t>(history.size(), static_cast<std::size_t>(method.lookback));
  for (std::size_t a = 0; a < months; ++a) {
    const MonthLayer* layer = history[a];
    if (!layer) continue;
    const double w = month_weight(static_cast<int>(a) + 1, method.half_life);
    if (method.kind == ForecastKind::Kde && method.smoothing < 1) {
      const double ws = w * method.smoothing, wc = w * (1 - method.smoothing);
      const std::vector<double>& s = layer->smoothed[band];
      for (std::size_t c = 0; c < cells; ++c) score[c] += wc * layer->counts[c] + ws * s[c];
      continue;
    }
    const std::vector<double>& v = method.kind == ForecastKind::Kde          ? layer->smoothed[band]
                                   : method.kind == ForecastKind::CellCounts ? layer->counts
                                                                             : layer->ward_density;
    for (std::size_t c = 0; c < cells; ++c) score[c] += w * v[c];
  }
  return score;
}

}  // namespace hotspot
