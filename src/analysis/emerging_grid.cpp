#include "analysis/emerging_grid.hpp"

#include <cmath>
#include <memory>
#include <stdexcept>

#include "analysis/gistar_grid.hpp"

namespace hotspot {

double emerging_bytes_per_cell(std::size_t months) {
  return 18.0 * static_cast<double>(months) + kGiStarBytesPerCell + 4;
}

EmergingGrid emerging_grid(const std::vector<Grid>& monthly, double band, Correction correction, double alpha,
                           std::size_t recent) {
  if (monthly.empty()) throw std::invalid_argument("emerging_grid: no months");
  const std::size_t cells = monthly.front().spec.size(), months = monthly.size();
  // z and significance per cell, month-major within a cell, for the per-cell series.
  std::vector<double> z(cells * months, 0.0);
  std::vector<char> significant(cells * months, 0);
  for (std::size_t m = 0; m < months; ++m) {
    double total = 0;
    for (std::size_t i = 0; i < cells; ++i)
      if (monthly[m].in_area.empty() || monthly[m].in_area[i]) total += monthly[m].values[i];
    if (total <= 0) continue;  // Gi* is undefined on an all-zero month: no step is significant
    const GiStarGridResult gi = gistar_grid(monthly[m], band, correction);
    for (std::size_t i = 0; i < cells; ++i) {
      if (!std::isfinite(gi.z[i])) continue;
      z[i * months + m] = gi.z[i];
      significant[i * months + m] = gi.p_adjusted[i] <= alpha;
    }
  }
  EmergingGrid out;
  out.cls.assign(cells, EmergingClass::NoPattern);
  out.summary.assign(cells, SummaryClass::None);
  out.hot_steps.assign(cells, 0);
  const std::vector<std::uint8_t>& area = monthly.front().in_area;
  // Not std::vector<bool>: classify_emerging reads a span of bool.
  const std::unique_ptr<bool[]> sig(new bool[months]);
  const std::span<const bool> sig_span(sig.get(), months);
  for (std::size_t i = 0; i < cells; ++i) {
    if (!area.empty() && !area[i]) continue;
    const std::span<const double> series(z.data() + i * months, months);
    bool any = false;
    for (std::size_t m = 0; m < months; ++m) {
      sig[m] = significant[i * months + m] != 0;
      any = any || sig[m];
      out.hot_steps[i] = static_cast<std::uint16_t>(out.hot_steps[i] + (sig[m] && series[m] > 0));
    }
    if (!any) continue;  // never significant: no pattern, whatever the trend
    out.cls[i] = classify_emerging(series, sig_span, alpha);
    out.summary[i] = summary_class(series, sig_span, recent);
  }
  return out;
}

}  // namespace hotspot
