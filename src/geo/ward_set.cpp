#include "geo/ward_set.hpp"

#include <boost/iterator/function_output_iterator.hpp>

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "core/error.hpp"
#include "geo/study_area.hpp"
#include "geo/ward_index.hpp"
#include "geo/ward_overlap.hpp"

namespace hotspot {

WardSet::WardSet(const GeosContext& ctx, const std::vector<Ward>& wards, Diagnostics* diag) : ctx_(ctx) {
  if (wards.empty()) throw bad_input("wards", "no wards to index");
  extent_ = Bounds{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
  std::vector<Entry> entries;
  for (std::uint32_t i = 0; i < wards.size(); ++i) {
    geoms_.push_back(geom_from_wkb(ctx, wards[i].wkb));
    prepared_.push_back(prepare(ctx, geoms_.back().get()));
    // Reading the envelope also makes GEOS compute any envelope it caches,
    // so nothing is written into a ward polygon once workers read it.
    Bounds b;
    if (!GEOSGeom_getXMin_r(ctx.get(), geoms_.back().get(), &b.min_x) ||
        !GEOSGeom_getYMin_r(ctx.get(), geoms_.back().get(), &b.min_y) ||
        !GEOSGeom_getXMax_r(ctx.get(), geoms_.back().get(), &b.max_x) ||
        !GEOSGeom_getYMax_r(ctx.get(), geoms_.back().get(), &b.max_y))
      throw internal_error("ward index", "ward " + wards[i].code + " has an empty geometry");
    boxes_.push_back(b);
    entries.emplace_back(BBox(BPoint(b.min_x, b.min_y), BPoint(b.max_x, b.max_y)), i);
    extent_ = Bounds{std::min(extent_.min_x, b.min_x), std::min(extent_.min_y, b.min_y),
                     std::max(extent_.max_x, b.max_x), std::max(extent_.max_y, b.max_y)};
  }
  // Bulk loading packs the tree (sort-tile style): better queries than inserting one by one.
  tree_ = decltype(tree_)(entries.begin(), entries.end());
  area_ = study_area(ctx, geoms_);
  GEOSArea_r(ctx.get(), area_.get(), &area_m2_);
  (void)hotspot::envelope(ctx, area_.get());  // its envelope cached before workers read it too
  index_ = std::make_unique<WardIndex>(*this);
  if (diag) warn_overlapping_wards(*this, wards, *diag);
}

WardSet::~WardSet() = default;

void WardSet::near(const Bounds& box, std::vector<std::uint32_t>& out) const {
  out.clear();
  tree_.query(boost::geometry::index::intersects(BBox(BPoint(box.min_x, box.min_y), BPoint(box.max_x, box.max_y))),
              boost::make_function_output_iterator([&out](const Entry& e) { out.push_back(e.second); }));
  std::sort(out.begin(), out.end());
}

std::uint32_t WardSet::locate(double x, double y) const { return index_->locate(x, y); }

GridBudget ward_grid_budget(const WardSet& set, const std::vector<Ward>& wards, double limit_mb) {
  const auto text = [](const Bounds& b) {
    return fmt::format("{:.1f} x {:.1f} km from ({:.0f}, {:.0f}) to ({:.0f}, {:.0f})", (b.max_x - b.min_x) / 1000,
                       (b.max_y - b.min_y) / 1000, b.min_x, b.min_y, b.max_x, b.max_y);
  };
  GridBudget budget;
  budget.limit_mb = limit_mb;
  budget.extent = "the wards' extent, " + text(set.extent());
  if (set.size() < 2 || wards.size() != set.size()) return budget;
  std::vector<double> boxes(set.size());
  for (std::size_t i = 0; i < set.size(); ++i) {
    const Bounds& b = set.envelope(i);
    boxes[i] = (b.max_x - b.min_x) * (b.max_y - b.min_y);
  }
  const std::size_t big = static_cast<std::size_t>(std::max_element(boxes.begin(), boxes.end()) - boxes.begin());
  std::vector<double> others = boxes;
  others.erase(others.begin() + static_cast<std::ptrdiff_t>(big));
  std::nth_element(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(others.size() / 2), others.end());
  const double median = others[others.size() / 2];
  if (boxes[big] > 100 * median && wards[big].area_m2 < 0.05 * boxes[big])
    budget.outlier = fmt::format("ward {} ({}) spans {}, {:.0f} times the box of a typical ward, and fills {:.2f}% "
                                 "of it",
                                 wards[big].code, wards[big].name, text(set.envelope(big)), boxes[big] / median,
                                 100 * wards[big].area_m2 / boxes[big]);
  return budget;
}

}  // namespace hotspot
