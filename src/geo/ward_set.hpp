#pragma once
// The wards' geometry, parsed from WKB once per run and shared by every stage:
// the GEOS polygons, their envelopes, an R-tree over the envelopes, the point
// lookup (WardIndex), the study area (their union) and its area. Before this,
// the ward index, each overlap structure, the contiguity, the study area and
// every report map parsed the same WKB again.
//
// Threads. The GEOS geometries (ward polygons and the study area) are built
// and their envelopes computed in the constructor and never changed after, so
// worker threads may read them at the same time, each passing its own
// GeosContext to GEOS (errors are reported per context). The R-tree is only
// queried (const) after construction, which Boost allows from several threads.
// The prepared geometries are NOT shareable: GEOS builds their indexes lazily
// on first use, which writes into them. They, the point lookup (locate) and
// the contiguity (which uses them) belong to the thread that built the set
// (the run's own thread with run.geos); workers use geom() and near() only.
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/grid_budget.hpp"
#include "core/ward.hpp"
#include "geo/crs_transform.hpp"
#include "geo/geos_handle.hpp"

namespace hotspot {

class WardIndex;

class WardSet {
 public:
  // `wards` as read (sorted by code). Warnings about overlapping wards go to
  // `diag` when given. Throws on no wards or an empty geometry.
  WardSet(const GeosContext& ctx, const std::vector<Ward>& wards, Diagnostics* diag = nullptr);
  ~WardSet();
  // Not copyable or movable: the index and the prepared geometries point into it.
  WardSet(const WardSet&) = delete;
  WardSet& operator=(const WardSet&) = delete;

  std::size_t size() const { return geoms_.size(); }
  // Ward i's polygon and envelope (any thread, read only).
  const GEOSGeometry* geom(std::size_t i) const { return geoms_[i].get(); }
  const Bounds& envelope(std::size_t i) const { return boxes_[i]; }
  // Wards whose envelope meets `box` (edges included), in ward order, into
  // `out` (cleared first). Any thread.
  void near(const Bounds& box, std::vector<std::uint32_t>& out) const;
  const Bounds& extent() const { return extent_; }

  // Union of the wards and its area in m2 (any thread, read only).
  const GEOSGeometry* area() const { return area_.get(); }
  double area_m2() const { return area_m2_; }

  // The building thread only (see above).
  const GeosContext& context() const { return ctx_; }
  const GEOSPreparedGeometry* prepared(std::size_t i) const { return prepared_[i].get(); }
  const WardIndex& index() const { return *index_; }
  // Index of the ward holding (x, y), or kNoWard: WardIndex::locate.
  std::uint32_t locate(double x, double y) const;

 private:
  using BPoint = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
  using BBox = boost::geometry::model::box<BPoint>;
  using Entry = std::pair<BBox, std::uint32_t>;

  const GeosContext& ctx_;
  std::vector<GeomPtr> geoms_;
  std::vector<PreparedPtr> prepared_;
  std::vector<Bounds> boxes_;
  boost::geometry::index::rtree<Entry, boost::geometry::index::quadratic<16>> tree_;
  Bounds extent_;
  GeomPtr area_{nullptr, GeomDeleter{nullptr}};
  double area_m2_ = 0;
  std::unique_ptr<WardIndex> index_;
};

// The memory budget for grids over the wards (limit `limit_mb`), its messages
// naming the wards' extent, and the ward that makes it huge when one does: a
// ward whose envelope is over 100 times the median of the others' and which
// fills under 5% of it is a spike to a stray vertex, not a large rural ward.
GridBudget ward_grid_budget(const WardSet& set, const std::vector<Ward>& wards, double limit_mb);

}  // namespace hotspot
