#include "geo/ward_index.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "core/error.hpp"

namespace hotspot {
namespace {

// Overlaps smaller than this are digitising slivers between neighbours, not
// wards that overlap.
constexpr double kOverlapM2 = 1.0;

// About 4 million cells (16 MB) at most; finer than 10 m buys nothing.
constexpr double kMaxCells = 4.0e6;
constexpr double kMinCell = 10.0;

std::unique_ptr<OGRGeometry> to_ogr(const GeosContext& ctx, const GEOSGeometry* g) {
  const std::vector<unsigned char> wkb = geom_to_wkb(ctx, g);
  OGRGeometry* out = nullptr;
  if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &out, wkb.size()) != OGRERR_NONE)
    throw internal_error("ward index", "cannot convert a ward geometry for rasterising");
  return std::unique_ptr<OGRGeometry>(out);
}

}  // namespace

WardIndex::WardIndex(const GeosContext& ctx, const std::vector<Ward>& wards, Diagnostics* diag) : ctx_(ctx) {
  if (wards.empty()) throw bad_input("wards", "no wards to index");
  extent_ = Bounds{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
  for (std::uint32_t i = 0; i < wards.size(); ++i) {
    geoms_.push_back(geom_from_wkb(ctx, wards[i].wkb));
    prepared_.push_back(prepare(ctx, geoms_.back().get()));
    double x0, y0, x1, y1;
    if (!GEOSGeom_getXMin_r(ctx.get(), geoms_.back().get(), &x0) ||
        !GEOSGeom_getYMin_r(ctx.get(), geoms_.back().get(), &y0) ||
        !GEOSGeom_getXMax_r(ctx.get(), geoms_.back().get(), &x1) ||
        !GEOSGeom_getYMax_r(ctx.get(), geoms_.back().get(), &y1))
      throw internal_error("ward index", "ward " + wards[i].code + " has an empty geometry");
    tree_.insert(Entry(BBox(BPoint(x0, y0), BPoint(x1, y1)), i));
    extent_ = Bounds{std::min(extent_.min_x, x0), std::min(extent_.min_y, y0),
                     std::max(extent_.max_x, x1), std::max(extent_.max_y, y1)};
  }
  build_lookup_grid();
  if (diag) warn_overlaps(wards, *diag);
}

void WardIndex::warn_overlaps(const std::vector<Ward>& wards, Diagnostics& diag) const {
  std::vector<std::string> pairs;
  std::vector<Entry> near;
  for (std::uint32_t i = 0; i < geoms_.size(); ++i) {
    near.clear();
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    GEOSGeom_getXMin_r(ctx_.get(), geoms_[i].get(), &x0);
    GEOSGeom_getYMin_r(ctx_.get(), geoms_[i].get(), &y0);
    GEOSGeom_getXMax_r(ctx_.get(), geoms_[i].get(), &x1);
    GEOSGeom_getYMax_r(ctx_.get(), geoms_[i].get(), &y1);
    tree_.query(boost::geometry::index::intersects(BBox(BPoint(x0, y0), BPoint(x1, y1))), std::back_inserter(near));
    std::sort(near.begin(), near.end(), [](const Entry& a, const Entry& b) { return a.second < b.second; });
    for (const Entry& e : near) {
      if (e.second <= i) continue;
      GeomPtr both = own(ctx_, GEOSIntersection_r(ctx_.get(), geoms_[i].get(), geoms_[e.second].get()),
                         "intersecting wards");
      double area = 0;
      GEOSArea_r(ctx_.get(), both.get(), &area);
      if (area > kOverlapM2)
        pairs.push_back(fmt::format("{} ({}) and {} ({}) share {:.0f} m2", wards[i].code, wards[i].name,
                                    wards[e.second].code, wards[e.second].name, area));
    }
  }
  if (pairs.empty()) return;
  const std::size_t n = pairs.size();
  const std::vector<std::string> shown(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(n, 10)));
  diag.warn(fmt::format("{} pair{} of wards overlap: {}{}. A point in an overlap counts in the ward with the lowest "
                        "code only. Check the boundary file (or wards.where, which may select two editions).",
                        n, n == 1 ? "" : "s", fmt::join(shown, "; "),
                        shown.size() < n ? fmt::format("; and {} more", n - shown.size()) : ""));
}

void WardIndex::build_lookup_grid() {
  const double w = extent_.max_x - extent_.min_x, h = extent_.max_y - extent_.min_y;
  cell_ = std::max(kMinCell, std::sqrt(w * h / kMaxCells));
  // One spare cell on each side so the outer boundary is never on the grid edge.
  origin_x_ = extent_.min_x - cell_;
  origin_y_ = extent_.max_y + cell_;
  nx_ = static_cast<int>(std::ceil(w / cell_)) + 2;
  ny_ = static_cast<int>(std::ceil(h / cell_)) + 2;

  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  if (!mem) throw internal_error("ward index", "GDAL's MEM driver is missing");
  GDALDatasetUniquePtr grid(mem->Create("", nx_, ny_, 2, GDT_UInt32, nullptr));
  double gt[6] = {origin_x_, cell_, 0, origin_y_, 0, -cell_};
  grid->SetGeoTransform(gt);

  std::vector<std::unique_ptr<OGRGeometry>> owned;
  std::vector<OGRGeometryH> polygons, boundaries;
  std::vector<double> ward_values, boundary_values;
  // Burnt from the last ward to the first: where wards overlap, the last burn
  // wins, and it must be the lowest code, as in locate_exact.
  for (std::size_t i = geoms_.size(); i-- > 0;) {
    owned.push_back(to_ogr(ctx_, geoms_[i].get()));
    polygons.push_back(OGRGeometry::ToHandle(owned.back().get()));
    ward_values.push_back(static_cast<double>(i + 1));
    GeomPtr boundary = own(ctx_, GEOSBoundary_r(ctx_.get(), geoms_[i].get()), "ward boundary");
    owned.push_back(to_ogr(ctx_, boundary.get()));
    boundaries.push_back(OGRGeometry::ToHandle(owned.back().get()));
    boundary_values.push_back(1.0);
  }
  int band1 = 1, band2 = 2;
  const char* all_touched[] = {"ALL_TOUCHED=TRUE", nullptr};
  if (GDALRasterizeGeometries(grid.get(), 1, &band1, static_cast<int>(polygons.size()),
                              polygons.data(), nullptr, nullptr, ward_values.data(), nullptr,
                              nullptr, nullptr) != CE_None ||
      GDALRasterizeGeometries(grid.get(), 1, &band2, static_cast<int>(boundaries.size()),
                              boundaries.data(), nullptr, nullptr, boundary_values.data(),
                              const_cast<char**>(all_touched), nullptr, nullptr) != CE_None)
    throw internal_error("ward index", "rasterising wards failed: " + std::string(CPLGetLastErrorMsg()));

  const std::size_t n = static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_);
  std::vector<std::uint32_t> ward(n), edge(n);
  if (grid->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, nx_, ny_, ward.data(), nx_, ny_, GDT_UInt32, 0, 0) != CE_None ||
      grid->GetRasterBand(2)->RasterIO(GF_Read, 0, 0, nx_, ny_, edge.data(), nx_, ny_, GDT_UInt32, 0, 0) != CE_None)
    throw internal_error("ward index", "reading the lookup grid failed");

  cells_.assign(n, kNoWard);
  for (int r = 0; r < ny_; ++r) {
    for (int c = 0; c < nx_; ++c) {
      bool near_edge = false;
      for (int dr = -1; dr <= 1 && !near_edge; ++dr)
        for (int dc = -1; dc <= 1 && !near_edge; ++dc) {
          const int rr = r + dr, cc = c + dc;
          near_edge = rr >= 0 && rr < ny_ && cc >= 0 && cc < nx_ &&
                      edge[static_cast<std::size_t>(rr) * nx_ + cc] != 0;
        }
      const std::size_t k = static_cast<std::size_t>(r) * nx_ + c;
      cells_[k] = near_edge ? kBoundary : (ward[k] == 0 ? kNoWard : ward[k] - 1);
    }
  }
}

double WardIndex::boundary_cell_share() const {
  if (cells_.empty()) return 0;
  return static_cast<double>(std::count(cells_.begin(), cells_.end(), kBoundary)) / cells_.size();
}

std::uint32_t WardIndex::locate(double x, double y) const {
  const double fx = (x - origin_x_) / cell_, fy = (origin_y_ - y) / cell_;
  if (!(fx >= 0 && fy >= 0 && fx < nx_ && fy < ny_)) return kNoWard;  // also catches NaN
  const std::uint32_t v =
      cells_[static_cast<std::size_t>(fy) * static_cast<std::size_t>(nx_) + static_cast<std::size_t>(fx)];
  return v == kBoundary ? locate_exact(x, y) : v;
}

std::uint32_t WardIndex::locate_exact(double x, double y) const {
  hits_.clear();
  tree_.query(boost::geometry::index::intersects(BPoint(x, y)), std::back_inserter(hits_));
  if (hits_.empty()) return kNoWard;
  std::sort(hits_.begin(), hits_.end(), [](const Entry& a, const Entry& b) { return a.second < b.second; });
  GeomPtr point = own(ctx_, GEOSGeom_createPointFromXY_r(ctx_.get(), x, y), "creating a point");
  for (const Entry& e : hits_) {
    if (predicate_result(ctx_, GEOSPreparedCovers_r(ctx_.get(), prepared_[e.second].get(), point.get()),
                         "point-in-ward test"))
      return e.second;
  }
  return kNoWard;
}

}  // namespace hotspot
