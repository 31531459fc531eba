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

WardIndex::WardIndex(const WardSet& wards) : wards_(wards) { build_lookup_grid(); }

void WardIndex::build_lookup_grid() {
  const GeosContext& ctx = wards_.context();
  const Bounds& extent = wards_.extent();
  const double w = extent.max_x - extent.min_x, h = extent.max_y - extent.min_y;
  cell_ = std::max(kMinCell, std::sqrt(w * h / kMaxCells));
  // One spare cell on each side so the outer boundary is never on the grid edge.
  origin_x_ = extent.min_x - cell_;
  origin_y_ = extent.max_y + cell_;
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
  for (std::size_t i = wards_.size(); i-- > 0;) {
    owned.push_back(to_ogr(ctx, wards_.geom(i)));
    polygons.push_back(OGRGeometry::ToHandle(owned.back().get()));
    ward_values.push_back(static_cast<double>(i + 1));
    GeomPtr boundary = own(ctx, GEOSBoundary_r(ctx.get(), wards_.geom(i)), "ward boundary");
    owned.push_back(to_ogr(ctx, boundary.get()));
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
  wards_.near(Bounds{x, y, x, y}, hits_);  // in ward order
  if (hits_.empty()) return kNoWard;
  const GeosContext& ctx = wards_.context();
  GeomPtr point = own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), x, y), "creating a point");
  for (const std::uint32_t w : hits_) {
    if (predicate_result(ctx, GEOSPreparedCovers_r(ctx.get(), wards_.prepared(w), point.get()), "point-in-ward test"))
      return w;
  }
  return kNoWard;
}

}  // namespace hotspot
